import type { WorkCalendar } from '../calendar/work-calendar.model';
import type { WarningPolicy } from '../rules/rule-set.types';
import type { StatutoryCap } from '../rules/stage-catalogue.data';
import type { PeriodKind } from '../rules/stage-id';
import { MS_PER_DAY, shanghaiDayOf, startOfShanghaiDay } from '../time/civil-date.util';

/*
 * The arithmetic every due date goes through. Instants are epoch milliseconds, days are day
 * numbers (see civil-date.util); no Date objects. A day-based period is carried as its last
 * day; its due instant is 00:00 (Asia/Shanghai) of the following day, an exclusive bound.
 */

const MS_PER_HOUR = 3_600_000;

/** Something that happened to a running clock, in chronological order. */
export type ClockEvent =
  | { readonly type: 'pause'; readonly from: number; readonly to: number }
  | { readonly type: 'extension'; readonly at: number; readonly units: number; readonly unitKind: 'calendar_days' | 'working_days' };

/** Where a period ends. */
export interface PeriodEnd {
  /** Due instant (exclusive bound), epoch ms. */
  readonly dueMs: number;
  /** Last civil day of the period (day number); for hours, the day holding the last instant. */
  readonly lastDay: number;
  /** First provisional day the computation depended on, or null when it is final. */
  readonly provisionalFrom: number | null;
  /** Article of the statutory cap that cut the local period short, or null. */
  readonly cappedBy: string | null;
}

/**
 * Last day after `n` units counted from `fromDay` (not itself counted):
 * calendar days roll a rest-day end to the next working day (民法典 Art. 203);
 * working days end on the n-th working day after `fromDay`.
 */
export function advanceDays(calendar: WorkCalendar, kind: 'calendar_days' | 'working_days', fromDay: number, n: number): number {
  if (kind === 'calendar_days') return calendar.firstWorkdayOnOrAfterDay(fromDay + n);
  return n === 0 ? fromDay : calendar.nthWorkdayAfterDay(fromDay, n);
}

/**
 * How much of a period a pause takes away, in units of the period's kind:
 * hours → the exact paused milliseconds; calendar days → every civil day the pause touched
 * (a hearing from 14:00 to 17:00 costs the unit that day); working days → the working days
 * among the days the pause touched. A pause that touched no working day counts 0.
 */
export function countPause(calendar: WorkCalendar, kind: PeriodKind, from: number, to: number): number {
  if (kind === 'hours') return to - from;
  const first = shanghaiDayOf(from);
  const last = shanghaiDayOf(to - 1);
  return kind === 'calendar_days' ? last - first + 1 : calendar.workdaysInDays(first, last);
}

function firstProvisional(calendar: WorkCalendar, current: number | null, from: number, to: number): number | null {
  if (current !== null) return current;
  return calendar.firstProvisionalInDays(from, to);
}

/**
 * Extends a period that currently ends at `end` by one pause or extension, from where it ends:
 * so a pause always moves the due date by at least its counted length (README "Pauses and
 * extensions"). Events must be applied in chronological order.
 */
export function appendToPeriod(
  calendar: WorkCalendar,
  kind: PeriodKind,
  end: PeriodEnd,
  event: ClockEvent,
  extensionsApply = true,
): PeriodEnd {
  if (kind === 'hours') {
    if (event.type !== 'pause') return end;
    const dueMs = end.dueMs + (event.to - event.from);
    return { dueMs, lastDay: shanghaiDayOf(dueMs - 1), provisionalFrom: null, cappedBy: end.cappedBy };
  }
  let provisional = end.provisionalFrom;
  let units: number;
  let unitKind: 'calendar_days' | 'working_days';
  if (event.type === 'pause') {
    units = countPause(calendar, kind, event.from, event.to);
    unitKind = kind;
    if (kind === 'working_days')
      provisional = firstProvisional(calendar, provisional, shanghaiDayOf(event.from), shanghaiDayOf(event.to - 1));
  } else {
    if (!extensionsApply) return end;
    units = event.units;
    unitKind = event.unitKind;
  }
  const last = advanceDays(calendar, unitKind, end.lastDay, units);
  provisional = firstProvisional(calendar, provisional, unitKind === 'calendar_days' ? end.lastDay + units : end.lastDay + 1, last);
  return { dueMs: startOfShanghaiDay(last + 1), lastDay: last, provisionalFrom: provisional, cappedBy: end.cappedBy };
}

