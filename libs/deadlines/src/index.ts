/**
 * `@petition/deadlines` — due dates for every stage of a petition (信访), the same on every
 * machine, in every time zone, forever. Pure and synchronous: the only I/O is reading the
 * holiday data (chinese-days JSON) and the optional override and rule-set files at load time.
 *
 * ```ts
 * const calendar = loadCalendar();                 // once at startup; log calendar.startupWarning(now)
 * const rules = defaultRuleSet();                  // or loadRuleSetFile('city-rules.json')
 * const r = computeDue({ start: '2026-08-10T09:00:00+08:00', stage: 'handling_standard', rules, calendar });
 * r.due;  // '2026-10-10T00:00:00+08:00' — due instant = 00:00 after the last day (exclusive)
 * ```
 */

export { DeadlinesError, DeadlinesErrorCode } from './deadlines.errors';

export { formatInstant, lastDayOfPeriod, shanghaiDateOf, toEpochMs } from './time/instant.util';
export type { InstantInput } from './time/instant.util';

export { loadCalendar } from './calendar/calendar.loader';
export type { LoadCalendarOptions } from './calendar/calendar.loader';
export { WorkCalendar } from './calendar/work-calendar.model';
export type { CalendarCoverage, CalendarDay, DaySource } from './calendar/work-calendar.model';
export type { CalendarOverrideDay, CalendarOverrideYear, CalendarOverrides } from './calendar/calendar-overrides';
export type { OfficialHolidayData } from './calendar/official-holiday-data';
export { CALENDAR_FIRST_YEAR, CALENDAR_LAST_YEAR } from './calendar/calendar-range';

export { PERIOD_KINDS, STAGE_IDS, isPeriodKind, isStageId } from './rules/stage-id';
export type { PeriodKind, StageId } from './rules/stage-id';
export { STAGE_CATALOGUE } from './rules/stage-catalogue.data';
export type { StageDescription, StageHolder, StatutoryCap } from './rules/stage-catalogue.data';
export { stageHolder } from './rules/stage-holder';
export { DEFAULT_RULE_SET_INPUT } from './rules/default-rule-set.data';
export { RuleSet } from './rules/rule-set.model';
export { defaultRuleSet, loadRuleSet, loadRuleSetFile } from './rules/rule-set.loader';
export type { EscalationLadder, PeriodLimit, RuleSetInput, StageRule, StageRuleInput, WarningPolicy } from './rules/rule-set.types';

export { computeDue, computeStatutoryDue } from './due/compute-due';
export type { ComputeDueInput, DueResult, StatutoryDueResult } from './due/compute-due';

export { Deadline } from './deadline/deadline.model';
export type { Attribution } from './deadline/deadline.model';
export { recomputeProvisional } from './deadline/recompute-provisional';
export type { RecomputeOutcome } from './deadline/recompute-provisional';
export { DEADLINE_RECORD_FORMAT } from './deadline/deadline.types';
export type {
  CalendarRevisionRecord,
  DeadlineRecord,
  DeadlineState,
  DeadlineStatus,
  EscalationStatus,
  EscalationStep,
  ExtensionRecord,
  PauseRecord,
} from './deadline/deadline.types';
