import type { WorkCalendar } from '../calendar/work-calendar.model';
import { DeadlinesError, DeadlinesErrorCode } from '../deadlines.errors';
import { periodOf } from '../due/compute-due';
import type { ComputeDueInput } from '../due/compute-due';
import { appendToPeriod, stagePeriodEnd, warningAtMs } from '../due/period-arithmetic.util';
import type { ClockEvent, PeriodEnd } from '../due/period-arithmetic.util';
import { formatDay, shanghaiDayOf, startOfShanghaiDay } from '../time/civil-date.util';
import { formatInstant, toEpochMs } from '../time/instant.util';
import type { InstantInput } from '../time/instant.util';
import { fromRecord, toRecord } from './deadline-record.codec';
import type { DeadlineData } from './deadline-record.codec';
import type { DeadlineRecord, DeadlineStatus, EscalationStatus, EscalationStep, ExtensionRecord, PauseRecord } from './deadline.types';

/** Who did something to a deadline, and why (every change is recorded, docs/rules.md). */
export interface Attribution {
  readonly by: string;
  readonly reason: string;
}

function requireText(value: unknown, field: string, code: DeadlinesErrorCode): string {
  if (typeof value !== 'string' || value.trim() === '') throw new DeadlinesError(code, `${field} is required (who and why are recorded)`);
  return value;
}

/**
 * The deadline of one stage of one matter: start, due, pauses, extensions, completion and
 * the rule and calendar versions used. Immutable: every change returns a new `Deadline`.
 * Store it with `toJSON()`, load it with `Deadline.fromJSON(record, calendar)`.
 */
export class Deadline {
  private readonly s: DeadlineData;
  private readonly calendar: WorkCalendar;

  private constructor(state: DeadlineData, calendar: WorkCalendar) {
    this.s = state;
    this.calendar = calendar;
  }

  /**
   * Starts the clock of a stage; the rule parameters are copied in and never change after.
   * @throws DeadlinesError as `computeDue`.
   */
  static start(input: ComputeDueInput): Deadline {
    const rule = input.rules.stage(input.stage);
    const urgent = input.urgent === true;
    const period = periodOf(rule, urgent);
    const extension = input.rules.stage('extension');
    const base: DeadlineData = {
      stage: rule.stage,
      ruleSetVersion: input.rules.ref,
      kind: period.kind,
      limit: period.limit,
      urgent,
      statutoryCap: rule.statutoryCap,
      extensionPolicy:
        rule.extendable && !urgent
          ? { maxDays: extension.limit, unitKind: extension.kind === 'working_days' ? 'working_days' : 'calendar_days' }
          : null,
      pausable: rule.pausable,
      warningPolicy: rule.warning,
      escalation: input.rules.escalation,
      startMs: toEpochMs(input.start, 'start'),
      dueMs: 0,
      lastDay: 0,
      warningAtMs: 0,
      provisionalFrom: null,
      calendarRevision: input.calendar.revision,
      pauses: [],
      extensions: [],
      completedAtMs: null,
      revisions: [],
    };
    return Deadline.settled(base, input.calendar);
  }

  /**
   * Loads a stored record. The stored due date is kept as is (a deadline is fixed when its
   * step starts); only `recomputeProvisional` moves it after a calendar change.
   * @throws DeadlinesError `InvalidRecord`.
   */
  static fromJSON(record: DeadlineRecord | string, calendar: WorkCalendar): Deadline {
    return new Deadline(fromRecord(record), calendar);
  }

  /** @internal Recomputes due, last day, warning and provisional flag from the clock's whole history. */
  static settled(state: DeadlineData, calendar: WorkCalendar): Deadline {
    const end = Deadline.periodEnd(calendar, state, null);
    return new Deadline(
      {
        ...state,
        dueMs: end.dueMs,
        lastDay: end.lastDay,
        warningAtMs: warningAtMs(calendar, state.kind, state.startMs, end, state.warningPolicy),
        provisionalFrom: end.provisionalFrom,
        calendarRevision: calendar.revision,
      },
      calendar,
    );
  }

  /** Stage id. */
  get stage(): DeadlineData['stage'] {
    return this.s.stage;
  }

  /** Clock start (ISO, +08:00). */
  get start(): string {
    return formatInstant(this.s.startMs);
  }

  /** Due instant (ISO, +08:00, exclusive bound); see `DeadlineRecord.due` for open pauses. */
  get due(): string {
    return formatInstant(this.s.dueMs);
  }

  /** Due instant in epoch milliseconds. */
  get dueMs(): number {
    return this.s.dueMs;
  }

  /** Last civil day of the period (`YYYY-MM-DD`). */
  get lastDay(): string {
    return formatDay(this.s.lastDay);
  }

