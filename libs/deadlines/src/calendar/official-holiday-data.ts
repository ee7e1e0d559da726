import { readFileSync } from 'node:fs';
import { DeadlinesError, DeadlinesErrorCode } from '../deadlines.errors';
import { parseDay, yearOfDay } from '../time/civil-date.util';

/**
 * The official holiday schedule in the JSON shape published by the `chinese-days` package
 * (`dist/chinese-days.json`): every non-working day of each State Council notice under
 * `holidays` (weekends inside a break included), every make-up workday (调休上班) under
 * `workdays`. Values are `"English,中文,statutory days"` labels; only the keys carry meaning.
 * A newer copy of the file (or one a city transcribed) can be passed to `loadCalendar`.
 */
export interface OfficialHolidayData {
  /** `YYYY-MM-DD` → label, for every day off in an official break. */
  readonly holidays: Readonly<Record<string, string>>;
  /** `YYYY-MM-DD` → label, for every make-up workday on a weekend. */
  readonly workdays: Readonly<Record<string, string>>;
}

/** The official schedule after validation: day numbers, names and the years it covers. */
export interface ParsedOfficialData {
  /** Day number → true (make-up workday) or false (day off). */
  readonly days: ReadonlyMap<number, boolean>;
  /** Day number → Chinese name of the holiday, for display. */
  readonly names: ReadonlyMap<number, string>;
  /** Years that have a published schedule, ascending. */
  readonly years: readonly number[];
}

let bundled: OfficialHolidayData | undefined;

/**
 * Reads the schedule bundled with the installed `chinese-days` package, once per process.
 * @throws DeadlinesError `FileUnreadable` when the package file is missing.
 */
export function bundledOfficialData(): OfficialHolidayData {
  if (bundled === undefined) {
    bundled = readOfficialDataFile(require.resolve('chinese-days/dist/chinese-days.json'));
  }
  return bundled;
}

/**
 * Reads an official schedule file in the `chinese-days` JSON shape.
 * @throws DeadlinesError `FileUnreadable` or `InvalidCalendarData`.
 */
export function readOfficialDataFile(path: string): OfficialHolidayData {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new DeadlinesError(DeadlinesErrorCode.FileUnreadable, `cannot read official holiday data ${path}: ${(error as Error).message}`);
  }
  try {
    return JSON.parse(text) as OfficialHolidayData;
  } catch (error) {
    throw new DeadlinesError(
      DeadlinesErrorCode.InvalidCalendarData,
      `official holiday data ${path} is not valid JSON: ${(error as Error).message}`,
    );
  }
}

function holidayName(label: unknown): string {
  if (typeof label !== 'string') return '';
  const parts = label.split(',');
  return parts.length >= 2 ? parts[1] : label;
}

/**
 * Validates and indexes an official schedule. A day listed both as a holiday and as a
 * workday is refused: the data would be self-contradictory.
 * @throws DeadlinesError `InvalidCalendarData` listing every problem.
 */
export function parseOfficialData(data: OfficialHolidayData): ParsedOfficialData {
  const problems: string[] = [];
  const days = new Map<number, boolean>();
  const names = new Map<number, string>();
  const years = new Set<number>();
  if (data === null || typeof data !== 'object' || typeof data.holidays !== 'object' || typeof data.workdays !== 'object') {
    throw new DeadlinesError(
      DeadlinesErrorCode.InvalidCalendarData,
      'official holiday data must be an object with "holidays" and "workdays" maps',
    );
  }
  const add = (section: 'holidays' | 'workdays', work: boolean): void => {
    for (const [date, label] of Object.entries(data[section] ?? {})) {
      let day: number;
      try {
        day = parseDay(date, `official ${section} key`);
      } catch (error) {
        problems.push((error as Error).message);
        continue;
      }
      if (days.has(day) && days.get(day) !== work) {
        problems.push(`official data lists ${date} both as a holiday and as a make-up workday`);
        continue;
      }
      days.set(day, work);
      names.set(day, holidayName(label));
      if (!work) years.add(yearOfDay(day));
    }
  };
  add('holidays', false);
  add('workdays', true);
  if (problems.length > 0) {
    throw new DeadlinesError(DeadlinesErrorCode.InvalidCalendarData, `invalid official holiday data: ${problems.join('; ')}`, problems);
  }
  // A year counts as covered when its notice is in the data, i.e. it has days off. Make-up
  // workdays alone (a December Saturday worked for next New Year) do not cover a year.
  return { days, names, years: [...years].sort((a, b) => a - b) };
}
