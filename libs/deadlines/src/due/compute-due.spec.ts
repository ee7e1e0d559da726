import { loadCalendar } from '../calendar/calendar.loader';
import { DeadlinesErrorCode } from '../deadlines.errors';
import { defaultRuleSet, loadRuleSet } from '../rules/rule-set.loader';
import { computeDue } from './compute-due';

const calendar = loadCalendar();
const rules = defaultRuleSet();
const due = (start: string, stage: string, urgent = false): string => computeDue({ start, stage, rules, calendar, urgent }).due;

/*
 * Expected values worked out by hand from the State Council notices (see work-calendar.spec.ts).
 * Working-day stages: triage 1, reply_delivery 2, unit_accept 3, callback/unit_return 5,
 * handling_fast 10. Calendar-day stages: review_request 30, handling_standard 60.
 */
describe('computeDue with real 2025/2026 dates', () => {
  it.each([
    // 春节 2025: off Jan 28 - Feb 4, make-up Sun Jan 26 and Sat Feb 8
    ['春节 2025: Friday + 1 working day lands on the make-up Sunday', '2025-01-24T10:00:00+08:00', 'triage', '2025-01-27T00:00:00+08:00'],
    ['春节 2025: 3 working days jump the break', '2025-01-27T10:00:00+08:00', 'unit_accept', '2025-02-08T00:00:00+08:00'],
    ['春节 2025: 30 days ending Feb 4 roll to Feb 5', '2025-01-05T10:00:00+08:00', 'review_request', '2025-02-06T00:00:00+08:00'],
    // 春节 2026: off Feb 15-23, make-up Sat Feb 14 and Sat Feb 28
    ['春节 2026: 3 working days use the make-up Saturday', '2026-02-12T09:00:00+08:00', 'unit_accept', '2026-02-25T00:00:00+08:00'],
    ['春节 2026: 5 working days use Sat Feb 28', '2026-02-25T09:00:00+08:00', 'callback', '2026-03-04T00:00:00+08:00'],
    ['春节 2026: 30 days ending on 初三 roll to Feb 24', '2026-01-20T09:00:00+08:00', 'review_request', '2026-02-25T00:00:00+08:00'],
    // 清明
    ['清明 2025 (Fri-Sun)', '2025-04-03T16:00:00+08:00', 'triage', '2025-04-08T00:00:00+08:00'],
    ['清明 2026 (Sat-Mon)', '2026-04-03T16:00:00+08:00', 'triage', '2026-04-08T00:00:00+08:00'],
    ['清明 2026: 30 days ending Sun Apr 5 roll to Tue Apr 7', '2026-03-06T09:00:00+08:00', 'review_request', '2026-04-08T00:00:00+08:00'],
    // 劳动节
    ['劳动节 2025: make-up Sun Apr 27 counts', '2025-04-25T09:00:00+08:00', 'reply_delivery', '2025-04-29T00:00:00+08:00'],
    ['劳动节 2025: 5 working days across May 1-5', '2025-04-29T09:00:00+08:00', 'callback', '2025-05-10T00:00:00+08:00'],
    ['劳动节 2026: make-up Sat May 9 counts', '2026-04-30T09:00:00+08:00', 'callback', '2026-05-12T00:00:00+08:00'],
    ['劳动节 2026: 30 days ending May 2 roll to May 6', '2026-04-02T09:00:00+08:00', 'review_request', '2026-05-07T00:00:00+08:00'],
    // 端午
    ['端午 2025 (Sat-Mon)', '2025-05-30T09:00:00+08:00', 'triage', '2025-06-04T00:00:00+08:00'],
    ['端午 2026 (Fri-Sun)', '2026-06-18T09:00:00+08:00', 'triage', '2026-06-23T00:00:00+08:00'],
    ['端午 2026: 30 days ending Fri Jun 19 roll to Mon Jun 22', '2026-05-20T09:00:00+08:00', 'review_request', '2026-06-23T00:00:00+08:00'],
    // 中秋 + 国庆
    ['中秋/国庆 2025: make-up Sun Sep 28 counts', '2025-09-26T09:00:00+08:00', 'unit_accept', '2025-10-01T00:00:00+08:00'],
    ['中秋/国庆 2025: 5 working days across Oct 1-8 and Sat Oct 11', '2025-09-30T09:00:00+08:00', 'callback', '2025-10-15T00:00:00+08:00'],
    ['中秋/国庆 2025: 30 days ending Oct 5 roll to Oct 9', '2025-09-05T09:00:00+08:00', 'review_request', '2025-10-10T00:00:00+08:00'],
    ['中秋 2026 (Fri-Sun)', '2026-09-24T09:00:00+08:00', 'triage', '2026-09-29T00:00:00+08:00'],
    ['国庆 2026: make-up Sun Sep 20 counts', '2026-09-18T09:00:00+08:00', 'reply_delivery', '2026-09-22T00:00:00+08:00'],
    // working days across 1-8 October 2026 (off Oct 1-7, make-up Sat Oct 10)
    ['Oct 2026: 5 working days from Sep 29', '2026-09-29T10:00:00+08:00', 'unit_return', '2026-10-13T00:00:00+08:00'],
    ['Oct 2026: 10 working days (fast track) from Sep 28', '2026-09-28T10:00:00+08:00', 'handling_fast', '2026-10-17T00:00:00+08:00'],
    ['Oct 2026: 3 working days from Sep 30 end on Sat Oct 10', '2026-09-30T10:00:00+08:00', 'unit_accept', '2026-10-11T00:00:00+08:00'],
    // a due date on a holiday rolls forward
    ['60 days ending Oct 1 2026 roll to Oct 8', '2026-08-02T09:00:00+08:00', 'handling_standard', '2026-10-09T00:00:00+08:00'],
    ['60 days ending on a workday stay', '2026-08-10T09:00:00+08:00', 'handling_standard', '2026-10-10T00:00:00+08:00'],
    // starting on a holiday
    ['start on a holiday: the holiday is not counted either', '2026-10-03T10:00:00+08:00', 'triage', '2026-10-09T00:00:00+08:00'],
    [
      'start on a holiday: 30 days ending Sat Oct 31 roll to Mon Nov 2',
      '2026-10-01T10:00:00+08:00',
      'review_request',
      '2026-11-03T00:00:00+08:00',
    ],
    // year boundaries
    ['2024→2025: New Year Wed Jan 1', '2024-12-31T10:00:00+08:00', 'triage', '2025-01-03T00:00:00+08:00'],
    ['2025→2026: Jan 1-3 off, Sun Jan 4 is a make-up workday', '2025-12-31T10:00:00+08:00', 'triage', '2026-01-05T00:00:00+08:00'],
    [
      '2025→2026: 30 days ending Jan 1 roll to the make-up Sunday',
      '2025-12-02T10:00:00+08:00',
      'review_request',
      '2026-01-05T00:00:00+08:00',
    ],
    ['2025→2026: 60 days', '2025-11-15T10:00:00+08:00', 'handling_standard', '2026-01-15T00:00:00+08:00'],
  ])('%s', (_title, start, stage, expected) => {
    expect(due(start, stage)).toBe(expected);
  });

  it('does not count the start day, whatever the hour (23:59 vs 00:00)', () => {
    expect(due('2026-09-02T23:59:00+08:00', 'review_request')).toBe('2026-10-09T00:00:00+08:00'); // Oct 2 → Oct 8
    expect(due('2026-03-01T23:59:59.999+08:00', 'handling_suggestion')).toBe('2026-04-01T00:00:00+08:00');
    expect(due('2026-03-02T00:00:00+08:00', 'handling_suggestion')).toBe('2026-04-02T00:00:00+08:00');
    expect(due('2026-09-30T23:59:00+08:00', 'triage')).toBe('2026-10-09T00:00:00+08:00');
  });

  it('decides the start day in Asia/Shanghai, whatever offset the input has', () => {
    expect(due('2026-03-01T15:59:00Z', 'handling_suggestion')).toBe('2026-04-01T00:00:00+08:00'); // 23:59 in Shanghai
    expect(due('2026-03-01T16:00:00Z', 'handling_suggestion')).toBe('2026-04-02T00:00:00+08:00'); // 00:00 next day
    expect(due('2026-03-01T11:00:00-05:00', 'handling_suggestion')).toBe('2026-04-02T00:00:00+08:00');
  });

  it('counts hours exactly, through nights and holidays', () => {
    expect(due('2026-09-30T10:00:00+08:00', 'first_contact', true)).toBe('2026-10-01T10:00:00+08:00');
    expect(due('2026-09-30T10:00:00.250+08:00', 'first_contact', true)).toBe('2026-10-01T10:00:00.250+08:00');
  });

  it('returns the full result for handling_standard', () => {
    expect(computeDue({ start: '2026-08-10T09:00:00+08:00', stage: 'handling_standard', rules, calendar })).toEqual({
      stage: 'handling_standard',
      start: '2026-08-10T09:00:00+08:00',
      due: '2026-10-10T00:00:00+08:00',
      lastDay: '2026-10-09',
      warningAt: '2026-09-28T00:00:00+08:00', // 20% of 60 days = 12 days before due
      kind: 'calendar_days',
      limit: 60,
      urgent: false,
      provisional: false,
      provisionalFrom: null,
      ruleSetVersion: 'default@2022.1',
      calendarRevision: calendar.revision,
      statutoryCap: { kind: 'calendar_days', limit: 60, source: '条例 Art. 34', extensionDays: 30 },
      cappedBy: null,
    });
  });

  it('warns at whichever comes first: 20% of the period or 2 working days left', () => {
    // 3 working days Sep 30 → Oct 10 (Sat): 0.6 working days left = Oct 10 09:36; 2 working days left = Oct 9 00:00
    expect(computeDue({ start: '2026-09-30T10:00:00+08:00', stage: 'unit_accept', rules, calendar }).warningAt).toBe(
      '2026-10-09T00:00:00+08:00',
    );
    // 24 hours: 20% = 4.8 hours before due
    expect(computeDue({ start: '2026-09-30T10:00:00+08:00', stage: 'first_contact', rules, calendar, urgent: true }).warningAt).toBe(
      '2026-10-01T05:12:00+08:00',
    );
    // a 1-working-day stage has less than 2 working days from the start: warning at once
    expect(computeDue({ start: '2026-03-02T10:00:00+08:00', stage: 'triage', rules, calendar }).warningAt).toBe(
      '2026-03-02T10:00:00+08:00',
    );
  });

  it('marks a deadline reaching a year the data does not cover as provisional', () => {
    const r = computeDue({ start: '2026-11-20T10:00:00+08:00', stage: 'handling_standard', rules, calendar });
    expect(r).toMatchObject({ due: '2027-01-20T00:00:00+08:00', lastDay: '2027-01-19', provisional: true, provisionalFrom: '2027-01-19' });
    const w = computeDue({ start: '2026-12-28T10:00:00+08:00', stage: 'callback', rules, calendar });
    expect(w).toMatchObject({ due: '2027-01-06T00:00:00+08:00', provisional: true, provisionalFrom: '2026-12-29' }); // Jan 1 2027 off
    expect(computeDue({ start: '2026-10-20T10:00:00+08:00', stage: 'handling_standard', rules, calendar }).provisional).toBe(false);
    expect(computeDue({ start: '2026-12-30T10:00:00+08:00', stage: 'first_contact', rules, calendar, urgent: true }).provisional).toBe(
      false,
    );
  });

  it('never lets a working-day limit pass a calendar-day statutory cap', () => {
    const city = loadRuleSet({
      id: 'city',
      version: '1',
      extends: 'default@2022.1',
      stages: { unit_accept: { kind: 'working_days', limit: 15 } },
    });
    const r = computeDue({ start: '2026-02-10T09:00:00+08:00', stage: 'unit_accept', rules: city, calendar });
    expect(r).toMatchObject({ due: '2026-02-26T00:00:00+08:00', lastDay: '2026-02-25', cappedBy: '条例 Art. 23' }); // 15 working days would be Mar 9
    expect(computeDue({ start: '2026-06-01T09:00:00+08:00', stage: 'unit_accept', rules: city, calendar })).toMatchObject({
      due: '2026-06-17T00:00:00+08:00',
      cappedBy: '条例 Art. 23',
    }); // Jun 1 + 15 days
    expect(computeDue({ start: '2026-06-01T09:00:00+08:00', stage: 'unit_accept', rules, calendar }).cappedBy).toBeNull();
  });

  it('refuses bad input with stable codes', () => {
    expect(() => due('2026-08-10T09:00:00', 'handling_standard')).toThrow(
      expect.objectContaining({ code: DeadlinesErrorCode.InvalidInstant }),
    );
    expect(() => due('2026-08-10T09:00:00+08:00', 'nope')).toThrow(expect.objectContaining({ code: DeadlinesErrorCode.UnknownStage }));
    expect(() => due('2026-08-10T09:00:00+08:00', 'handling_standard', true)).toThrow(
      expect.objectContaining({ code: DeadlinesErrorCode.NoUrgentVariant }),
    );
    expect(() => due('2099-12-20T09:00:00+08:00', 'handling_standard')).toThrow(
      expect.objectContaining({ code: DeadlinesErrorCode.CalendarRange }),
    );
  });
});
