import { loadCalendar } from '../calendar/calendar.loader';
import { DeadlinesErrorCode } from '../deadlines.errors';
import { defaultRuleSet } from '../rules/rule-set.loader';
import { lastDayOfPeriod } from '../time/instant.util';
import { computeDue, computeStatutoryDue } from './compute-due';

const calendar = loadCalendar();
const rules = defaultRuleSet();

describe('computeStatutoryDue', () => {
  it('counts the cap, not the local limit: triage is 1 working day locally, 15 calendar days by law (条例 Art. 22)', () => {
    const start = '2026-11-02T10:00:00+08:00'; // Monday
    expect(computeDue({ start, stage: 'triage', rules, calendar }).due).toBe('2026-11-04T00:00:00+08:00');
    expect(computeStatutoryDue({ start, stage: 'triage', rules, calendar })).toMatchObject({
      stage: 'triage',
      due: '2026-11-18T00:00:00+08:00',
      lastDay: '2026-11-17',
      cap: { kind: 'calendar_days', limit: 15, source: '条例 Art. 22' },
    });
  });

  it('rolls a last day on a rest day to the next working day (民法典 Art. 203)', () => {
    // Friday + 15 days = Saturday 21 November → Monday 23 November.
    expect(computeStatutoryDue({ start: '2026-11-06T16:00:00+08:00', stage: 'triage', rules, calendar }).lastDay).toBe('2026-11-23');
  });

  it('gives the same answer for the same instant written in another offset', () => {
    const a = computeStatutoryDue({ start: '2026-11-06T16:00:00+08:00', stage: 'triage', rules, calendar });
    const b = computeStatutoryDue({ start: '2026-11-06T08:00:00Z', stage: 'triage', rules, calendar });
    expect(b.due).toBe(a.due);
  });

  it('refuses an unknown stage', () => {
    expect(() => computeStatutoryDue({ start: '2026-11-06T16:00:00+08:00', stage: 'nope', rules, calendar })).toThrow(
      expect.objectContaining({ code: DeadlinesErrorCode.UnknownStage }),
    );
  });
});

describe('lastDayOfPeriod', () => {
  it('is the day before an exclusive 00:00 due, in China whatever the offset written', () => {
    expect(lastDayOfPeriod('2026-11-18T00:00:00+08:00')).toBe('2026-11-17');
    expect(lastDayOfPeriod('2026-11-17T16:00:00Z')).toBe('2026-11-17');
    expect(lastDayOfPeriod(new Date('2026-11-18T09:30:00+08:00'))).toBe('2026-11-18');
  });
});
