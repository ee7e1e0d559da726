import { readFileSync } from 'node:fs';
import { DeadlinesError, DeadlinesErrorCode } from '../deadlines.errors';
import { daysFromCivil, parseDay } from '../time/civil-date.util';
import { CALENDAR_FIRST_YEAR, CALENDAR_LAST_YEAR } from './calendar-range';

/** One local change: the city declares a day a working day or a day off. */
export interface CalendarOverrideDay {
  /** Civil date `YYYY-MM-DD` in Asia/Shanghai. */
  readonly date: string;
  /** `holiday`: nobody works (e.g. a local day off); `workday`: offices open. */
  readonly type: 'holiday' | 'workday';
  /** Why; shown next to the day and kept in the audit trail. */
  readonly reason: string;
}

/**
 * A full year's State Council notice transcribed by the city, so the official year can be
 * loaded the day it is published instead of waiting for a new `chinese-days` release. Every
 * weekend is a day off and every other day a workday, except the dates listed here.
 */
export interface CalendarOverrideYear {
  /** The notice, e.g. `国办发明电〔2025〕7号`. */
  readonly source: string;
  /** Days off of the notice (weekend days inside a break may be listed or not). */
  readonly holidays: readonly string[];
  /** Make-up workdays (调休上班) of the notice. */
  readonly workdays: readonly string[];
}

/**
 * The local override file (JSON). See README "Calendar override file". Example:
 * ```json
 * { "name": "example-city", "version": "2026.2",
 *   "days": [{ "date": "2026-09-03", "type": "holiday", "reason": "市政府决定放假" }],
 *   "years": { "2027": { "source": "国办发明电〔2026〕N号", "holidays": ["2027-01-01"], "workdays": [] } } }
 * ```
 */
export interface CalendarOverrides {
  /** Short label of the file's owner, e.g. the city code. */
  readonly name?: string;
  /** Version of the file; changing any day should change it. */
  readonly version?: string;
  /** Single-day changes; they win over official and provisional data. */
  readonly days?: readonly CalendarOverrideDay[];
  /** Official years supplied locally; they replace the packaged data for that year. */
  readonly years?: Readonly<Record<string, CalendarOverrideYear>>;
}

/** Overrides after validation, indexed by day number. */
export interface ParsedOverrides {
  readonly label: string | null;
  readonly days: ReadonlyMap<number, { work: boolean; reason: string }>;
  readonly years: ReadonlyMap<number, { source: string; days: ReadonlyMap<number, boolean> }>;
}

const TOP_KEYS = new Set(['$schema', 'name', 'version', 'description', 'days', 'years']);
const DAY_KEYS = new Set(['date', 'type', 'reason']);
const YEAR_KEYS = new Set(['source', 'holidays', 'workdays']);

function unknownKeys(value: object, allowed: Set<string>, where: string, problems: string[]): void {
  for (const key of Object.keys(value)) {
    if (!allowed.has(key)) problems.push(`${where}: unknown field "${key}" (allowed: ${[...allowed].join(', ')})`);
  }
}

function tryDay(text: unknown, where: string, problems: string[]): number | null {
  try {
    return parseDay(text as string, where);
  } catch (error) {
    problems.push((error as Error).message);
    return null;
  }
}

