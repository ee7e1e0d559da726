import { getLunarDate, getYearLeapMonth, monthDays } from 'chinese-days';
import { DeadlinesError, DeadlinesErrorCode } from '../deadlines.errors';
import { formatDay } from '../time/civil-date.util';

/*
 * Lunar → solar conversion for the provisional calendar.
 *
 * chinese-days' own getSolarDateFromLunar and getSolarTermDate read and format dates with the
 * machine's local-time getters: under TZ=America/New_York they return 2027-02-07 for lunar
 * 2027-01-01 (correct: 2027-02-06) and 2027-04-04 for 清明 2027 (correct: 04-05). We therefore
 * only use getLunarDate with a `YYYY-MM-DD` string, whose lunar fields come from pure UTC
 * millisecond arithmetic, plus the pure month-length helpers, and verify every answer.
 */

interface LunarDay {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly leap: boolean;
}

function lunarOf(day: number): LunarDay {
  const detail = getLunarDate(formatDay(day));
  return { year: detail.lunarYear, month: detail.lunarMon, day: detail.lunarDay, leap: detail.isLeap };
}

function lunarMonthLength(l: LunarDay): number {
  return l.leap ? getYearLeapMonth(l.year).days : monthDays(l.year, l.month);
}

/**
 * Day number of lunar `year`-`month`-`day` (a non-leap month), searched from `fromDay`, a solar
 * day known to lie at most one lunar month before the answer.
 * @throws DeadlinesError `InvalidCalendarData` if the lunar data cannot produce the date.
 */
export function solarDayOfLunar(year: number, month: number, day: number, fromDay: number): number {
  let candidate = fromDay;
  // Each step lands on the wanted day of the current month, or on the 1st of the next month.
  for (let step = 0; step < 6; step++) {
    const l = lunarOf(candidate);
    if (l.year === year && l.month === month && !l.leap) {
      if (l.day === day) return candidate;
      candidate += day - l.day;
    } else {
      candidate += lunarMonthLength(l) - l.day + 1;
    }
  }
  throw new DeadlinesError(
    DeadlinesErrorCode.InvalidCalendarData,
    `lunar date ${year}-${month}-${day} not found after ${formatDay(fromDay)} in the chinese-days lunar data`,
  );
}

/**
 * Day of the 清明 solar term in April of `year` (2000-2099), by the widely used 寿星 formula
 * `floor(Y·0.2422 + C) − floor(Y/4)` with C = 4.81 for the 21st century. It matches every
 * 清明 of the official schedules 2008-2026 (checked by the spec).
 */
export function qingmingDayOfApril(year: number): number {
  const y = year % 100;
  return Math.floor(y * 0.2422 + 4.81) - Math.floor(y / 4);
}
