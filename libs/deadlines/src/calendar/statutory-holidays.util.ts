import { daysFromCivil, isWeekend } from '../time/civil-date.util';
import { qingmingDayOfApril, solarDayOfLunar } from './lunar.util';

/** One day off of the provisional calendar, with the reason shown to users. */
export interface StatutoryDayOff {
  /** Day number. */
  readonly day: number;
  /** Chinese name, e.g. `春节` or `补假（劳动节）`. */
  readonly name: string;
}

/**
 * Days off that the law itself fixes for `year`, used for years whose State Council notice
 * is not loaded yet. 《全国年节及纪念日放假办法》 as amended 2024 (in force 2025-01-01):
 * - Art. 2: 元旦 1 day (Jan 1); 春节 4 days (除夕 and 正月初一 to 初三); 清明 1 day; 劳动节 2 days
 *   (May 1-2); 端午 1 day (五月初五); 中秋 1 day (八月十五); 国庆 3 days (Oct 1-3).
 * - Art. 6: a holiday of all citizens that falls on a Saturday or Sunday is made up on a
 *   working day (补假). The law does not say which day; we give the first following
 *   Monday-Friday that is not itself a holiday, as most notices do (2026: 清明 Sun Apr 5 →
 *   Mon Apr 6). Notices have also put it before (2012: 端午 Sat → Fri Jun 22) or folded it
 *   into a longer break (2015: 中秋 Sun Sep 27 → the National Day week). Two holidays on the
 *   same day (中秋 on Oct 1-3, as in 2020) get a make-up day the same way.
 * The 调休 swaps (working a weekend to bridge a break) are NOT guessed: only the notice
 * decides them, which is why days computed on this list are provisional.
 */
export function statutoryDaysOff(year: number): StatutoryDayOff[] {
  const lunarNewYear = solarDayOfLunar(year, 1, 1, daysFromCivil(year, 1, 15));
  const festivals: StatutoryDayOff[] = [
    { day: daysFromCivil(year, 1, 1), name: '元旦' },
    { day: lunarNewYear - 1, name: '春节（除夕）' },
    { day: lunarNewYear, name: '春节（初一）' },
    { day: lunarNewYear + 1, name: '春节（初二）' },
    { day: lunarNewYear + 2, name: '春节（初三）' },
    { day: daysFromCivil(year, 4, qingmingDayOfApril(year)), name: '清明节' },
    { day: daysFromCivil(year, 5, 1), name: '劳动节' },
    { day: daysFromCivil(year, 5, 2), name: '劳动节' },
    { day: solarDayOfLunar(year, 5, 5, daysFromCivil(year, 5, 20)), name: '端午节' },
    { day: solarDayOfLunar(year, 8, 15, daysFromCivil(year, 9, 1)), name: '中秋节' },
    { day: daysFromCivil(year, 10, 1), name: '国庆节' },
    { day: daysFromCivil(year, 10, 2), name: '国庆节' },
    { day: daysFromCivil(year, 10, 3), name: '国庆节' },
  ].sort((a, b) => a.day - b.day);

  const off = new Map<number, string>();
  const needMakeUp: StatutoryDayOff[] = [];
  for (const f of festivals) {
    if (off.has(f.day) || isWeekend(f.day)) needMakeUp.push(f);
    if (!off.has(f.day)) off.set(f.day, f.name);
  }
  for (const f of needMakeUp) {
    let d = f.day + 1;
    while (isWeekend(d) || off.has(d)) d++;
    off.set(d, `补假（${f.name.replace(/（.*）/, '')}）`);
  }
  return [...off.entries()].map(([day, name]) => ({ day, name })).sort((a, b) => a.day - b.day);
}
