import { getLunarDate } from 'chinese-days';
import { formatDay } from '../time/civil-date.util';
import { loadCalendar } from './calendar.loader';
import { qingmingDayOfApril } from './lunar.util';
import { statutoryDaysOff } from './statutory-holidays.util';

const namesOf = (year: number): Record<string, string> => Object.fromEntries(statutoryDaysOff(year).map((d) => [formatDay(d.day), d.name]));

describe('provisional calendar: statutory days off (《全国年节及纪念日放假办法》 2024)', () => {
  const official = loadCalendar();

  it('gives the 13 statutory days plus Art. 6 make-up days, e.g. for 2027', () => {
    expect(namesOf(2027)).toEqual({
      '2027-01-01': '元旦',
      '2027-02-05': '春节（除夕）',
      '2027-02-06': '春节（初一）',
      '2027-02-07': '春节（初二）',
      '2027-02-08': '春节（初三）',
      '2027-02-09': '补假（春节）', // 初一 fell on Saturday
      '2027-02-10': '补假（春节）', // 初二 fell on Sunday
      '2027-04-05': '清明节',
      '2027-05-01': '劳动节',
      '2027-05-02': '劳动节',
      '2027-05-03': '补假（劳动节）',
      '2027-05-04': '补假（劳动节）',
      '2027-06-09': '端午节',
      '2027-09-15': '中秋节',
      '2027-10-01': '国庆节',
      '2027-10-02': '国庆节',
      '2027-10-03': '国庆节',
      '2027-10-04': '补假（国庆节）',
      '2027-10-05': '补假（国庆节）',
    });
  });

  it('gives a make-up day when 中秋 coincides with 国庆 (2028: Oct 3)', () => {
    const days = namesOf(2028);
    expect(days['2028-10-03']).toBe('中秋节'); // also 国庆 day 3: two holidays, one day
    expect(days['2028-10-04']).toBe('补假（国庆节）');
    expect(days['2028-10-05']).toBe('补假（国庆节）');
  });

  it.each([2025, 2026])('is contained in the official %i schedule (lunar dates, 清明 and 补假 all right)', (year) => {
    const wrong = statutoryDaysOff(year)
      .map((d) => formatDay(d.day))
      .filter((date) => official.isWorkday(date));
    expect(wrong).toEqual([]);
  });

  it('puts 清明 on the official 清明 holiday of every year 2008-2026', () => {
    const wrong: string[] = [];
    for (let year = 2008; year <= 2026; year++) {
      const date = `${year}-04-${String(qingmingDayOfApril(year)).padStart(2, '0')}`;
      if (official.describeDay(date).name !== '清明') wrong.push(date);
    }
    expect(wrong).toEqual([]);
  });

  it('puts 春节 初一-初三, 端午 and 中秋 on official days off in every year 2008-2026', () => {
    const wrong: string[] = [];
    for (let year = 2008; year <= 2026; year++) {
      for (const d of statutoryDaysOff(year)) {
        const name = d.name;
        if (/^(春节（初[一二三]）|端午节|中秋节)$/.test(name) && official.isWorkday(formatDay(d.day)))
          wrong.push(`${formatDay(d.day)} ${name}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('matches known lunar festival dates 2027-2030', () => {
    const picks = (year: number): string[] =>
      Object.entries(namesOf(year))
        .filter(([, name]) => /^(春节（初一）|清明节|端午节|中秋节)$/.test(name))
        .map(([date]) => date);
    expect(picks(2027)).toEqual(['2027-02-06', '2027-04-05', '2027-06-09', '2027-09-15']);
    expect(picks(2028)).toEqual(['2028-01-26', '2028-04-04', '2028-05-28', '2028-10-03']);
    expect(picks(2029)).toEqual(['2029-02-13', '2029-04-04', '2029-06-16', '2029-09-22']);
    expect(picks(2030)).toEqual(['2030-02-03', '2030-04-05', '2030-06-05', '2030-09-12']);
  });

  it('lands on the right lunar day in every year 2000-2099', () => {
    const wrong: string[] = [];
    for (let year = 2000; year <= 2099; year++) {
      for (const d of statutoryDaysOff(year)) {
        const lunar = getLunarDate(formatDay(d.day));
        const want = d.name === '春节（初一）' ? [1, 1] : d.name === '端午节' ? [5, 5] : d.name === '中秋节' ? [8, 15] : null;
        if (want !== null && (lunar.lunarMon !== want[0] || lunar.lunarDay !== want[1] || lunar.isLeap)) wrong.push(`${year} ${d.name}`);
        if (d.name === '春节（除夕）' && getLunarDate(formatDay(d.day + 1)).lunarDay !== 1) wrong.push(`${year} 除夕`);
      }
      const april = qingmingDayOfApril(year);
      if (april < 4 || april > 6) wrong.push(`${year} 清明 ${april}`);
    }
    expect(wrong).toEqual([]);
  });
});
