import { DeadlinesError, DeadlinesErrorCode } from '../deadlines.errors';
import type { EscalationLadder, WarningPolicy } from '../rules/rule-set.types';
import type { StatutoryCap } from '../rules/stage-catalogue.data';
import { isPeriodKind, isStageId } from '../rules/stage-id';
import type { PeriodKind, StageId } from '../rules/stage-id';
import { formatDay, parseDay } from '../time/civil-date.util';
import { formatInstant, toEpochMs } from '../time/instant.util';
import { DEADLINE_RECORD_FORMAT } from './deadline.types';
import type { CalendarRevisionRecord, DeadlineRecord } from './deadline.types';

/** The numeric working state behind a `Deadline` (epoch ms and day numbers). */
export interface DeadlineData {
  readonly stage: StageId;
  readonly ruleSetVersion: string;
  readonly kind: PeriodKind;
  readonly limit: number;
  readonly urgent: boolean;
  readonly statutoryCap: StatutoryCap | null;
  readonly extensionPolicy: DeadlineRecord['extensionPolicy'];
  readonly pausable: boolean;
  readonly warningPolicy: WarningPolicy;
  readonly escalation: EscalationLadder;
  readonly startMs: number;
  readonly dueMs: number;
  readonly lastDay: number;
  readonly warningAtMs: number;
  readonly provisionalFrom: number | null;
  readonly calendarRevision: string;
  readonly pauses: readonly { readonly fromMs: number; readonly toMs: number | null; readonly by: string; readonly reason: string }[];
  readonly extensions: readonly {
    readonly days: number;
    readonly unitKind: 'calendar_days' | 'working_days';
    readonly atMs: number;
    readonly by: string;
    readonly reason: string;
  }[];
  readonly completedAtMs: number | null;
  readonly revisions: readonly CalendarRevisionRecord[];
}

/** Serialises the state to its plain-JSON record. */
export function toRecord(s: DeadlineData): DeadlineRecord {
  return {
    format: DEADLINE_RECORD_FORMAT,
    stage: s.stage,
    ruleSetVersion: s.ruleSetVersion,
    kind: s.kind,
    limit: s.limit,
    urgent: s.urgent,
    statutoryCap: s.statutoryCap,
    extensionPolicy: s.extensionPolicy,
    pausable: s.pausable,
    warningPolicy: s.warningPolicy,
    escalation: s.escalation,
    start: formatInstant(s.startMs),
    due: formatInstant(s.dueMs),
    lastDay: formatDay(s.lastDay),
    warningAt: formatInstant(s.warningAtMs),
    provisional: s.provisionalFrom !== null,
    provisionalFrom: s.provisionalFrom === null ? null : formatDay(s.provisionalFrom),
    calendarRevision: s.calendarRevision,
    pauses: s.pauses.map((p) => ({
      from: formatInstant(p.fromMs),
      to: p.toMs === null ? null : formatInstant(p.toMs),
      by: p.by,
      reason: p.reason,
    })),
    extensions: s.extensions.map((e) => ({ days: e.days, unitKind: e.unitKind, at: formatInstant(e.atMs), by: e.by, reason: e.reason })),
    completedAt: s.completedAtMs === null ? null : formatInstant(s.completedAtMs),
    revisions: s.revisions,
  };
}

/** Collects problems instead of stopping at the first, so a bad record is diagnosed in one go. */
class RecordReader {
  readonly problems: string[] = [];

  constructor(private readonly r: Record<string, unknown>) {}

  field(name: string, ok: (v: unknown) => boolean, expected: string): unknown {
    const v = this.r[name];
    if (!ok(v)) this.problems.push(`${name} must be ${expected} (got ${JSON.stringify(v)})`);
    return v;
  }

  instant(value: unknown, name: string): number {
    try {
      return toEpochMs(value as string, name);
    } catch (error) {
      this.problems.push((error as Error).message);
      return 0;
    }
  }

