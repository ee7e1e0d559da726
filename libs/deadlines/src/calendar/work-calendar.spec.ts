import { DeadlinesErrorCode } from '../deadlines.errors';
import { daysFromCivil, formatDay, isWeekend } from '../time/civil-date.util';
import { loadCalendar } from './calendar.loader';
import { bundledOfficialData } from './official-holiday-data';

const FIXTURES = `${__dirname}/../../fixtures`;

function range(from: string, to: string): string[] {
  const out: string[] = [];
  const [fy, fm, fd] = from.split('-').map(Number);
  const [ty, tm, td] = to.split('-').map(Number);
  for (let d = daysFromCivil(fy, fm, fd); d <= daysFromCivil(ty, tm, td); d++) out.push(formatDay(d));
  return out;
}

/**
 * The State Council notices, transcribed by hand (国办发明电〔2024〕12号 for 2025,
 * 国办发明电〔2025〕7号 for 2026). The packaged chinese-days data must agree on every day.
 */
const OFFICIAL: Record<number, { off: string[]; makeUp: string[] }> = {
  2025: {
    off: [
      '2025-01-01',
      ...range('2025-01-28', '2025-02-04'), // 春节
      ...range('2025-04-04', '2025-04-06'), // 清明
      ...range('2025-05-01', '2025-05-05'), // 劳动节
      ...range('2025-05-31', '2025-06-02'), // 端午
      ...range('2025-10-01', '2025-10-08'), // 国庆 + 中秋 (Oct 6)
    ],
    makeUp: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
  },
  2026: {
    off: [
      ...range('2026-01-01', '2026-01-03'),
      ...range('2026-02-15', '2026-02-23'),
      ...range('2026-04-04', '2026-04-06'),
      ...range('2026-05-01', '2026-05-05'),
      ...range('2026-06-19', '2026-06-21'),
      ...range('2026-09-25', '2026-09-27'),
      ...range('2026-10-01', '2026-10-07'),
    ],
    makeUp: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  },
};