  /** When the deadline turns to `warning` (ISO, +08:00). */
  get warningAt(): string {
    return formatInstant(this.s.warningAtMs);
  }

  /** True when computed on provisional calendar days; see `recomputeProvisional`. */
  get provisional(): boolean {
    return this.s.provisionalFrom !== null;
  }

  /** Rule set and version the deadline was started under, e.g. `default@2022.1`. */
  get ruleSetVersion(): string {
    return this.s.ruleSetVersion;
  }

  /** Calendar revision of the last computation. */
  get calendarRevision(): string {
    return this.s.calendarRevision;
  }

  /** True while a pause is open. */
  get isPaused(): boolean {
    return this.openPause() !== null;
  }

  /** True once `complete` was recorded. */
  get isCompleted(): boolean {
    return this.s.completedAtMs !== null;
  }

  /** The plain-JSON record to store. */
  toJSON(): DeadlineRecord {
    return toRecord(this.s);
  }

  /**
   * Stops the clock from `from` (open pause), or for `from`..`to`. Allowed only on pausable
   * stages, before the deadline, after every earlier pause and extension, one open at a time.
   * @throws DeadlinesError `InvalidPause`.
   */
  pause(input: { from: InstantInput; to?: InstantInput | null } & Attribution): Deadline {
    const code = DeadlinesErrorCode.InvalidPause;
    const by = requireText(input.by, 'pause.by', code);
    const reason = requireText(input.reason, 'pause.reason', code);
    if (!this.s.pausable) {
      throw new DeadlinesError(
        code,
        `stage "${this.s.stage}" cannot be paused under ${this.s.ruleSetVersion} (条例 Art. 36 excludes hearing time from re-examination only; a rule set may allow more)`,
      );
    }
    const fromMs = toEpochMs(input.from, 'pause.from');
    const toMs = input.to === undefined || input.to === null ? null : toEpochMs(input.to, 'pause.to');
    this.checkChangeAt(fromMs, 'pause', code);
    if (toMs !== null && toMs <= fromMs)
      throw new DeadlinesError(code, `pause must end after it begins (${formatInstant(fromMs)} → ${formatInstant(toMs)})`);
    const next = { ...this.s, pauses: [...this.s.pauses, { fromMs, toMs, by, reason }] };
    // An open pause changes nothing yet: its length is added when it ends.
    return toMs === null ? new Deadline(next, this.calendar) : this.extended(next, { type: 'pause', from: fromMs, to: toMs });
  }

  /**
   * Ends the open pause at `at`.
   * @throws DeadlinesError `InvalidPause` when no pause is open or `at` is not after its start.
   */
  resume(at: InstantInput): Deadline {
    const open = this.openPause();
    if (open === null) throw new DeadlinesError(DeadlinesErrorCode.InvalidPause, 'no open pause to resume');
    const toMs = toEpochMs(at, 'resume at');
    if (toMs <= open.fromMs)
      throw new DeadlinesError(
        DeadlinesErrorCode.InvalidPause,
        `resume (${formatInstant(toMs)}) must be after the pause began (${formatInstant(open.fromMs)})`,
      );
    const pauses = this.s.pauses.map((p) => (p === open ? { ...p, toMs } : p));
    return this.extended({ ...this.s, pauses }, { type: 'pause', from: open.fromMs, to: toMs });
  }

  /**
   * Applies an approved extension (延期): once, strictly before the deadline, at most the
   * stage's extension cap (30 days by default, 条例 Art. 34), counted from the current due date.
   * @throws DeadlinesError `InvalidExtension`.
   */
  extend(input: { days: number; at: InstantInput } & Attribution): Deadline {
    const code = DeadlinesErrorCode.InvalidExtension;
    const by = requireText(input.by, 'extension.by', code);
    const reason = requireText(input.reason, 'extension.reason', code);
    const policy = this.s.extensionPolicy;
    if (policy === null) throw new DeadlinesError(code, `stage "${this.s.stage}" cannot be extended under ${this.s.ruleSetVersion}`);
    if (this.s.extensions.length > 0)
      throw new DeadlinesError(code, `stage "${this.s.stage}" was already extended once; 条例 Art. 34 allows one extension`);
    if (!Number.isInteger(input.days) || input.days < 1 || input.days > policy.maxDays) {
      throw new DeadlinesError(
        code,
        `extension of stage "${this.s.stage}" must be 1-${policy.maxDays} days (got ${JSON.stringify(input.days)}; 条例 Art. 34)`,
      );
    }
    const atMs = toEpochMs(input.at, 'extension.at');
    this.checkChangeAt(atMs, 'extension', code);
    const extension = { days: input.days, unitKind: policy.unitKind, atMs, by, reason };
    const event = { type: 'extension', at: atMs, units: input.days, unitKind: policy.unitKind } as const;
    return this.extended({ ...this.s, extensions: [...this.s.extensions, extension] }, event);
  }

