import { loadCalendar } from '../calendar/calendar.loader';
import { DeadlinesErrorCode } from '../deadlines.errors';
import { defaultRuleSet, loadRuleSetFile } from '../rules/rule-set.loader';
import { Deadline } from './deadline.model';
import type { DeadlineRecord } from './deadline.types';

const calendar = loadCalendar();
const rules = defaultRuleSet();
const who = { by: 'unit-head-17', reason: '案情复杂，需进一步调查' };
const handling = (): Deadline => Deadline.start({ start: '2026-08-10T09:00:00+08:00', stage: 'handling_standard', rules, calendar });
const reexam = (): Deadline => Deadline.start({ start: '2026-03-02T09:00:00+08:00', stage: 'reexam_decision', rules, calendar });

describe('Deadline: extensions (延期, 条例 Art. 34)', () => {
  it('extends once, from the current due date, before the deadline', () => {
    const d = handling().extend({ days: 30, at: '2026-10-01T10:00:00+08:00', ...who });
    // Oct 9 + 30 = Sun Nov 8 → rolls to Mon Nov 9
    expect(d.due).toBe('2026-11-10T00:00:00+08:00');
    expect(d.extensions).toEqual([{ days: 30, unitKind: 'calendar_days', at: '2026-10-01T10:00:00+08:00', ...who }]);
    expect(handling().due).toBe('2026-10-10T00:00:00+08:00'); // immutable
  });

  it('refuses a second extension, a longer one, a late one and one without who/why', () => {
    const once = handling().extend({ days: 10, at: '2026-10-01T10:00:00+08:00', ...who });
    const refused = (fn: () => unknown, message: RegExp) =>
      expect(fn).toThrow(expect.objectContaining({ code: DeadlinesErrorCode.InvalidExtension, message: expect.stringMatching(message) }));
    refused(
      () => once.extend({ days: 5, at: '2026-10-02T10:00:00+08:00', ...who }),
      /already extended once; 条例 Art. 34 allows one extension/,
    );
    refused(() => handling().extend({ days: 31, at: '2026-10-01T10:00:00+08:00', ...who }), /must be 1-30 days \(got 31; 条例 Art. 34\)/);
    refused(() => handling().extend({ days: 0, at: '2026-10-01T10:00:00+08:00', ...who }), /must be 1-30 days/);
    refused(
      () => handling().extend({ days: 10, at: '2026-10-10T00:00:00+08:00', ...who }),
      /too late: the deadline passed at 2026-10-10T00:00:00\+08:00/,
    );
    refused(() => handling().extend({ days: 10, at: '2026-08-01T00:00:00+08:00', ...who }), /before the clock started/);
    refused(() => handling().extend({ days: 10, at: '2026-10-01T10:00:00+08:00', by: '', reason: 'x' }), /extension.by is required/);
    refused(
      () => reexam().extend({ days: 10, at: '2026-03-10T10:00:00+08:00', ...who }),
      /stage "reexam_decision" cannot be extended under default@2022.1/,
    );
  });

  it('uses the extension cap of the rule set in force when the clock started', () => {
    const city = loadRuleSetFile(`${__dirname}/../../fixtures/city-rules.example.json`);
    const d = Deadline.start({ start: '2026-03-02T09:00:00+08:00', stage: 'handling_suggestion', rules: city, calendar });
    expect(d.due).toBe('2026-03-24T00:00:00+08:00'); // 20 days: Sun Mar 22 → Mon Mar 23
    expect(d.extend({ days: 30, at: '2026-03-20T09:00:00+08:00', ...who }).due).toBe('2026-04-23T00:00:00+08:00'); // Mar 23 + 30
    expect(Deadline.fromJSON(d.toJSON(), calendar).ruleSetVersion).toBe('example-city@2026.1');
  });
});

