import { shanghaiDateOf } from '@petition/deadlines';

const CIVIL_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * 2026年12月7日 — the civil date in Asia/Shanghai, whatever the machine's time zone, written as
 * GB/T 9704 dates official documents (Arabic numerals, no leading zeros). Takes a Date, an ISO
 * instant with an offset, or a civil date `YYYY-MM-DD`; an ISO string without an offset is refused,
 * because JavaScript would read it in the machine's own zone.
 * @throws RangeError for anything else.
 */
export function chineseDate(instant: Date | string): string {
  let civil: string;
  try {
    // A civil date is checked (2026-02-30 is refused) by reading its noon in Shanghai.
    civil = shanghaiDateOf(typeof instant === 'string' && CIVIL_DATE.test(instant) ? `${instant}T12:00:00+08:00` : instant);
  } catch (err) {
    throw new RangeError(`chineseDate: ${(err as Error).message}`, { cause: err });
  }
  const [year, month, day] = civil.split('-').map(Number);
  return `${year}年${month}月${day}日`;
}