  /**
   * Records that the step was done at `at`; an open pause ends then.
   * @throws DeadlinesError `InvalidCompletion`.
   */
  complete(at: InstantInput): Deadline {
    const code = DeadlinesErrorCode.InvalidCompletion;
    if (this.s.completedAtMs !== null) throw new DeadlinesError(code, `already completed at ${formatInstant(this.s.completedAtMs)}`);
    const atMs = toEpochMs(at, 'completedAt');
    if (atMs < this.s.startMs)
      throw new DeadlinesError(code, `completion (${formatInstant(atMs)}) is before the start (${formatInstant(this.s.startMs)})`);
    const open = this.openPause();
    if (open !== null && atMs <= open.fromMs)
      throw new DeadlinesError(code, `completion must be after the open pause began (${formatInstant(open.fromMs)})`);
    if (open === null) return new Deadline({ ...this.s, completedAtMs: atMs }, this.calendar);
    const pauses = this.s.pauses.map((p) => (p === open ? { ...p, toMs: atMs } : p));
    return this.extended({ ...this.s, pauses, completedAtMs: atMs }, { type: 'pause', from: open.fromMs, to: atMs });
  }

  /** Pauses as recorded. */
  get pauses(): readonly PauseRecord[] {
    return this.toJSON().pauses;
  }

  /** Extensions as recorded. */
  get extensions(): readonly ExtensionRecord[] {
    return this.toJSON().extensions;
  }

  /**
   * Status at `now`: on_track / warning / overdue / met, with elapsed and remaining time.
   * A completed deadline is judged at its completion: `met` if before due, else `overdue`.
   */
  statusAt(now: InstantInput): DeadlineStatus {
    const nowMs = toEpochMs(now, 'now');
    const completed = this.s.completedAtMs;
    const ref = completed ?? nowMs;
    const open = completed === null ? this.openPause() : null;
    const paused = open !== null;
    // The clock is stopped: an open pause counts up to now, so the due date keeps moving.
    const until = open === null ? 0 : Math.max(nowMs, open.fromMs + 1);
    const end =
      open === null
        ? this.storedEnd()
        : this.isMixed()
          ? Deadline.periodEnd(this.calendar, this.s, until)
          : appendToPeriod(this.calendar, this.s.kind, this.storedEnd(), { type: 'pause', from: open.fromMs, to: until });
    const warnAt = paused ? warningAtMs(this.calendar, this.s.kind, this.s.startMs, end, this.s.warningPolicy) : this.s.warningAtMs;
    const state =
      completed !== null
        ? completed < end.dueMs
          ? 'met'
          : 'overdue'
        : ref >= end.dueMs
          ? 'overdue'
          : ref >= warnAt
            ? 'warning'
            : 'on_track';
    return {
      state,
      at: formatInstant(nowMs),
      due: formatInstant(end.dueMs),
      warningAt: formatInstant(warnAt),
      elapsedMs: Math.max(0, ref - this.s.startMs),
      remainingMs: Math.max(0, end.dueMs - ref),
      overdueMs: Math.max(0, ref - end.dueMs),
      overdueWorkingDays: this.overdueWorkingDays(end.dueMs, Math.min(nowMs, ref)),
      paused,
      completedAt: completed === null ? null : formatInstant(completed),
      provisional: end.provisionalFrom !== null,
    };
  }

  /**
   * Working days overdue at `now`: the working days that have begun (00:00) at or after the due
   * instant, up to `now` (up to completion for a late completion). The first working day after
   * the deadline counts 1, so "urge on the next working day" is threshold 1.
   */
  overdueBy(now: InstantInput): number {
    const nowMs = toEpochMs(now, 'now');
    if (this.s.completedAtMs === null && this.isPaused) return 0;
    return this.overdueWorkingDays(this.s.dueMs, Math.min(nowMs, this.s.completedAtMs ?? nowMs));
  }

