// Every date the console shows is the city's: Asia/Shanghai, whatever the browser's zone.
import dayjs, { type Dayjs } from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import 'dayjs/locale/zh-cn';

dayjs.extend(utc);
dayjs.extend(timezone);
dayjs.locale('zh-cn');

export const CITY_TIME_ZONE = 'Asia/Shanghai';
const EMPTY = '—';
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

type Instant = string | number | Date | Dayjs | null | undefined;

function inCity(value: Exclude<Instant, null | undefined>): Dayjs | null {
  const d = dayjs.isDayjs(value) ? value : dayjs(value);
  return d.isValid() ? d.tz(CITY_TIME_ZONE) : null;
}

/** An instant as the city's wall clock: `2026-11-23 09:05`; `—` when absent. */
export function formatTime(value: Instant, withSeconds = false): string {
  if (value === null || value === undefined || value === '') return EMPTY;
  return inCity(value)?.format(withSeconds ? 'YYYY-MM-DD HH:mm:ss' : 'YYYY-MM-DD HH:mm') ?? String(value);
}

/** The city's calendar date of an instant (a date-only `2026-11-20` stays as it is); `—` when absent. */
export function formatDate(value: Instant): string {
  if (value === null || value === undefined || value === '') return EMPTY;
  if (typeof value === 'string' && DATE_ONLY.test(value)) return value;
  return inCity(value)?.format('YYYY-MM-DD') ?? String(value);
}

/** A date picked in a form, as the API's date-only string. */
export function toApiDate(value: Dayjs): string {
  return value.format('YYYY-MM-DD');
}

/** Today's date in the city. */
export function cityToday(): Dayjs {
  return dayjs().tz(CITY_TIME_ZONE);
}

export { dayjs };