  day(value: unknown, name: string): number {
    try {
      return parseDay(value as string, name);
    } catch (error) {
      this.problems.push((error as Error).message);
      return 0;
    }
  }
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isText = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';
const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const isPositiveInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v > 0;
const isDayKind = (v: unknown): v is 'calendar_days' | 'working_days' => v === 'calendar_days' || v === 'working_days';

/**
 * Validates a stored record (object or JSON text) and returns its numeric state.
 * @throws DeadlinesError `InvalidRecord` listing every problem.
 */
export function fromRecord(input: DeadlineRecord | string): DeadlineData {
  let raw: unknown = input;
  if (typeof input === 'string') {
    try {
      raw = JSON.parse(input);
    } catch (error) {
      throw new DeadlinesError(DeadlinesErrorCode.InvalidRecord, `deadline record is not valid JSON: ${(error as Error).message}`);
    }
  }
  if (!isObject(raw)) throw new DeadlinesError(DeadlinesErrorCode.InvalidRecord, 'deadline record must be an object');
  const rd = new RecordReader(raw);
  rd.field('format', (v) => v === DEADLINE_RECORD_FORMAT, `"${DEADLINE_RECORD_FORMAT}"`);
  const stage = rd.field('stage', isStageId, 'a known stage id') as StageId;
  const kind = rd.field('kind', isPeriodKind, 'calendar_days, working_days or hours') as PeriodKind;
  const extensionPolicy = rd.field(
    'extensionPolicy',
    (v) => v === null || (isObject(v) && isPositiveInt(v.maxDays) && isDayKind(v.unitKind)),
    'null or { maxDays, unitKind }',
  );
  const cap = rd.field(
    'statutoryCap',
    (v) => v === null || (isObject(v) && isPeriodKind(v.kind) && isPositiveInt(v.limit) && isText(v.source)),
    'null or { kind, limit, source }',
  );
  const warning = rd.field(
    'warningPolicy',
    (v) => isObject(v) && typeof v.fractionLeft === 'number' && typeof v.workingDaysLeft === 'number',
    '{ fractionLeft, workingDaysLeft }',
  );
  const ladder = rd.field(
    'escalation',
    (v) => isObject(v) && [v.urge, v.supervisionOrder, v.flaggedSupervision].every(isPositiveInt),
    '{ urge, supervisionOrder, flaggedSupervision }',
  );
  const pausesRaw = rd.field(
    'pauses',
    (v) =>
      Array.isArray(v) &&
      v.every((p) => isObject(p) && isString(p.from) && (p.to === null || isString(p.to)) && isText(p.by) && isText(p.reason)),
    'an array of { from, to, by, reason }',
  );
  const extensionsRaw = rd.field(
    'extensions',
    (v) =>
      Array.isArray(v) &&
      v.every((e) => isObject(e) && isPositiveInt(e.days) && isDayKind(e.unitKind) && isString(e.at) && isText(e.by) && isText(e.reason)),
    'an array of { days, unitKind, at, by, reason }',
  );
  const revisions = rd.field('revisions', Array.isArray, 'an array');
  const provisionalFrom = rd.field('provisionalFrom', (v) => v === null || isString(v), 'null or a date');
  const completedAt = rd.field('completedAt', (v) => v === null || isString(v), 'null or an instant');
  const state: DeadlineData = {
    stage,
    ruleSetVersion: rd.field('ruleSetVersion', isText, 'a rule-set ref like default@2022.1') as string,
    kind,
    limit: rd.field('limit', isPositiveInt, 'a positive whole number') as number,
    urgent: rd.field('urgent', (v) => typeof v === 'boolean', 'a boolean') as boolean,
    statutoryCap: cap as StatutoryCap | null,
    extensionPolicy: extensionPolicy as DeadlineRecord['extensionPolicy'],
    pausable: rd.field('pausable', (v) => typeof v === 'boolean', 'a boolean') as boolean,
    warningPolicy: warning as WarningPolicy,
    escalation: ladder as EscalationLadder,
    startMs: rd.instant(raw.start, 'start'),
    dueMs: rd.instant(raw.due, 'due'),
    lastDay: rd.day(raw.lastDay, 'lastDay'),
    warningAtMs: rd.instant(raw.warningAt, 'warningAt'),
    provisionalFrom: isString(provisionalFrom) ? rd.day(provisionalFrom, 'provisionalFrom') : null,
    calendarRevision: rd.field('calendarRevision', isText, 'a calendar revision') as string,
    pauses:
      Array.isArray(pausesRaw) && rd.problems.length === 0
        ? (pausesRaw as Record<string, string | null>[]).map((p) => ({
            fromMs: rd.instant(p.from, 'pause.from'),
            toMs: p.to === null ? null : rd.instant(p.to, 'pause.to'),
            by: p.by as string,
            reason: p.reason as string,
          }))
        : [],
    extensions:
      Array.isArray(extensionsRaw) && rd.problems.length === 0
        ? (extensionsRaw as Record<string, unknown>[]).map((e) => ({
            days: e.days as number,
            unitKind: e.unitKind as 'calendar_days' | 'working_days',
            atMs: rd.instant(e.at, 'extension.at'),
            by: e.by as string,
            reason: e.reason as string,
          }))
        : [],
    completedAtMs: isString(completedAt) ? rd.instant(completedAt, 'completedAt') : null,
    revisions: (revisions ?? []) as CalendarRevisionRecord[],
  };
  if (rd.problems.length === 0 && state.dueMs < state.startMs) rd.problems.push('due is before start');
  if (rd.problems.length > 0) {
    throw new DeadlinesError(DeadlinesErrorCode.InvalidRecord, `invalid deadline record: ${rd.problems.join('; ')}`, rd.problems);
  }
  return state;
}