describe('WorkCalendar: official data (chinese-days)', () => {
  const calendar = loadCalendar();

  it('covers the official years 2004-2026 and is provisional after them', () => {
    expect(calendar.officialYears).toEqual(Array.from({ length: 23 }, (_, i) => 2004 + i));
    expect(calendar.coverage()).toEqual({
      officialYears: calendar.officialYears,
      provisionalFrom: '2026-12-25',
      supportedFrom: '2000-01-01',
      supportedTo: '2099-12-31',
    });
    expect(calendar.revision).toMatch(/^official:2004-2026\|local:none\|#[0-9a-f]{8}$/);
  });

  it.each([2025, 2026])('matches the %i State Council notice on every day of the year', (year) => {
    const off = new Set(OFFICIAL[year].off);
    const makeUp = new Set(OFFICIAL[year].makeUp);
    const wrong: string[] = [];
    for (const date of range(`${year}-01-01`, `${year}-12-31`)) {
      const [y, m, d] = date.split('-').map(Number);
      const expected = makeUp.has(date) || (!off.has(date) && !isWeekend(daysFromCivil(y, m, d)));
      const day = calendar.describeDay(date);
      if (day.workday !== expected || (day.provisional && !date.startsWith(`${year}-12-2`) && !date.startsWith(`${year}-12-3`)))
        wrong.push(date);
    }
    expect(wrong).toEqual([]);
  });

  it('names holidays and make-up days from the data', () => {
    expect(calendar.describeDay('2026-10-01')).toEqual({
      date: '2026-10-01',
      weekday: 4,
      workday: false,
      provisional: false,
      source: 'official',
      name: '国庆节',
    });
    expect(calendar.describeDay('2026-10-10')).toMatchObject({ weekday: 6, workday: true, name: '国庆节' });
    expect(calendar.describeDay('2025-10-06')).toMatchObject({ workday: false, name: '中秋' });
    expect(calendar.describeDay('2026-03-03')).toMatchObject({ workday: true, name: null });
  });

  it('keeps the 2020 extended Spring Festival (Jan 31 - Feb 2)', () => {
    expect(calendar.isWorkday('2020-01-31')).toBe(false);
    expect(calendar.isWorkday('2020-02-03')).toBe(true);
  });

  it('leaves the last week of 2026 provisional until the 2027 notice (New Year bridges move it)', () => {
    expect(calendar.isProvisional('2026-12-24')).toBe(false);
    expect(range('2026-12-25', '2026-12-31').map((d) => calendar.isProvisional(d))).toEqual(Array(7).fill(true));
    // The data itself shows why: the 2019 notice made 2018-12-29 a workday and 12-31 a holiday.
    expect(calendar.isWorkday('2018-12-29')).toBe(true);
    expect(calendar.isWorkday('2018-12-31')).toBe(false);
  });

  it('never treats a missing year as "every weekday works"', () => {
    for (const date of ['2027-01-01', '2027-02-05', '2027-02-08', '2027-02-09', '2027-10-01', '2027-10-04']) {
      expect({ date, workday: calendar.isWorkday(date), provisional: calendar.isProvisional(date) }).toEqual({
        date,
        workday: false,
        provisional: true,
      });
    }
    expect(calendar.describeDay('2027-02-09')).toMatchObject({ source: 'provisional', name: '补假（春节）（临时）' });
    expect(calendar.isWorkday('2027-02-15')).toBe(true);
  });

  it('refuses days outside 2000-2099 instead of guessing', () => {
    expect(() => calendar.isWorkday('2100-01-01')).toThrow(
      expect.objectContaining({ code: DeadlinesErrorCode.CalendarRange, message: expect.stringContaining('2000-01-01..2099-12-31') }),
    );
  });

  it('warns at startup when deadlines can reach provisional days', () => {
    const warning = calendar.startupWarning('2026-11-02T09:00:00+08:00');
    expect(warning).toContain('from 2026-12-25');
    expect(warning).toContain('schedule for 2027 is not loaded');
    expect(warning).toContain('official data covers 2004-2026');
    expect(calendar.startupWarning('2025-06-01T09:00:00+08:00')).toBeNull();
    expect(calendar.startupWarning('2027-03-01T09:00:00+08:00')).toContain('from 2027-03-01');
  });
});

describe('WorkCalendar: local overrides', () => {
  it('applies the example override file (a local holiday and its make-up Saturday)', () => {
    const calendar = loadCalendar({ overrides: `${FIXTURES}/calendar-overrides.example.json` });
    expect(calendar.describeDay('2026-07-01')).toMatchObject({
      workday: false,
      source: 'override',
      name: '市政府决定：城市纪念日放假一天',
    });
    expect(calendar.describeDay('2026-07-04')).toMatchObject({ workday: true, source: 'override' });
    expect(calendar.revision).toMatch(/^official:2004-2026\|local:example-city@2026\.1\|#[0-9a-f]{8}$/);
    expect(calendar.revision).not.toBe(loadCalendar().revision);
  });

  it('makes an override day in a provisional year final', () => {
    const calendar = loadCalendar({ overrides: { days: [{ date: '2027-03-02', type: 'holiday', reason: '本市特别休息日' }] } });
    expect(calendar.describeDay('2027-03-02')).toMatchObject({ workday: false, provisional: false, source: 'override' });
    expect(calendar.isProvisional('2027-03-03')).toBe(true);
  });

  it('loads an official year supplied by the city and ends the provisional period', () => {
    const calendar = loadCalendar({
      overrides: {
        name: 'city',
        version: '2026.11',
        years: {
          '2027': {
            source: '国办发明电〔2026〕(hypothetical)',
            holidays: ['2027-01-01', '2027-02-05', '2027-02-08'],
            workdays: ['2027-02-20'],
          },
        },
      },
    });
    expect(calendar.officialYears).toContain(2027);
    expect(calendar.isProvisional('2026-12-31')).toBe(false);
    expect(calendar.isProvisional('2027-06-01')).toBe(false);
    expect(calendar.isProvisional('2027-12-25')).toBe(true);
    expect(calendar.isWorkday('2027-02-09')).toBe(true); // the provisional 补假 guess is gone
    expect(calendar.isWorkday('2027-02-20')).toBe(true);
    expect(calendar.coverage().provisionalFrom).toBe('2027-12-25');
  });

  it('notes when a city year replaces packaged data', () => {
    const calendar = loadCalendar({ overrides: { years: { '2026': { source: 'test', holidays: ['2026-01-01'], workdays: [] } } } });
    expect(calendar.notices).toEqual([
      expect.stringMatching(/override file supplies 2026 \(test\), replacing the packaged schedule \(\d+ day\(s\) differ\)/),
    ]);
    expect(calendar.isWorkday('2026-10-01')).toBe(true);
  });

  it('accepts a newer official data file in the chinese-days shape', () => {
    const data = bundledOfficialData();
    const calendar = loadCalendar({
      officialData: { holidays: { ...data.holidays, '2027-01-01': "New Year's Day,元旦,1" }, workdays: data.workdays },
    });
    expect(calendar.officialYears[calendar.officialYears.length - 1]).toBe(2027);
    expect(calendar.isWorkday('2027-02-09')).toBe(true);
  });

  it('refuses a malformed override file, listing every problem', () => {
    const bad = {
      colour: 'red',
      days: [
        { date: '2026-02-30', type: 'holiday', reason: 'x' },
        { date: '2026-03-02', type: 'rest', reason: 'x' },
        { date: '2026-03-03', type: 'holiday', reason: ' ' },
        { date: '2026-03-04', type: 'workday', reason: 'a' },
        { date: '2026-03-04', type: 'holiday', reason: 'b' },
      ],
      years: { '2199': { source: 'x', holidays: [], workdays: [] }, '2027': { holidays: ['2025-01-01'], workdays: 'none' } },
    };
    let error: unknown;
    try {
      loadCalendar({ overrides: bad as never });
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ code: DeadlinesErrorCode.InvalidCalendarData });
    expect((error as { details: string[] }).details).toEqual([
      'calendar overrides: unknown field "colour" (allowed: $schema, name, version, description, days, years)',
      'days[0].date 2026-02-30 is not a real calendar date',
      'days[1].type must be "holiday" or "workday" (got "rest")',
      'days[2].reason: say why the day changes',
      'days[4]: 2026-03-04 appears twice',
      'years.2027.source: name the State Council notice the dates come from',
      'years.2027.holidays: 2025-01-01 is outside 2027 (and its previous December)',
      'years.2027.workdays: must be an array of YYYY-MM-DD dates',
      'years.2199: year must be between 2000 and 2099',
    ]);
  });

  it('reports unreadable and non-JSON files by name', () => {
    expect(() => loadCalendar({ overrides: `${FIXTURES}/missing.json` })).toThrow(
      expect.objectContaining({ code: DeadlinesErrorCode.FileUnreadable, message: expect.stringContaining('missing.json') }),
    );
    expect(() => loadCalendar({ overrides: __filename })).toThrow(
      expect.objectContaining({ code: DeadlinesErrorCode.InvalidCalendarData, message: expect.stringContaining('is not valid JSON') }),
    );
  });

  it('refuses official data that contradicts itself', () => {
    expect(() => loadCalendar({ officialData: { holidays: { '2026-10-10': 'x' }, workdays: { '2026-10-10': 'y' } } })).toThrow(
      /both as a holiday and as a make-up workday/,
    );
  });
});
