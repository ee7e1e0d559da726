import { daysFromCivil, isWeekend } from '../time/civil-date.util';
import { CALENDAR_FIRST_DAY, CALENDAR_FIRST_YEAR, CALENDAR_LAST_DAY, CALENDAR_LAST_YEAR, YEAR_END_PENDING_DAYS } from './calendar-range';
import { parseOverrides, readOverridesFile } from './calendar-overrides';
import type { CalendarOverrides, ParsedOverrides } from './calendar-overrides';
import { bundledOfficialData, parseOfficialData, readOfficialDataFile } from './official-holiday-data';
import type { OfficialHolidayData } from './official-holiday-data';
import { statutoryDaysOff } from './statutory-holidays.util';
import { WorkCalendar } from './work-calendar.model';
import type { CalendarTables } from './work-calendar.model';

/** Inputs of {@link loadCalendar}. Strings are file paths, read synchronously. */
export interface LoadCalendarOptions {
  /** The city's override file (object or path). See README "Calendar override file". */
  readonly overrides?: CalendarOverrides | string;
  /**
   * The official schedule in the chinese-days JSON shape (object or path). Defaults to the
   * data bundled with the installed `chinese-days` package.
   */
  readonly officialData?: OfficialHolidayData | string;
}

let defaultCalendar: WorkCalendar | undefined;

/**
 * Builds the working-day calendar: official schedule, local overrides, and the provisional
 * calendar for every year 2000-2099 the official data does not cover. Synchronous; call it
 * once at startup and share the result. Without options the result is cached per process.
 * @throws DeadlinesError `InvalidCalendarData` / `FileUnreadable` for bad inputs.
 */
export function loadCalendar(options: LoadCalendarOptions = {}): WorkCalendar {
  const plain = options.overrides === undefined && options.officialData === undefined;
  if (plain && defaultCalendar !== undefined) return defaultCalendar;
  const official =
    options.officialData === undefined
      ? bundledOfficialData()
      : typeof options.officialData === 'string'
        ? readOfficialDataFile(options.officialData)
        : options.officialData;
  const overrides =
    options.overrides === undefined
      ? null
      : parseOverrides(typeof options.overrides === 'string' ? readOverridesFile(options.overrides) : options.overrides);
  const calendar = new WorkCalendar(buildTables(official, overrides));
  if (plain) defaultCalendar = calendar;
  return calendar;
}

function yearSpan(year: number): [number, number] {
  return [daysFromCivil(year, 1, 1), daysFromCivil(year, 12, 31)];
}

function buildTables(data: OfficialHolidayData, overrides: ParsedOverrides | null): CalendarTables {
  const official = parseOfficialData(data);
  const notices: string[] = [];
  const officialDays = new Map(official.days);
  const names = new Map(official.names);
  const officialYears = new Set(official.years);

  for (const [year, supplied] of overrides?.years ?? []) {
    const [from, to] = yearSpan(year);
    if (officialYears.has(year)) {
      let differ = 0;
      for (let d = from; d <= to; d++) {
        if ((officialDays.get(d) ?? !isWeekend(d)) !== (supplied.days.get(d) ?? !isWeekend(d))) differ++;
      }
      notices.push(`override file supplies ${year} (${supplied.source}), replacing the packaged schedule (${differ} day(s) differ)`);
    }
    for (let d = from; d <= to; d++) officialDays.delete(d);
    for (const [d, work] of supplied.days) {
      officialDays.set(d, work);
      names.set(d, supplied.source);
    }
    officialYears.add(year);
  }

  const size = CALENDAR_LAST_DAY - CALENDAR_FIRST_DAY + 1;
  const work = new Uint8Array(size);
  const provisional = new Uint8Array(size);
  for (let i = 0; i < size; i++) work[i] = isWeekend(i + CALENDAR_FIRST_DAY) ? 0 : 1;

  for (let year = CALENDAR_FIRST_YEAR; year <= CALENDAR_LAST_YEAR; year++) {
    if (officialYears.has(year)) {
      if (!officialYears.has(year + 1) && year < CALENDAR_LAST_YEAR) {
        const end = yearSpan(year)[1];
        for (let d = end - YEAR_END_PENDING_DAYS + 1; d <= end; d++) provisional[d - CALENDAR_FIRST_DAY] = 1;
      }
      continue;
    }
    const [from, to] = yearSpan(year);
    for (let d = from; d <= to; d++) provisional[d - CALENDAR_FIRST_DAY] = 1;
    for (const off of statutoryDaysOff(year)) {
      if (off.day > CALENDAR_LAST_DAY) continue;
      work[off.day - CALENDAR_FIRST_DAY] = 0;
      names.set(off.day, `${off.name}（临时）`);
    }
  }
  for (const [d, isWork] of officialDays) {
    if (d < CALENDAR_FIRST_DAY || d > CALENDAR_LAST_DAY) continue;
    work[d - CALENDAR_FIRST_DAY] = isWork ? 1 : 0;
  }
  const overrideDays = new Set<number>();
  for (const [d, entry] of overrides?.days ?? []) {
    if (d < CALENDAR_FIRST_DAY || d > CALENDAR_LAST_DAY) continue;
    work[d - CALENDAR_FIRST_DAY] = entry.work ? 1 : 0;
    provisional[d - CALENDAR_FIRST_DAY] = 0; // the city has decided: this day will not move
    names.set(d, entry.reason);
    overrideDays.add(d);
  }

  const workPrefix = new Int32Array(size + 1);
  const provisionalPrefix = new Int32Array(size + 1);
  for (let i = 0; i < size; i++) {
    workPrefix[i + 1] = workPrefix[i] + work[i];
    provisionalPrefix[i + 1] = provisionalPrefix[i] + provisional[i];
  }
  const workdays = new Int32Array(workPrefix[size]);
  for (let i = 0, k = 0; i < size; i++) if (work[i] === 1) workdays[k++] = i;

  const years = [...officialYears].sort((a, b) => a - b);
  const revision = `official:${compressYears(years)}|local:${overrides?.label ?? (overrides === null ? 'none' : 'unlabelled')}|#${contentHash(work, provisional)}`;
  return { work, provisional, workPrefix, provisionalPrefix, workdays, names, overrideDays, officialYears: years, revision, notices };
}

/** `[2004..2026, 2028]` → `2004-2026,2028`. */
function compressYears(years: readonly number[]): string {
  if (years.length === 0) return 'none';
  const parts: string[] = [];
  let start = years[0];
  for (let i = 1; i <= years.length; i++) {
    if (i === years.length || years[i] !== years[i - 1] + 1) {
      parts.push(start === years[i - 1] ? `${start}` : `${start}-${years[i - 1]}`);
      start = years[i];
    }
  }
  return parts.join(',');
}

/** FNV-1a over the effective tables: the revision changes whenever any day's status changes. */
function contentHash(work: Uint8Array, provisional: Uint8Array): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < work.length; i++) {
    h = Math.imul(h ^ (work[i] | (provisional[i] << 1)), 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}
