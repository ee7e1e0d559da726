import type { EscalationLadder, WarningPolicy } from '../rules/rule-set.types';
import type { StatutoryCap } from '../rules/stage-catalogue.data';
import type { PeriodKind, StageId } from '../rules/stage-id';

/** Tag of the stored record format; bumped only with a migration path. */
export const DEADLINE_RECORD_FORMAT = 'petition.deadline/1';

/** A pause of the clock (e.g. hearing time in a re-examination, 条例 Art. 36). */
export interface PauseRecord {
  /** When the clock stopped (ISO, +08:00). */
  readonly from: string;
  /** When it started again, or null while the pause is open. */
  readonly to: string | null;
  /** Who paused it (user id or name). */
  readonly by: string;
  /** Why, e.g. `听证`. */
  readonly reason: string;
}

/** An approved extension (延期, 条例 Art. 34): once, before the deadline, within the cap. */
export interface ExtensionRecord {
  /** Length, in units of `unitKind` (calendar days by default). */
  readonly days: number;
  readonly unitKind: 'calendar_days' | 'working_days';
  /** When it was approved. */
  readonly at: string;
  /** Who approved it (the unit head). */
  readonly by: string;
  /** The reason told to the petitioner. */
  readonly reason: string;
}

/** One recomputation of a provisional deadline after the calendar changed. */
export interface CalendarRevisionRecord {
  readonly fromRevision: string;
  readonly toRevision: string;
  readonly previousDue: string;
  readonly due: string;
  /** True when the official calendar moved the due date. */
  readonly dueChanged: boolean;
  /** Whether the deadline is still provisional after this revision (a further year missing). */
  readonly provisional: boolean;
  /** When the service applied it, if it said so. */
  readonly at: string | null;
}

/**
 * The serialisable state of a deadline: plain JSON, self-contained (the rule parameters used
 * are copied in, so a later rule-set change never moves a stored deadline).
 */
export interface DeadlineRecord {
  readonly format: typeof DEADLINE_RECORD_FORMAT;
  readonly stage: StageId;
  /** e.g. `default@2022.1`. */
  readonly ruleSetVersion: string;
  readonly kind: PeriodKind;
  readonly limit: number;
  readonly urgent: boolean;
  readonly statutoryCap: StatutoryCap | null;
  /** Extension policy fixed at start: max length and unit, or null when not extendable. */
  readonly extensionPolicy: { readonly maxDays: number; readonly unitKind: 'calendar_days' | 'working_days' } | null;
  readonly pausable: boolean;
  readonly warningPolicy: WarningPolicy;
  readonly escalation: EscalationLadder;
  readonly start: string;
  /**
   * Due instant (exclusive). With an open pause: the due date before that pause (its length is
   * added when it ends), i.e. the earliest the due date can be; `statusAt` counts it up to "now".
   */
  readonly due: string;
  readonly lastDay: string;
  readonly warningAt: string;
  readonly provisional: boolean;
  readonly provisionalFrom: string | null;
  readonly calendarRevision: string;
  readonly pauses: readonly PauseRecord[];
  readonly extensions: readonly ExtensionRecord[];
  readonly completedAt: string | null;
  readonly revisions: readonly CalendarRevisionRecord[];
}

/** `met` = completed before the due instant; a late completion stays `overdue` (超期办结). */
export type DeadlineState = 'on_track' | 'warning' | 'overdue' | 'met';

/** Status of a deadline at a given instant. */
export interface DeadlineStatus {
  readonly state: DeadlineState;
  /** The instant asked about. */
  readonly at: string;
  /** Effective due (an open pause counted up to `at`). */
  readonly due: string;
  readonly warningAt: string;
  /** Time since the start (up to completion when completed). */
  readonly elapsedMs: number;
  /** Time left until due (0 once due or completed late). */
  readonly remainingMs: number;
  /** Time past due (at `at`, or at completion). */
  readonly overdueMs: number;
  /** Working days overdue, the escalation ladder's measure (see `overdueBy`). */
  readonly overdueWorkingDays: number;
  readonly paused: boolean;
  readonly completedAt: string | null;
  readonly provisional: boolean;
}

/** Steps of the escalation ladder (docs/rules.md "Warnings and escalation"). */
export type EscalationStep = 'none' | 'urge' | 'supervision_order' | 'flagged_supervision';

/** Where a deadline stands on the escalation ladder. */
export interface EscalationStatus {
  /** Highest step reached. */
  readonly step: EscalationStep;
  readonly overdueWorkingDays: number;
  /** Next step and when it is reached, or null (top reached, completed, or paused). */
  readonly next: { readonly step: Exclude<EscalationStep, 'none'>; readonly at: string } | null;
}
