import { DeadlinesError, DeadlinesErrorCode } from '../deadlines.errors';

/*
 * Civil-date arithmetic on "day numbers": whole days since 1970-01-01 in the proleptic Gregorian
 * calendar. Pure integer math (Howard Hinnant's algorithms), so results never depend on the
 * machine's time zone and no Date object is created on the hot path.
 */

/** Milliseconds in one civil day. China has no DST, so every day is exactly this long. */
export const MS_PER_DAY = 86_400_000;

/** Asia/Shanghai is UTC+08:00 all year (no DST since 1991). */
export const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** Day of week of a day number: 0 = Sunday ... 6 = Saturday. */
export function dayOfWeek(day: number): number {
  // 1970-01-01 was a Thursday (4).
  return (((day + 4) % 7) + 7) % 7;
}

/** True when the day number falls on a Saturday or Sunday. */
export function isWeekend(day: number): boolean {
  const dow = dayOfWeek(day);
  return dow === 0 || dow === 6;
}

/** Day number of a civil date (month 1-12, day 1-31). Does not validate. */
export function daysFromCivil(year: number, month: number, dayOfMonth: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + dayOfMonth - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Calendar year of a day number. */
export function yearOfDay(day: number): number {
  return civilFields(day)[0];
}

/**
 * `[year, month, dayOfMonth]` of a day number. Returns a tuple rather than an object because
 * the formatters below call it on every computation.
 */
export function civilFields(day: number): [number, number, number] {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

/** Number of days in a month of the proleptic Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

const TWO_DIGITS: readonly string[] = Array.from({ length: 100 }, (_, i) => (i < 10 ? `0${i}` : `${i}`));

/** Two-digit zero-padded number (0-99), shared with the instant formatter. */
export function pad2(n: number): string {
  return TWO_DIGITS[n];
}

/*
 * Direct-mapped cache of formatted days: due dates cluster on few days, and formatting is the
 * largest cost of a due-date computation after the arithmetic became O(1).
 */
const DAY_CACHE_SIZE = 4096;
const cachedDay = new Float64Array(DAY_CACHE_SIZE).fill(NaN);
const cachedText: string[] = new Array<string>(DAY_CACHE_SIZE).fill('');

/** `YYYY-MM-DD` of a day number (years 1000-9999). */
export function formatDay(day: number): string {
  const slot = day & (DAY_CACHE_SIZE - 1);
  if (cachedDay[slot] === day) return cachedText[slot];
  const [y, m, d] = civilFields(day);
  const text = `${y}-${TWO_DIGITS[m]}-${TWO_DIGITS[d]}`;
  cachedDay[slot] = day;
  cachedText[slot] = text;
  return text;
}

const CIVIL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Parses a strict `YYYY-MM-DD` civil date into its day number.
 * @throws DeadlinesError `InvalidInstant` when malformed or not a real date (e.g. 2026-02-30).
 */
export function parseDay(text: string, field = 'date'): number {
  const match = typeof text === 'string' ? CIVIL_DATE.exec(text) : null;
  if (match === null) {
    throw new DeadlinesError(DeadlinesErrorCode.InvalidInstant, `${field} must be a civil date YYYY-MM-DD (got ${JSON.stringify(text)})`);
  }
  const year = Number(match[1]);
  const month = Number(match[2]);
  const dayOfMonth = Number(match[3]);
  if (month < 1 || month > 12 || dayOfMonth < 1 || dayOfMonth > daysInMonth(year, month)) {
    throw new DeadlinesError(DeadlinesErrorCode.InvalidInstant, `${field} ${text} is not a real calendar date`);
  }
  return daysFromCivil(year, month, dayOfMonth);
}

/** Day number of the Asia/Shanghai civil day containing an epoch-millisecond instant. */
export function shanghaiDayOf(epochMs: number): number {
  return Math.floor((epochMs + SHANGHAI_OFFSET_MS) / MS_PER_DAY);
}

/** Epoch milliseconds of 00:00 Asia/Shanghai on a day number. */
export function startOfShanghaiDay(day: number): number {
  return day * MS_PER_DAY - SHANGHAI_OFFSET_MS;
}