function parseYears(raw: unknown, problems: string[]): ParsedOverrides['years'] {
  const years = new Map<number, { source: string; days: Map<number, boolean> }>();
  if (raw === undefined) return years;
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    problems.push('"years" must be an object keyed by year');
    return years;
  }
  for (const [key, entry] of Object.entries(raw as Record<string, CalendarOverrideYear>)) {
    const year = Number(key);
    const where = `years.${key}`;
    if (!/^\d{4}$/.test(key) || year < CALENDAR_FIRST_YEAR || year > CALENDAR_LAST_YEAR) {
      problems.push(`${where}: year must be between ${CALENDAR_FIRST_YEAR} and ${CALENDAR_LAST_YEAR}`);
      continue;
    }
    if (entry === null || typeof entry !== 'object') {
      problems.push(`${where}: must be an object with source, holidays and workdays`);
      continue;
    }
    unknownKeys(entry, YEAR_KEYS, where, problems);
    if (typeof entry.source !== 'string' || entry.source.trim() === '') {
      problems.push(`${where}.source: name the State Council notice the dates come from`);
    }
    // A notice may move days at the end of the previous December (2019's made 2018-12-29 a workday).
    const first = daysFromCivil(year - 1, 12, 1);
    const last = daysFromCivil(year, 12, 31);
    const days = new Map<number, boolean>();
    for (const [list, work] of [
      ['holidays', false],
      ['workdays', true],
    ] as const) {
      const dates = entry[list];
      if (!Array.isArray(dates)) {
        problems.push(`${where}.${list}: must be an array of YYYY-MM-DD dates`);
        continue;
      }
      for (const date of dates) {
        const day = tryDay(date, `${where}.${list}`, problems);
        if (day === null) continue;
        if (day < first || day > last) problems.push(`${where}.${list}: ${String(date)} is outside ${year} (and its previous December)`);
        else if (days.has(day) && days.get(day) !== work) problems.push(`${where}: ${String(date)} is listed both as holiday and workday`);
        else days.set(day, work);
      }
    }
    years.set(year, { source: typeof entry.source === 'string' ? entry.source : '', days });
  }
  return years;
}

/**
 * Validates an override object and indexes it.
 * @throws DeadlinesError `InvalidCalendarData` listing every problem (unknown fields, bad
 *   dates, bad types, missing reasons, duplicates).
 */
export function parseOverrides(input: CalendarOverrides): ParsedOverrides {
  const problems: string[] = [];
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    throw new DeadlinesError(DeadlinesErrorCode.InvalidCalendarData, 'calendar overrides must be a JSON object');
  }
  unknownKeys(input, TOP_KEYS, 'calendar overrides', problems);
  for (const key of ['name', 'version'] as const) {
    if (input[key] !== undefined && (typeof input[key] !== 'string' || input[key] === ''))
      problems.push(`"${key}" must be a non-empty string`);
  }
  const days = new Map<number, { work: boolean; reason: string }>();
  if (input.days !== undefined && !Array.isArray(input.days)) problems.push('"days" must be an array');
  (Array.isArray(input.days) ? input.days : []).forEach((entry, i) => {
    const where = `days[${i}]`;
    if (entry === null || typeof entry !== 'object') {
      problems.push(`${where}: must be an object with date, type and reason`);
      return;
    }
    unknownKeys(entry, DAY_KEYS, where, problems);
    const day = tryDay(entry.date, `${where}.date`, problems);
    if (entry.type !== 'holiday' && entry.type !== 'workday')
      problems.push(`${where}.type must be "holiday" or "workday" (got ${JSON.stringify(entry.type)})`);
    if (typeof entry.reason !== 'string' || entry.reason.trim() === '') problems.push(`${where}.reason: say why the day changes`);
    if (day === null) return;
    if (days.has(day)) problems.push(`${where}: ${entry.date} appears twice`);
    days.set(day, { work: entry.type === 'workday', reason: typeof entry.reason === 'string' ? entry.reason : '' });
  });
  const years = parseYears(input.years, problems);
  if (problems.length > 0) {
    throw new DeadlinesError(DeadlinesErrorCode.InvalidCalendarData, `invalid calendar overrides: ${problems.join('; ')}`, problems);
  }
  const label =
    input.name === undefined && input.version === undefined ? null : `${input.name ?? 'overrides'}@${input.version ?? 'unversioned'}`;
  return { label, days, years };
}

/**
 * Reads and validates an override file.
 * @throws DeadlinesError `FileUnreadable` or `InvalidCalendarData` (naming the file).
 */
export function readOverridesFile(path: string): CalendarOverrides {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new DeadlinesError(DeadlinesErrorCode.FileUnreadable, `cannot read calendar override file ${path}: ${(error as Error).message}`);
  }
  try {
    return JSON.parse(text) as CalendarOverrides;
  } catch (error) {
    throw new DeadlinesError(
      DeadlinesErrorCode.InvalidCalendarData,
      `calendar override file ${path} is not valid JSON: ${(error as Error).message}`,
    );
  }
}
