import { loadCalendar } from '../calendar/calendar.loader';
import type { CalendarOverrideYear } from '../calendar/calendar-overrides';
import { bundledOfficialData } from '../calendar/official-holiday-data';
import { defaultRuleSet } from '../rules/rule-set.loader';
import { daysFromCivil, formatDay } from '../time/civil-date.util';
import { Deadline } from './deadline.model';
import { recomputeProvisional } from './recompute-provisional';

const span = (from: string, to: string): string[] => {
  const [a, b] = [from, to].map((d) => d.split('-').map(Number));
  const out: string[] = [];
  for (let d = daysFromCivil(a[0], a[1], a[2]); d <= daysFromCivil(b[0], b[1], b[2]); d++) out.push(formatDay(d));
  return out;
};

/** A HYPOTHETICAL 2027 notice (the real one is not published yet), shaped like recent ones. */
const HYPOTHETICAL_2027: CalendarOverrideYear = {
  source: 'hypothetical 2027 notice (test fixture)',
  holidays: [
    ...span('2027-01-01', '2027-01-03'),
    ...span('2027-02-05', '2027-02-13'),
    ...span('2027-04-03', '2027-04-05'),
    ...span('2027-05-01', '2027-05-05'),
    '2027-06-09',
    '2027-09-15',
    ...span('2027-10-01', '2027-10-07'),
  ],
  workdays: ['2027-02-20', '2027-05-08', '2027-09-26', '2027-10-09'],
};

const rules = defaultRuleSet();
const provisionalCalendar = loadCalendar();
const officialCalendar = loadCalendar({ overrides: { name: 'city', version: '2026.11', years: { '2027': HYPOTHETICAL_2027 } } });

describe('recomputeProvisional', () => {
  // 60 days from 2026-12-12 end on Wed 2027-02-10: a provisional 补假 day of Spring Festival 2027.
  const provisional = Deadline.start({
    start: '2026-12-12T10:00:00+08:00',
    stage: 'handling_standard',
    rules,
    calendar: provisionalCalendar,
  });

  it('computes a 60-day deadline reaching 2027 on the provisional calendar, and says so', () => {
    expect(provisional.toJSON()).toMatchObject({
      due: '2027-02-12T00:00:00+08:00',
      lastDay: '2027-02-11',
      provisional: true,
      provisionalFrom: '2027-02-10',
    });
  });

  it('recomputes it once the official year is loaded, recording a calendar revision', () => {
    const result = recomputeProvisional(provisional.toJSON(), officialCalendar, { at: '2026-11-20T09:00:00+08:00' });
    expect(result.outcome).toBe('recomputed');
    if (result.outcome !== 'recomputed') return;
    expect(result.revision).toEqual({
      fromRevision: provisionalCalendar.revision,
      toRevision: officialCalendar.revision,
      previousDue: '2027-02-12T00:00:00+08:00',
      due: '2027-02-16T00:00:00+08:00', // Feb 10-13 off in the notice, Sun Feb 14 → Mon Feb 15
      dueChanged: true,
      provisional: false,
      at: '2026-11-20T09:00:00+08:00',
    });
    expect(result.deadline.toJSON()).toMatchObject({
      due: '2027-02-16T00:00:00+08:00',
      provisional: false,
      provisionalFrom: null,
      calendarRevision: officialCalendar.revision,
      revisions: [result.revision],
      start: '2026-12-12T10:00:00+08:00',
      ruleSetVersion: 'default@2022.1',
    });
  });

  it('recomputes only once', () => {
    const first = recomputeProvisional(provisional, officialCalendar);
    if (first.outcome !== 'recomputed') throw new Error('expected a recomputation');
    expect(recomputeProvisional(first.deadline.toJSON(), officialCalendar)).toEqual({
      outcome: 'unchanged',
      reason: 'not provisional: the due date is final',
    });
  });

  it('leaves it alone while the year is still missing, or the calendar is the same', () => {
    expect(recomputeProvisional(provisional, provisionalCalendar)).toEqual({
      outcome: 'unchanged',
      reason: `already computed on calendar ${provisionalCalendar.revision}`,
    });
    const reloaded = loadCalendar({ overrides: { days: [{ date: '2026-07-01', type: 'holiday', reason: '本市纪念日' }] } });
    expect(recomputeProvisional(JSON.stringify(provisional.toJSON()), reloaded)).toEqual({
      outcome: 'unchanged',
      reason: `the official schedule for 2027-02-10 is still not loaded (calendar ${reloaded.revision})`,
    });
  });

  it('never moves a deadline that was final when its step started', () => {
    const final = Deadline.start({ start: '2026-08-10T09:00:00+08:00', stage: 'handling_standard', rules, calendar: provisionalCalendar });
    expect(recomputeProvisional(final, officialCalendar)).toEqual({
      outcome: 'unchanged',
      reason: 'not provisional: the due date is final',
    });
  });

  it('keeps pauses and extensions, and records an unchanged due date too', () => {
    // 60 days from 2026-11-02 end Fri 2027-01-01 (provisional New Year) → Mon Jan 4; +30 days → Wed Feb 3.
    const d = Deadline.start({
      start: '2026-11-02T10:00:00+08:00',
      stage: 'handling_standard',
      rules,
      calendar: provisionalCalendar,
    }).extend({
      days: 30,
      at: '2026-12-20T10:00:00+08:00',
      by: 'unit-head-17',
      reason: '案情复杂',
    });
    expect(d.toJSON()).toMatchObject({ due: '2027-02-04T00:00:00+08:00', provisional: true });
    const result = recomputeProvisional(d, officialCalendar);
    if (result.outcome !== 'recomputed') throw new Error('expected a recomputation');
    expect(result.revision).toMatchObject({ dueChanged: false, provisional: false, due: '2027-02-04T00:00:00+08:00' });
    expect(result.deadline.extensions).toEqual(d.extensions);
  });

  it('also works when the official year arrives as a newer chinese-days data file', () => {
    const data = bundledOfficialData();
    const holidays: Record<string, string> = { ...data.holidays };
    for (const date of HYPOTHETICAL_2027.holidays) holidays[date] = 'hypothetical,假日,1';
    const workdays: Record<string, string> = { ...data.workdays };
    for (const date of HYPOTHETICAL_2027.workdays) workdays[date] = 'hypothetical,调休,1';
    const newer = loadCalendar({ officialData: { holidays, workdays } });
    const result = recomputeProvisional(provisional, newer);
    expect(result).toMatchObject({ outcome: 'recomputed', revision: { due: '2027-02-16T00:00:00+08:00', provisional: false } });
  });
});