/** Runs a clock of `limit` units of `kind` from `startMs` through its pauses and extensions. */
export function runClock(
  calendar: WorkCalendar,
  kind: PeriodKind,
  limit: number,
  startMs: number,
  events: readonly ClockEvent[],
  extensionsApply = true,
): PeriodEnd {
  let end: PeriodEnd;
  if (kind === 'hours') {
    const dueMs = startMs + limit * MS_PER_HOUR;
    end = { dueMs, lastDay: shanghaiDayOf(dueMs - 1), provisionalFrom: null, cappedBy: null };
  } else {
    const startDay = shanghaiDayOf(startMs);
    const last = advanceDays(calendar, kind, startDay, limit);
    const provisionalFrom = calendar.firstProvisionalInDays(kind === 'calendar_days' ? startDay + limit : startDay + 1, last);
    end = { dueMs: startOfShanghaiDay(last + 1), lastDay: last, provisionalFrom, cappedBy: null };
  }
  for (const e of events) end = appendToPeriod(calendar, kind, end, e, extensionsApply);
  return end;
}

/**
 * The period end of a stage: the local clock, cut back to the statutory cap when the two are
 * counted differently (e.g. 3 working days against a 15-day cap across Spring Festival).
 * Same-kind limits were already checked against the cap when the rule set loaded.
 */
export function stagePeriodEnd(
  calendar: WorkCalendar,
  kind: PeriodKind,
  limit: number,
  cap: StatutoryCap | null,
  startMs: number,
  events: readonly ClockEvent[],
): PeriodEnd {
  const local = runClock(calendar, kind, limit, startMs, events);
  if (cap === null || cap.kind === kind) return local;
  const capped = runClock(calendar, cap.kind, cap.limit, startMs, events, cap.extensionDays !== undefined);
  // The comparison depends on both clocks, so either one's provisional days make it provisional.
  const provisionalFrom =
    local.provisionalFrom === null || capped.provisionalFrom === null
      ? (local.provisionalFrom ?? capped.provisionalFrom)
      : Math.min(local.provisionalFrom, capped.provisionalFrom);
  if (capped.dueMs < local.dueMs) return { ...capped, provisionalFrom, cappedBy: cap.source };
  return { ...local, provisionalFrom };
}

/**
 * When the deadline turns to `warning`: the earlier of "fractionLeft of the period left" and
 * "workingDaysLeft working days left" (00:00 of the first of those working days), never before
 * the start. The fraction is measured in the period's own time: exact time for hours; calendar
 * time from 00:00 after the start day (the start day is not counted) for calendar days; working
 * days for working days (0.6 of a working day left = 09:36 on the last working day).
 * Hour periods use the fraction only: they run around the clock.
 */
export function warningAtMs(calendar: WorkCalendar, kind: PeriodKind, startMs: number, end: PeriodEnd, policy: WarningPolicy): number {
  const f = policy.fractionLeft;
  if (kind === 'hours') return Math.max(startMs, end.dueMs - Math.round(f * (end.dueMs - startMs)));
  const startDay = shanghaiDayOf(startMs);
  let at: number;
  if (kind === 'calendar_days') {
    at = end.dueMs - Math.round(f * (end.dueMs - startOfShanghaiDay(startDay + 1)));
  } else {
    const left = f * calendar.workdaysInDays(startDay + 1, end.lastDay);
    const whole = Math.floor(left);
    const partMs = Math.round((left - whole) * MS_PER_DAY);
    at =
      partMs === 0
        ? whole === 0
          ? end.dueMs
          : startOfShanghaiDay(calendar.nthWorkdayOnOrBeforeDay(end.lastDay, whole))
        : startOfShanghaiDay(calendar.nthWorkdayOnOrBeforeDay(end.lastDay, whole + 1)) + MS_PER_DAY - partMs;
  }
  if (policy.workingDaysLeft > 0) {
    at = Math.min(at, startOfShanghaiDay(calendar.nthWorkdayOnOrBeforeDay(end.lastDay, policy.workingDaysLeft)));
  }
  return Math.max(startMs, at);
}
