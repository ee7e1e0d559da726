import { readFileSync } from 'node:fs';
import { DeadlinesError, DeadlinesErrorCode } from '../deadlines.errors';
import { DEFAULT_RULE_SET_INPUT } from './default-rule-set.data';
import { RuleSet } from './rule-set.model';
import type { EscalationLadder, PeriodLimit, RuleSetInput, StageRule, StageRuleInput, WarningPolicy } from './rule-set.types';
import { STAGE_CATALOGUE } from './stage-catalogue.data';
import type { StatutoryCap } from './stage-catalogue.data';
import { describePeriod, isPeriodKind, isStageId, PERIOD_KINDS, STAGE_IDS } from './stage-id';

const TOP_KEYS = new Set(['$schema', 'id', 'version', 'extends', 'name', 'description', 'warning', 'escalation', 'stages']);
const STAGE_KEYS = new Set(['kind', 'limit', 'urgent', 'extendable', 'pausable', 'warning']);
/** Typo guard: no stage of a petition system runs for more than a year. */
const MAX_LIMIT = { calendar_days: 366, working_days: 250, hours: 24 * 366 } as const;

let defaultSet: RuleSet | undefined;

/** The default rule set `default@2022.1` (docs/rules.md), validated once and cached. */
export function defaultRuleSet(): RuleSet {
  defaultSet ??= loadRuleSet(DEFAULT_RULE_SET_INPUT);
  return defaultSet;
}

/**
 * Validates a rule set given as an object or as JSON text and returns it.
 * Refuses, listing every problem: unknown or missing stages, unknown fields, bad kinds,
 * non-positive or non-integer limits, a local limit longer than the statutory cap (naming the
 * stage and the article), extensions on hour periods, bad warning or escalation settings.
 * @throws DeadlinesError `InvalidRuleSet` with `details`.
 */
export function loadRuleSet(input: RuleSetInput | string): RuleSet {
  let data: unknown = input;
  if (typeof input === 'string') {
    try {
      data = JSON.parse(input);
    } catch (error) {
      throw new DeadlinesError(DeadlinesErrorCode.InvalidRuleSet, `rule set is not valid JSON: ${(error as Error).message}`);
    }
  }
  return validate(data);
}

/**
 * Reads a city's rule-set JSON file and validates it like {@link loadRuleSet}.
 * @throws DeadlinesError `FileUnreadable` or `InvalidRuleSet` (message names the file).
 */
export function loadRuleSetFile(path: string): RuleSet {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new DeadlinesError(DeadlinesErrorCode.FileUnreadable, `cannot read rule set file ${path}: ${(error as Error).message}`);
  }
  try {
    return loadRuleSet(text);
  } catch (error) {
    if (error instanceof DeadlinesError) throw new DeadlinesError(error.code, `${path}: ${error.message}`, error.details);
    throw error;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function checkKeys(value: Record<string, unknown>, allowed: Set<string>, where: string, problems: string[]): void {
  for (const key of Object.keys(value)) {
    if (allowed.has(key)) continue;
    if (key === 'statutoryCap')
      problems.push(`${where}: "statutoryCap" cannot be set: caps come from the law (信访工作条例), not from a rule set`);
    else problems.push(`${where}: unknown field "${key}" (allowed: ${[...allowed].join(', ')})`);
  }
}

function checkPeriod(value: unknown, where: string, problems: string[]): PeriodLimit | null {
  if (!isObject(value)) {
    problems.push(`${where}: must be an object { kind, limit }`);
    return null;
  }
  const { kind, limit } = value;
  let ok = true;
  if (!isPeriodKind(kind)) {
    problems.push(`${where}: kind ${JSON.stringify(kind)} is not one of ${PERIOD_KINDS.join(', ')}`);
    ok = false;
  }
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit <= 0) {
    problems.push(`${where}: limit must be a positive whole number (got ${JSON.stringify(limit)})`);
    ok = false;
  } else if (isPeriodKind(kind) && limit > MAX_LIMIT[kind]) {
    problems.push(`${where}: limit ${describePeriod(kind, limit)} is implausibly long (at most ${describePeriod(kind, MAX_LIMIT[kind])})`);
    ok = false;
  }
  return ok ? { kind: kind as PeriodLimit['kind'], limit: limit as number } : null;
}