  /** The escalation ladder step reached at `now`, and when the next one is due. */
  escalationAt(now: InstantInput): EscalationStatus {
    const n = this.overdueBy(now);
    const ladder = this.s.escalation;
    const steps: [Exclude<EscalationStep, 'none'>, number][] = [
      ['urge', ladder.urge],
      ['supervision_order', ladder.supervisionOrder],
      ['flagged_supervision', ladder.flaggedSupervision],
    ];
    let step: EscalationStep = 'none';
    for (const [name, threshold] of steps) if (n >= threshold) step = name;
    const upcoming = steps.find(([, threshold]) => n < threshold);
    let next: EscalationStatus['next'] = null;
    if (upcoming !== undefined && this.s.completedAtMs === null && !this.isPaused) {
      const day = this.calendar.nthWorkdayAfterDay(this.firstOverdueDay(this.s.dueMs) - 1, upcoming[1]);
      next = { step: upcoming[0], at: formatInstant(startOfShanghaiDay(day)) };
    }
    return { step, overdueWorkingDays: n, next };
  }

  /** @internal Numeric state, for recomputation. */
  get data(): DeadlineData {
    return this.s;
  }

  private storedEnd(): PeriodEnd {
    return { dueMs: this.s.dueMs, lastDay: this.s.lastDay, provisionalFrom: this.s.provisionalFrom, cappedBy: null };
  }

  private openPause(): DeadlineData['pauses'][number] | null {
    const last = this.s.pauses[this.s.pauses.length - 1];
    return last !== undefined && last.toMs === null ? last : null;
  }

  /**
   * Period end recomputed from the start through every closed pause and extension, and the open
   * pause up to `openUntil` when given.
   */
  private static periodEnd(calendar: WorkCalendar, data: DeadlineData, openUntil: number | null): PeriodEnd {
    const events: ClockEvent[] = [];
    for (const p of data.pauses) {
      const to = p.toMs ?? openUntil;
      if (to !== null) events.push({ type: 'pause', from: p.fromMs, to });
    }
    for (const e of data.extensions) events.push({ type: 'extension', at: e.atMs, units: e.days, unitKind: e.unitKind });
    events.sort((a, b) => (a.type === 'pause' ? a.from : a.at) - (b.type === 'pause' ? b.from : b.at));
    return stagePeriodEnd(calendar, data.kind, data.limit, data.statutoryCap, data.startMs, events);
  }

  /** A stage counted differently from its statutory cap: the cap clock needs the whole history. */
  private isMixed(): boolean {
    return this.s.statutoryCap !== null && this.s.statutoryCap.kind !== this.s.kind;
  }

  /**
   * A copy holding `next`'s history, its period extended by `event` (the chronologically last
   * pause or extension) from the stored end. The earlier part of a running deadline is never
   * re-derived, so a newer calendar cannot move it; only `recomputeProvisional` does that.
   */
  private extended(next: DeadlineData, event: ClockEvent): Deadline {
    const end = this.isMixed()
      ? Deadline.periodEnd(this.calendar, next, null)
      : appendToPeriod(this.calendar, next.kind, this.storedEnd(), event);
    const warningAt = warningAtMs(this.calendar, next.kind, next.startMs, end, next.warningPolicy);
    return new Deadline(
      { ...next, dueMs: end.dueMs, lastDay: end.lastDay, warningAtMs: warningAt, provisionalFrom: end.provisionalFrom },
      this.calendar,
    );
  }

  /** Common rules for pauses and extensions: not completed, chronological, before the deadline. */
  private checkChangeAt(atMs: number, what: string, code: DeadlinesErrorCode): void {
    if (this.s.completedAtMs !== null)
      throw new DeadlinesError(code, `cannot add a ${what}: the step was completed at ${formatInstant(this.s.completedAtMs)}`);
    if (this.isPaused) throw new DeadlinesError(code, `cannot add a ${what} while a pause is open; resume it first`);
    if (atMs < this.s.startMs)
      throw new DeadlinesError(code, `${what} at ${formatInstant(atMs)} is before the clock started (${formatInstant(this.s.startMs)})`);
    const latest = Math.max(...this.s.pauses.map((p) => p.toMs ?? p.fromMs), ...this.s.extensions.map((e) => e.atMs), this.s.startMs);
    if (atMs < latest)
      throw new DeadlinesError(
        code,
        `${what} at ${formatInstant(atMs)} is earlier than the last recorded pause or extension (${formatInstant(latest)}); record them in order`,
      );
    if (atMs >= this.s.dueMs)
      throw new DeadlinesError(
        code,
        `${what} at ${formatInstant(atMs)} is too late: the deadline passed at ${formatInstant(this.s.dueMs)}`,
      );
  }

  private firstOverdueDay(dueMs: number): number {
    const day = shanghaiDayOf(dueMs);
    return startOfShanghaiDay(day) >= dueMs ? day : day + 1;
  }

  private overdueWorkingDays(dueMs: number, refMs: number): number {
    if (refMs < dueMs) return 0;
    return this.calendar.workdaysInDays(this.firstOverdueDay(dueMs), shanghaiDayOf(refMs));
  }
}
