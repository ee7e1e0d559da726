import { toOffsetIso } from '@petition/contracts';
import { StatsQueryError } from './stats.errors';

/** An inclusive range of calendar days in Asia/Shanghai, as `YYYY-MM-DD`. */
export interface DayRange {
  from: string;
  to: string;
}

const DAY_MS = 86_400_000;

/** Today's date in Asia/Shanghai for an instant. */
export function shanghaiDay(instant: Date): string {
  return toOffsetIso(instant).slice(0, 10);
}

/** `day` plus `days` (may be negative). */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Number of days in an inclusive range. */
export function rangeLength(r: DayRange): number {
  return Math.round((Date.parse(`${r.to}T00:00:00Z`) - Date.parse(`${r.from}T00:00:00Z`)) / DAY_MS) + 1;
}

/** The period of equal length just before `r` — what "change" is measured against. */
export function previousRange(r: DayRange): DayRange {
  const len = rangeLength(r);
  return { from: addDays(r.from, -len), to: addDays(r.from, -1) };
}

/**
 * Resolves an optional from/to against the service clock (default: the last 30 days up to
 * today) and enforces from ≤ to and the longest range allowed.
 */
export function resolveRange(from: string | undefined, to: string | undefined, today: string, maxDays: number): DayRange {
  const end = to ?? today;
  const start = from ?? addDays(end, -29);
  const range = { from: start, to: end };
  for (const [field, day] of [
    ['from', start],
    ['to', end],
  ] as const) {
    if (addDays(day, 0) !== day) throw new StatsQueryError([{ field, reason: `${day} is not a calendar date` }]);
  }
  if (start > end) throw new StatsQueryError([{ field: 'from', reason: 'from must not be after to' }]);
  if (rangeLength(range) > maxDays) throw new StatsQueryError([{ field: 'to', reason: `the range may span at most ${maxDays} days` }]);
  return range;
}

/** Relative change, null when there is nothing to compare with (never a fake 0 % or 100 %). */
export function changeRate(current: number, previous: number): number | null {
  return previous === 0 ? null : Math.round(((current - previous) / previous) * 10000) / 10000;
}