/**
 * Same kind: compare directly. A working-day limit against a calendar-day cap is refused when
 * it is longer even counting each working day as one calendar day; other mixed pairs cannot be
 * decided without a calendar and are clamped to the cap when the due date is computed.
 */
function checkCap(period: PeriodLimit, cap: StatutoryCap | null, where: string, problems: string[]): void {
  if (cap === null) return;
  const longer =
    period.kind === cap.kind
      ? period.limit > cap.limit
      : period.kind === 'working_days' && cap.kind === 'calendar_days' && period.limit > cap.limit;
  if (longer) {
    problems.push(
      `${where}: local limit ${describePeriod(period.kind, period.limit)} is longer than the statutory cap of ` +
        `${describePeriod(cap.kind, cap.limit)} (${cap.source})`,
    );
  }
}

function checkWarning(value: unknown, base: WarningPolicy, where: string, problems: string[]): WarningPolicy {
  if (value === undefined) return base;
  if (!isObject(value)) {
    problems.push(`${where}: must be an object { fractionLeft, workingDaysLeft }`);
    return base;
  }
  checkKeys(value, new Set(['fractionLeft', 'workingDaysLeft']), where, problems);
  const fractionLeft = value.fractionLeft ?? base.fractionLeft;
  const workingDaysLeft = value.workingDaysLeft ?? base.workingDaysLeft;
  if (typeof fractionLeft !== 'number' || !(fractionLeft > 0 && fractionLeft < 1)) {
    problems.push(`${where}.fractionLeft must be a number between 0 and 1 (got ${JSON.stringify(fractionLeft)})`);
  }
  if (typeof workingDaysLeft !== 'number' || !Number.isInteger(workingDaysLeft) || workingDaysLeft < 0 || workingDaysLeft > 30) {
    problems.push(`${where}.workingDaysLeft must be a whole number 0-30 (got ${JSON.stringify(workingDaysLeft)})`);
  }
  return { fractionLeft: fractionLeft as number, workingDaysLeft: workingDaysLeft as number };
}

function checkEscalation(value: unknown, base: EscalationLadder, problems: string[]): EscalationLadder {
  if (value === undefined) return base;
  if (!isObject(value)) {
    problems.push('escalation: must be an object { urge, supervisionOrder, flaggedSupervision }');
    return base;
  }
  checkKeys(value, new Set(['urge', 'supervisionOrder', 'flaggedSupervision']), 'escalation', problems);
  const ladder = { ...base, ...value } as EscalationLadder;
  const steps = [ladder.urge, ladder.supervisionOrder, ladder.flaggedSupervision];
  if (!steps.every((n) => typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= 250)) {
    problems.push(`escalation: thresholds must be whole numbers of working days overdue, 1-250 (got ${JSON.stringify(steps)})`);
  } else if (!(steps[0] < steps[1] && steps[1] < steps[2])) {
    problems.push(`escalation: thresholds must increase: urge < supervisionOrder < flaggedSupervision (got ${steps.join(', ')})`);
  }
  return ladder;
}

function checkStage(
  id: (typeof STAGE_IDS)[number],
  raw: StageRuleInput,
  base: StageRuleInput | undefined,
  warning: WarningPolicy,
  problems: string[],
): StageRule | null {
  const where = `stage "${id}"`;
  checkKeys(raw as Record<string, unknown>, STAGE_KEYS, where, problems);
  const merged: StageRuleInput = { ...base, ...raw };
  const cap = STAGE_CATALOGUE[id].statutoryCap;
  const period = checkPeriod({ kind: merged.kind, limit: merged.limit }, where, problems);
  const urgent = merged.urgent === undefined || merged.urgent === null ? null : checkPeriod(merged.urgent, `${where} urgent`, problems);
  if (period !== null) checkCap(period, cap, where, problems);
  if (urgent !== null) checkCap(urgent, cap, `${where} urgent`, problems);
  for (const flag of ['extendable', 'pausable'] as const) {
    if (merged[flag] !== undefined && typeof merged[flag] !== 'boolean') problems.push(`${where}: ${flag} must be true or false`);
  }
  if (merged.extendable === true && (period?.kind === 'hours' || urgent !== null)) {
    problems.push(`${where}: only day-based stages without an urgent variant can be extendable`);
  }
  const stageWarning = checkWarning(merged.warning, warning, `${where} warning`, problems);
  if (period === null) return null;
  return {
    ...STAGE_CATALOGUE[id],
    kind: period.kind,
    limit: period.limit,
    urgent,
    extendable: merged.extendable === true,
    pausable: merged.pausable === true,
    warning: stageWarning,
  };
}

