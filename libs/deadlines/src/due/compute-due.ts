import type { WorkCalendar } from '../calendar/work-calendar.model';
import { DeadlinesError, DeadlinesErrorCode } from '../deadlines.errors';
import type { RuleSet } from '../rules/rule-set.model';
import type { PeriodLimit, StageRule } from '../rules/rule-set.types';
import type { StatutoryCap } from '../rules/stage-catalogue.data';
import type { PeriodKind, StageId } from '../rules/stage-id';
import { formatDay } from '../time/civil-date.util';
import { formatInstant, toEpochMs } from '../time/instant.util';
import type { InstantInput } from '../time/instant.util';
import { stagePeriodEnd, warningAtMs } from './period-arithmetic.util';

/** Inputs of {@link computeDue}. */
export interface ComputeDueInput {
  /** When the stage's clock starts (ISO with offset, Date or epoch ms). */
  readonly start: InstantInput;
  /** Stage id, e.g. `handling_standard`. */
  readonly stage: StageId | string;
  readonly rules: RuleSet;
  readonly calendar: WorkCalendar;
  /** Use the stage's urgent variant (first contact: 24 hours). */
  readonly urgent?: boolean;
}

/** A computed due date. All instants are ISO-8601 with `+08:00`. */
export interface DueResult {
  readonly stage: StageId;
  /** The clock start, normalised to Asia/Shanghai. */
  readonly start: string;
  /**
   * The due instant: the deadline is met by anything strictly before it and overdue from it on.
   * For day periods it is 00:00 of the day after the last day (= 24:00 of the last day).
   */
  readonly due: string;
  /** Last civil day of the period (`YYYY-MM-DD`), what a notice to the petitioner shows. */
  readonly lastDay: string;
  /** When the deadline turns to `warning`. */
  readonly warningAt: string;
  readonly kind: PeriodKind;
  readonly limit: number;
  readonly urgent: boolean;
  /** True when a day of the provisional calendar was used; recompute when the year is official. */
  readonly provisional: boolean;
  /** First provisional day the result depends on (`YYYY-MM-DD`), or null. */
  readonly provisionalFrom: string | null;
  /** Rule set and version used, e.g. `default@2022.1`. Store it with the deadline. */
  readonly ruleSetVersion: string;
  /** Calendar revision used. */
  readonly calendarRevision: string;
  readonly statutoryCap: StatutoryCap | null;
  /** Article of the statutory cap that shortened the local period, or null. */
  readonly cappedBy: string | null;
}

/**
 * Resolves the period a stage runs for (its urgent variant when asked).
 * @throws DeadlinesError `UnknownStage`, `NoUrgentVariant`.
 */
export function periodOf(rule: StageRule, urgent: boolean): PeriodLimit {
  if (!urgent) return rule;
  if (rule.urgent === null) {
    throw new DeadlinesError(DeadlinesErrorCode.NoUrgentVariant, `stage "${rule.stage}" has no urgent variant`);
  }
  return rule.urgent;
}

/**
 * Computes when a stage that starts at `start` is due, under a rule set and a calendar.
 * Pure and synchronous; the same input gives the same output on every machine and time zone.
 * @throws DeadlinesError `InvalidInstant`, `UnknownStage`, `NoUrgentVariant`, `CalendarRange`.
 */
export function computeDue(input: ComputeDueInput): DueResult {
  const rule = input.rules.stage(input.stage);
  const urgent = input.urgent === true;
  const period = periodOf(rule, urgent);
  const startMs = toEpochMs(input.start, 'start');
  const end = stagePeriodEnd(input.calendar, period.kind, period.limit, rule.statutoryCap, startMs, []);
  return {
    stage: rule.stage,
    start: formatInstant(startMs),
    due: formatInstant(end.dueMs),
    lastDay: formatDay(end.lastDay),
    warningAt: formatInstant(warningAtMs(input.calendar, period.kind, startMs, end, rule.warning)),
    kind: period.kind,
    limit: period.limit,
    urgent,
    provisional: end.provisionalFrom !== null,
    provisionalFrom: end.provisionalFrom === null ? null : formatDay(end.provisionalFrom),
    ruleSetVersion: input.rules.ref,
    calendarRevision: input.calendar.revision,
    statutoryCap: rule.statutoryCap,
    cappedBy: end.cappedBy,
  };
}

/** When a stage's statutory cap runs out, counted from `start` on its own terms. */
export interface StatutoryDueResult {
  readonly stage: StageId;
  readonly start: string;
  /** Exclusive bound, as for {@link DueResult.due}. */
  readonly due: string;
  readonly lastDay: string;
  readonly cap: StatutoryCap;
  readonly provisional: boolean;
  readonly calendarRevision: string;
}

/**
 * The due date of a stage's statutory cap alone, whatever the local rule set asks for: the outer
 * limit the law sets. Intake uses it for the written notice to the petitioner of a triage decision,
 * which the regulation fixes at 15 days from receipt (条例 Art. 22) although a city may hold its
 * clerks to one working day for the triage itself.
 * @throws DeadlinesError `UnknownStage` (or a stage without a cap), `InvalidInstant`, `CalendarRange`.
 */
export function computeStatutoryDue(input: Omit<ComputeDueInput, 'urgent'>): StatutoryDueResult {
  const rule = input.rules.stage(input.stage);
  const cap = rule.statutoryCap;
  if (cap === null) throw new DeadlinesError(DeadlinesErrorCode.UnknownStage, `stage "${rule.stage}" has no statutory cap`);
  const startMs = toEpochMs(input.start, 'start');
  const end = stagePeriodEnd(input.calendar, cap.kind, cap.limit, null, startMs, []);
  return {
    stage: rule.stage,
    start: formatInstant(startMs),
    due: formatInstant(end.dueMs),
    lastDay: formatDay(end.lastDay),
    cap,
    provisional: end.provisionalFrom !== null,
    calendarRevision: input.calendar.revision,
  };
}
