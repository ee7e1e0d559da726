import { DeadlinesError, DeadlinesErrorCode } from '../deadlines.errors';
import { daysFromCivil, daysInMonth, formatDay, MS_PER_DAY, pad2, SHANGHAI_OFFSET_MS, shanghaiDayOf } from './civil-date.util';

/**
 * An instant as the library accepts it: an ISO-8601 string WITH an offset (`Z` or `±HH:MM`),
 * a `Date`, or epoch milliseconds. Strings without an offset are refused, because JavaScript
 * would read them in the machine's local time zone and the same matter would get different
 * deadlines on different machines.
 */
export type InstantInput = string | Date | number;

const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|z|[+-]\d{2}:?\d{2})$/;

/** Earliest and latest instants accepted (years 1000-9999 keep every format 4-digit). */
const MIN_MS = -30_610_224_000_000; // 1000-01-01T00:00Z
const MAX_MS = 253_402_300_799_999; // 9999-12-31T23:59:59.999Z

function invalid(field: string, input: unknown, why: string): DeadlinesError {
  return new DeadlinesError(DeadlinesErrorCode.InvalidInstant, `${field} ${why} (got ${JSON.stringify(input)})`);
}

/** Value of two ASCII digits at `i`, or -1. */
function digits2(text: string, i: number): number {
  const a = text.charCodeAt(i) - 48;
  const b = text.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/**
 * Fast path for the canonical shapes `YYYY-MM-DDTHH:MM:SS[.mmm](Z|±HH:MM)` that services and
 * databases emit; everything else (and every invalid value) goes through the full regex parser.
 * Returns NaN when the fast path does not apply.
 */
function parseCanonical(text: string): number {
  const n = text.length;
  if (
    n < 20 ||
    text.charCodeAt(4) !== 45 ||
    text.charCodeAt(7) !== 45 ||
    text.charCodeAt(10) !== 84 ||
    text.charCodeAt(13) !== 58 ||
    text.charCodeAt(16) !== 58
  ) {
    return NaN;
  }
  const hi = digits2(text, 0);
  const lo = digits2(text, 2);
  const month = digits2(text, 5);
  const dayOfMonth = digits2(text, 8);
  const hour = digits2(text, 11);
  const minute = digits2(text, 14);
  const second = digits2(text, 17);
  if ((hi | lo | month | dayOfMonth | hour | minute | second) < 0) return NaN;
  const year = hi * 100 + lo;
  if (month < 1 || month > 12 || dayOfMonth < 1 || dayOfMonth > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
    return NaN;
  let i = 19;
  let millis = 0;
  if (text.charCodeAt(i) === 46 && n >= 23) {
    const m1 = digits2(text, 20);
    const m2 = text.charCodeAt(22) - 48;
    const after = text.charCodeAt(23);
    if (m1 < 0 || m2 < 0 || m2 > 9 || (after >= 48 && after <= 57)) return NaN;
    millis = m1 * 10 + m2;
    i = 23;
  }
  let offsetMinutes: number;
  if (n === i + 1 && text.charCodeAt(i) === 90) offsetMinutes = 0;
  else if (n === i + 6 && text.charCodeAt(i + 3) === 58) {
    const sign = text.charCodeAt(i);
    const offH = digits2(text, i + 1);
    const offM = digits2(text, i + 4);
    if ((sign !== 43 && sign !== 45) || offH < 0 || offM < 0 || offH > 23 || offM > 59) return NaN;
    offsetMinutes = (sign === 45 ? -1 : 1) * (offH * 60 + offM);
  } else return NaN;
  return daysFromCivil(year, month, dayOfMonth) * MS_PER_DAY + ((hour * 60 + minute - offsetMinutes) * 60 + second) * 1000 + millis;
}

function parseIsoInstant(text: string, field: string): number {
  const fast = parseCanonical(text);
  if (fast === fast) return fast; // not NaN
  const m = ISO_INSTANT.exec(text);
  if (m === null) {
    throw invalid(field, text, 'must be an ISO-8601 instant with an offset, e.g. 2026-10-08T09:30:00+08:00');
  }
  const year = Number(m[1]);
  const month = Number(m[2]);
  const dayOfMonth = Number(m[3]);
  const hour = Number(m[4]);
  const minute = Number(m[5]);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  const millis = m[7] === undefined ? 0 : Number(m[7].padEnd(3, '0').slice(0, 3));
  if (month < 1 || month > 12 || dayOfMonth < 1 || dayOfMonth > daysInMonth(year, month)) {
    throw invalid(field, text, 'is not a real calendar date');
  }
  // ISO 8601 allows 24:00:00 as "end of this day", the very instant our due dates denote.
  const endOfDay = hour === 24 && minute === 0 && second === 0 && millis === 0;
  if ((hour > 23 && !endOfDay) || minute > 59 || second > 59) {
    throw invalid(field, text, 'has an impossible time of day');
  }
  const zone = m[8];
  let offsetMinutes = 0;
  if (zone !== 'Z' && zone !== 'z') {
    const digits = zone.replace(':', '');
    const offH = Number(digits.slice(1, 3));
    const offM = Number(digits.slice(3, 5));
    if (offH > 23 || offM > 59) throw invalid(field, text, 'has an impossible UTC offset');
    offsetMinutes = (zone[0] === '-' ? -1 : 1) * (offH * 60 + offM);
  }
  return daysFromCivil(year, month, dayOfMonth) * MS_PER_DAY + ((hour * 60 + minute - offsetMinutes) * 60 + second) * 1000 + millis;
}

/**
 * Converts an {@link InstantInput} to epoch milliseconds.
 * @param field name used in the error message (e.g. `start`, `--from`).
 * @throws DeadlinesError `InvalidInstant` for unparsable strings, strings without offset,
 *   invalid Dates and non-finite numbers.
 */
export function toEpochMs(input: InstantInput, field = 'instant'): number {
  let ms: number;
  if (typeof input === 'string') ms = parseIsoInstant(input, field);
  else if (typeof input === 'number') ms = input;
  else if (input instanceof Date) ms = input.getTime();
  else throw invalid(field, input, 'must be an ISO string with offset, a Date or epoch milliseconds');
  if (!Number.isFinite(ms) || !Number.isInteger(ms) || ms < MIN_MS || ms > MAX_MS) {
    throw invalid(field, typeof input === 'object' ? String(input) : input, 'is not a valid instant');
  }
  return ms;
}

/**
 * Formats epoch milliseconds as an ISO-8601 instant in Asia/Shanghai with an explicit `+08:00`
 * offset, e.g. `2026-10-09T00:00:00+08:00`. Milliseconds are written only when non-zero, so
 * every due date of a day-based period renders identically everywhere.
 */
export function formatInstant(epochMs: number): string {
  const local = epochMs + SHANGHAI_OFFSET_MS;
  const day = Math.floor(local / MS_PER_DAY);
  let rest = local - day * MS_PER_DAY;
  const millis = rest % 1000;
  rest = (rest - millis) / 1000;
  const second = rest % 60;
  rest = (rest - second) / 60;
  const minute = rest % 60;
  const hour = (rest - minute) / 60;
  const time = hour === 0 && minute === 0 && second === 0 ? 'T00:00:00' : `T${pad2(hour)}:${pad2(minute)}:${pad2(second)}`;
  const fraction = millis === 0 ? '' : `.${millis < 10 ? '00' : millis < 100 ? '0' : ''}${millis}`;
  return formatDay(day) + time + fraction + '+08:00';
}

/**
 * The Asia/Shanghai civil date (`YYYY-MM-DD`) of an instant, e.g. to bucket events into the
 * months and quarters of unit scores the same way on every machine.
 */
export function shanghaiDateOf(input: InstantInput): string {
  return formatDay(shanghaiDayOf(toEpochMs(input)));
}

/**
 * The last day (`YYYY-MM-DD`, Asia/Shanghai) of a period due at `due`. A due instant is exclusive:
 * a period due at 00:00 ends on the day before, which is the day a notice or a document names.
 */
export function lastDayOfPeriod(due: InstantInput): string {
  return shanghaiDateOf(toEpochMs(due, 'due') - 1);
}