function validate(data: unknown): RuleSet {
  if (!isObject(data)) throw new DeadlinesError(DeadlinesErrorCode.InvalidRuleSet, 'rule set must be a JSON object');
  const problems: string[] = [];
  checkKeys(data, TOP_KEYS, 'rule set', problems);
  const { id, version } = data;
  if (typeof id !== 'string' || !/^[a-z0-9][a-z0-9_-]*$/.test(id))
    problems.push(`id must be lower-case letters, digits, "-" or "_" (got ${JSON.stringify(id)})`);
  if (typeof version !== 'string' || !/^[0-9A-Za-z][0-9A-Za-z._-]*$/.test(version))
    problems.push(`version must be a non-empty token like 2022.1 (got ${JSON.stringify(version)})`);
  for (const key of ['name', 'description'] as const) {
    if (data[key] !== undefined && typeof data[key] !== 'string') problems.push(`${key} must be a string`);
  }
  const defaultRef = `${DEFAULT_RULE_SET_INPUT.id}@${DEFAULT_RULE_SET_INPUT.version}`;
  let base: RuleSetInput | null = null;
  if (data.extends !== undefined) {
    if (data.extends === defaultRef) base = DEFAULT_RULE_SET_INPUT;
    else problems.push(`extends ${JSON.stringify(data.extends)} is unknown (only ${defaultRef} can be extended)`);
  }
  const warning = checkWarning(data.warning, { fractionLeft: 0.2, workingDaysLeft: 2, ...base?.warning }, 'warning', problems);
  const escalation = checkEscalation(
    data.escalation,
    { urge: 1, supervisionOrder: 5, flaggedSupervision: 20, ...base?.escalation },
    problems,
  );
  const stagesIn = data.stages;
  const stages: StageRule[] = [];
  if (!isObject(stagesIn)) {
    problems.push('stages must be an object keyed by stage id');
  } else {
    for (const key of Object.keys(stagesIn)) {
      if (!isStageId(key)) problems.push(`unknown stage id ${JSON.stringify(key)} (known: ${STAGE_IDS.join(', ')})`);
      else if (!isObject(stagesIn[key])) problems.push(`stage "${key}": must be an object`);
    }
    for (const id of STAGE_IDS) {
      const raw = stagesIn[id];
      const inherited = base?.stages[id];
      if (raw === undefined && inherited === undefined) {
        problems.push(`stage "${id}" is missing (give every stage, or "extends": "${defaultRef}")`);
        continue;
      }
      if (raw !== undefined && !isObject(raw)) continue;
      const rule = checkStage(id, (raw ?? {}) as StageRuleInput, inherited, warning, problems);
      if (rule !== null) stages.push(rule);
    }
  }
  const extension = stages.find((s) => s.stage === 'extension');
  if (extension !== undefined && extension.kind === 'hours')
    problems.push('stage "extension": must be counted in calendar_days or working_days');
  if (problems.length > 0) {
    const ref = typeof id === 'string' && typeof version === 'string' ? `${id}@${version}` : 'rule set';
    throw new DeadlinesError(DeadlinesErrorCode.InvalidRuleSet, `invalid rule set ${ref}: ${problems.join('; ')}`, problems);
  }
  return new RuleSet({
    id: id as string,
    version: version as string,
    name: typeof data.name === 'string' ? data.name : null,
    description: typeof data.description === 'string' ? data.description : null,
    warning,
    escalation,
    stages,
  });
}