describe('Deadline: pauses (hearing time, 条例 Art. 36)', () => {
  it('adds the calendar days the hearing touched, then rolls', () => {
    expect(reexam().due).toBe('2026-04-02T00:00:00+08:00'); // Mar 2 + 30 = Wed Apr 1
    const d = reexam().pause({ from: '2026-03-10T14:00:00+08:00', to: '2026-03-12T11:00:00+08:00', by: 'clerk-3', reason: '听证' });
    // 3 days touched: Apr 1 + 3 = Sat Apr 4 (清明) → Tue Apr 7
    expect(d.due).toBe('2026-04-08T00:00:00+08:00');
    expect(d.pauses).toEqual([{ from: '2026-03-10T14:00:00+08:00', to: '2026-03-12T11:00:00+08:00', by: 'clerk-3', reason: '听证' }]);
  });

  it('keeps counting an open pause until it is resumed', () => {
    const open = reexam().pause({ from: '2026-03-10T14:00:00+08:00', by: 'clerk-3', reason: '听证' });
    expect(open.isPaused).toBe(true);
    expect(open.due).toBe('2026-04-02T00:00:00+08:00'); // stored due unchanged until the pause ends
    expect(open.statusAt('2026-03-12T11:00:00+08:00')).toMatchObject({ state: 'on_track', paused: true, due: '2026-04-08T00:00:00+08:00' });
    expect(open.statusAt('2026-04-20T11:00:00+08:00')).toMatchObject({ state: 'on_track', paused: true });
    expect(open.overdueBy('2026-04-20T11:00:00+08:00')).toBe(0);
    const resumed = open.resume('2026-03-12T11:00:00+08:00');
    expect(resumed.isPaused).toBe(false);
    expect(resumed.due).toBe('2026-04-08T00:00:00+08:00');
  });

  it('refuses pauses on stages the rule set does not let pause, and out-of-order or late ones', () => {
    const refused = (fn: () => unknown, message: RegExp) =>
      expect(fn).toThrow(expect.objectContaining({ code: DeadlinesErrorCode.InvalidPause, message: expect.stringMatching(message) }));
    refused(
      () => handling().pause({ from: '2026-09-01T09:00:00+08:00', by: 'x', reason: 'y' }),
      /stage "handling_standard" cannot be paused under default@2022.1 \(条例 Art. 36/,
    );
    const paused = reexam().pause({ from: '2026-03-10T14:00:00+08:00', to: '2026-03-12T11:00:00+08:00', by: 'x', reason: '听证' });
    refused(
      () => paused.pause({ from: '2026-03-11T09:00:00+08:00', by: 'x', reason: 'y' }),
      /earlier than the last recorded pause or extension/,
    );
    refused(() => reexam().pause({ from: '2026-04-02T00:00:00+08:00', by: 'x', reason: 'y' }), /too late: the deadline passed/);
    refused(
      () => reexam().pause({ from: '2026-03-10T14:00:00+08:00', to: '2026-03-10T14:00:00+08:00', by: 'x', reason: 'y' }),
      /must end after it begins/,
    );
    refused(
      () =>
        reexam()
          .pause({ from: '2026-03-10T14:00:00+08:00', by: 'x', reason: 'y' })
          .pause({ from: '2026-03-11T14:00:00+08:00', by: 'x', reason: 'y' }),
      /while a pause is open/,
    );
    refused(() => reexam().resume('2026-03-12T11:00:00+08:00'), /no open pause/);
    refused(() => reexam().pause({ from: '2026-03-10T14:00:00+08:00', by: 'x', reason: '' }), /pause.reason is required/);
  });
});

describe('Deadline: status, overdue and escalation', () => {
  it('is on_track, then warning at 20% of the period left, then overdue at the due instant', () => {
    const d = handling();
    expect(d.statusAt('2026-09-27T23:59:59+08:00')).toMatchObject({
      state: 'on_track',
      warningAt: '2026-09-28T00:00:00+08:00',
      remainingMs: 12 * 86_400_000 + 1000,
    });
    expect(d.statusAt('2026-09-28T00:00:00+08:00').state).toBe('warning');
    expect(d.statusAt('2026-10-09T23:59:59.999+08:00')).toMatchObject({ state: 'warning', remainingMs: 1, overdueMs: 0 });
    expect(d.statusAt('2026-10-10T00:00:00+08:00')).toMatchObject({ state: 'overdue', remainingMs: 0, overdueWorkingDays: 1 });
    expect(d.statusAt('2026-08-11T09:00:00+08:00').elapsedMs).toBe(86_400_000);
  });

  it('is met when completed before the due instant, overdue (超期办结) when completed at or after it', () => {
    const onTime = handling().complete('2026-10-09T23:59:59.999+08:00');
    expect(onTime.statusAt('2026-12-01T00:00:00+08:00')).toMatchObject({
      state: 'met',
      completedAt: '2026-10-09T23:59:59.999+08:00',
      overdueWorkingDays: 0,
    });
    const late = handling().complete('2026-10-13T10:00:00+08:00');
    expect(late.statusAt('2026-12-01T00:00:00+08:00')).toMatchObject({ state: 'overdue', overdueMs: 3 * 86_400_000 + 10 * 3_600_000 });
    expect(late.overdueBy('2026-12-01T00:00:00+08:00')).toBe(3); // Sat Oct 10 (make-up), Oct 12, Oct 13 — frozen at completion
    expect(late.escalationAt('2026-12-01T00:00:00+08:00')).toEqual({ step: 'urge', overdueWorkingDays: 3, next: null });
    expect(() => late.complete('2026-10-14T10:00:00+08:00')).toThrow(
      expect.objectContaining({ code: DeadlinesErrorCode.InvalidCompletion }),
    );
    expect(() => handling().complete('2026-08-01T10:00:00+08:00')).toThrow(/before the start/);
  });

  it('climbs the ladder in working days overdue: urge 1, supervision order 5, flagged 20', () => {
    const d = handling(); // due 2026-10-10T00:00 (a make-up Saturday, so it is the first overdue working day)
    const at = (iso: string) => d.escalationAt(iso);
    expect(at('2026-10-09T23:59:00+08:00')).toEqual({
      step: 'none',
      overdueWorkingDays: 0,
      next: { step: 'urge', at: '2026-10-10T00:00:00+08:00' },
    });
    expect(at('2026-10-10T08:00:00+08:00')).toEqual({
      step: 'urge',
      overdueWorkingDays: 1,
      next: { step: 'supervision_order', at: '2026-10-15T00:00:00+08:00' },
    });
    expect(d.overdueBy('2026-10-11T12:00:00+08:00')).toBe(1); // Sunday
    expect(d.overdueBy('2026-10-12T00:00:00+08:00')).toBe(2);
    expect(at('2026-10-15T00:00:00+08:00')).toEqual({
      step: 'supervision_order',
      overdueWorkingDays: 5,
      next: { step: 'flagged_supervision', at: '2026-11-05T00:00:00+08:00' },
    });
    expect(at('2026-11-04T23:59:59+08:00').step).toBe('supervision_order');
    expect(at('2026-11-05T00:00:00+08:00')).toEqual({ step: 'flagged_supervision', overdueWorkingDays: 20, next: null });
  });

  it('urges on the next working day when the deadline ends before a weekend', () => {
    const d = Deadline.start({ start: '2026-03-05T10:00:00+08:00', stage: 'triage', rules, calendar }); // due Sat Mar 7 00:00
    expect(d.due).toBe('2026-03-07T00:00:00+08:00');
    expect(d.statusAt('2026-03-08T12:00:00+08:00')).toMatchObject({ state: 'overdue', overdueWorkingDays: 0 });
    expect(d.escalationAt('2026-03-08T12:00:00+08:00')).toEqual({
      step: 'none',
      overdueWorkingDays: 0,
      next: { step: 'urge', at: '2026-03-09T00:00:00+08:00' },
    });
    expect(d.overdueBy('2026-03-09T00:00:00+08:00')).toBe(1);
  });

  it('counts an hour deadline as overdue from the next working day', () => {
    const d = Deadline.start({ start: '2026-03-02T10:00:00+08:00', stage: 'first_contact', rules, calendar, urgent: true });
    expect(d.due).toBe('2026-03-03T10:00:00+08:00');
    expect(d.overdueBy('2026-03-03T15:00:00+08:00')).toBe(0);
    expect(d.overdueBy('2026-03-04T00:00:00+08:00')).toBe(1);
  });
});

describe('Deadline: fixed when its step starts', () => {
  it('keeps the stored due date under a later calendar; changes extend it from there', () => {
    const stored = Deadline.start({ start: '2026-08-02T09:00:00+08:00', stage: 'handling_standard', rules, calendar }).toJSON();
    const later = loadCalendar({ overrides: { days: [{ date: '2026-10-08', type: 'holiday', reason: '本市临时调整' }] } });
    const d = Deadline.fromJSON(stored, later);
    expect(d.due).toBe('2026-10-09T00:00:00+08:00');
    expect(d.complete('2026-10-08T12:00:00+08:00').due).toBe('2026-10-09T00:00:00+08:00');
    // Oct 8 + 5 = Oct 13; re-deriving the base on the new calendar would have given Oct 14
    expect(d.extend({ days: 5, at: '2026-09-01T10:00:00+08:00', ...who }).due).toBe('2026-10-14T00:00:00+08:00');
    expect(d.extend({ days: 5, at: '2026-09-01T10:00:00+08:00', ...who }).calendarRevision).toBe(calendar.revision);
  });
});

describe('Deadline: serialisation', () => {
  it('round-trips through plain JSON with everything a service needs to store', () => {
    const d = handling()
      .extend({ days: 15, at: '2026-10-01T10:00:00+08:00', ...who })
      .complete('2026-10-20T10:00:00+08:00');
    const record = JSON.parse(JSON.stringify(d)) as DeadlineRecord;
    expect(record).toMatchObject({
      format: 'petition.deadline/1',
      stage: 'handling_standard',
      ruleSetVersion: 'default@2022.1',
      kind: 'calendar_days',
      limit: 60,
      start: '2026-08-10T09:00:00+08:00',
      due: '2026-10-27T00:00:00+08:00', // Oct 9 + 15 = Sat Oct 24 → Mon Oct 26, 24:00
      lastDay: '2026-10-26',
      provisional: false,
      completedAt: '2026-10-20T10:00:00+08:00',
      extensionPolicy: { maxDays: 30, unitKind: 'calendar_days' },
    });
    const again = Deadline.fromJSON(JSON.stringify(record), calendar);
    expect(again.toJSON()).toEqual(record);
    expect(again.statusAt('2026-11-01T00:00:00+08:00')).toEqual(d.statusAt('2026-11-01T00:00:00+08:00'));
  });

  it('refuses a malformed record, listing the problems', () => {
    const good = handling().toJSON();
    const bad = { ...good, stage: 'nope', start: '2026-08-10T09:00:00', pauses: 'none' };
    expect(() => Deadline.fromJSON(bad as unknown as DeadlineRecord, calendar)).toThrow(
      expect.objectContaining({
        code: DeadlinesErrorCode.InvalidRecord,
        details: [
          'stage must be a known stage id (got "nope")',
          'pauses must be an array of { from, to, by, reason } (got "none")',
          expect.stringMatching(/^start must be an ISO-8601 instant with an offset/),
        ],
      }),
    );
    expect(() => Deadline.fromJSON('{', calendar)).toThrow(/not valid JSON/);
  });
});
