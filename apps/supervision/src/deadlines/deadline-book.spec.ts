import { Deadline } from '@petition/deadlines';
import { DeadlineBook } from './deadline-book';

const book = new DeadlineBook();
const start = '2026-11-23T09:00:00+08:00';
const fixed = (stage: 'first_contact' | 'handling_standard' | 'reexam_decision', urgent = false) =>
  Deadline.start({ start, stage, rules: book.rules, calendar: book.calendar, urgent });

describe('DeadlineBook', () => {
  it('keeps the due date the event carries, recognising the urgent first-contact period', () => {
    const urgent = fixed('first_contact', true);
    const d = book.fromRef({ stage: 'first_contact', startedAt: start, due: urgent.due, ruleSet: 'default@2022.1', provisional: false });
    expect(d.due).toBe(urgent.due);
    expect(d.toJSON().urgent).toBe(true);
  });

  it('keeps a due date it cannot reproduce, moving the warning with it', () => {
    const d = book.fromRef({
      stage: 'handling_standard',
      startedAt: start,
      due: '2027-02-01T00:00:00+08:00',
      ruleSet: 'city@2026.1',
      provisional: false,
    });
    expect(d.due).toBe('2027-02-01T00:00:00+08:00');
    expect(Date.parse(d.warningAt)).toBeLessThan(d.dueMs);
  });

  it('applies an extension by the library, finding the days from the new due date', () => {
    const expected = fixed('handling_standard').extend({ days: 5, at: '2026-12-01T10:00:00+08:00', by: 'head', reason: '测绘' });
    const d = book.extendTo(fixed('handling_standard'), expected.due, '2026-12-01T10:00:00+08:00', 'head', '测绘');
    expect(d.due).toBe(expected.due);
    expect(d.extensions.map((e) => e.days)).toEqual([5]);
  });

  it('records the shortest extension when several end on the same working day after a holiday', () => {
    const asked = fixed('handling_standard').extend({ days: 15, at: '2026-12-01T10:00:00+08:00', by: 'head', reason: '测绘' });
    const d = book.extendTo(fixed('handling_standard'), asked.due, '2026-12-01T10:00:00+08:00', 'head', '测绘');
    expect(d.due).toBe(asked.due);
    expect(d.extensions[0].days).toBeLessThanOrEqual(15);
  });

  it('records a hearing as a pause of the re-examination deadline', () => {
    const expected = fixed('reexam_decision').pause({
      from: '2026-11-30T09:00:00+08:00',
      to: '2026-12-02T09:00:00+08:00',
      by: 'hearing',
      reason: '听证',
    });
    const d = book.pauseTo(fixed('reexam_decision'), '2026-11-30T09:00:00+08:00', '2026-12-02T09:00:00+08:00', expected.due, '听证');
    expect(d.due).toBe(expected.due);
    expect(d.pauses).toHaveLength(1);
  });
});
