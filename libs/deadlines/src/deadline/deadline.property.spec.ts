import fc from 'fast-check';
import { loadCalendar } from '../calendar/calendar.loader';
import { loadRuleSet } from '../rules/rule-set.loader';
import { formatDay, parseDay } from '../time/civil-date.util';
import { shanghaiDateOf, toEpochMs } from '../time/instant.util';
import { Deadline } from './deadline.model';

const calendar = loadCalendar();
// Every kind pausable, so the pause rule is exercised for calendar days, working days and hours.
const rules = loadRuleSet({
  id: 'pausable',
  version: '1',
  extends: 'default@2022.1',
  stages: { reexam_decision: { pausable: true }, handling_fast: { pausable: true }, first_contact: { pausable: true } },
});
const STAGES = [
  { stage: 'reexam_decision', urgent: false, kind: 'calendar_days' },
  { stage: 'handling_fast', urgent: false, kind: 'working_days' },
  { stage: 'first_contact', urgent: true, kind: 'hours' },
] as const;

const DAY = 86_400_000;
const start = fc.integer({ min: Date.UTC(2004, 0, 1), max: Date.UTC(2098, 0, 1) });
const stage = fc.constantFrom(...STAGES);

/** The pause's counted length, computed independently of the library's arithmetic. */
function counted(kind: string, from: number, to: number): number {
  if (kind === 'hours') return to - from;
  const days: string[] = [];
  for (let d = parseDay(shanghaiDateOf(from)); d <= parseDay(shanghaiDateOf(to - 1)); d++) days.push(formatDay(d));
  return kind === 'calendar_days' ? days.length : days.filter((d) => calendar.isWorkday(d)).length;
}

/** How far the due date moved, in the units of `kind`. */
function moved(kind: string, before: Deadline, after: Deadline): number {
  if (kind === 'hours') return after.dueMs - before.dueMs;
  const a = parseDay(before.toJSON().lastDay);
  const b = parseDay(after.toJSON().lastDay);
  if (kind === 'calendar_days') return b - a;
  let n = 0;
  for (let d = a + 1; d <= b; d++) if (calendar.isWorkday(formatDay(d))) n++;
  return n;
}

describe('Deadline properties', () => {
  it('a pause moves the due date by at least its counted length', () => {
    fc.assert(
      fc.property(
        stage,
        start,
        fc.double({ min: 0, max: 0.999, noNaN: true }),
        fc.integer({ min: 1, max: 12 * DAY }),
        (s, startMs, where, length) => {
          const before = Deadline.start({ start: startMs, stage: s.stage, urgent: s.urgent, rules, calendar });
          const from = startMs + Math.floor(where * (before.dueMs - startMs));
          const after = before.pause({ from, to: from + length, by: 'p', reason: '听证' });
          const k = counted(s.kind, from, from + length);
          expect(moved(s.kind, before, after)).toBeGreaterThanOrEqual(k);
          expect(after.dueMs - before.dueMs).toBeGreaterThanOrEqual(s.kind === 'hours' ? k : s.kind === 'calendar_days' ? k * DAY : 0);
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('a second pause moves the due date by at least its own counted length too', () => {
    fc.assert(
      fc.property(
        stage,
        start,
        fc.integer({ min: 1, max: 5 * DAY }),
        fc.integer({ min: 0, max: 3 * DAY }),
        fc.integer({ min: 1, max: 5 * DAY }),
        (s, startMs, first, gap, second) => {
          const base = Deadline.start({ start: startMs, stage: s.stage, urgent: s.urgent, rules, calendar });
          const from1 = startMs + Math.floor((base.dueMs - startMs) / 3);
          const one = base.pause({ from: from1, to: from1 + first, by: 'p', reason: '听证' });
          const from2 = from1 + first + gap;
          fc.pre(from2 < one.dueMs);
          const two = one.pause({ from: from2, to: from2 + second, by: 'p', reason: '听证' });
          expect(moved(s.kind, one, two)).toBeGreaterThanOrEqual(counted(s.kind, from2, from2 + second));
        },
      ),
      { numRuns: 800 },
    );
  });

  it('an open pause never lets the deadline go overdue while it lasts', () => {
    fc.assert(
      fc.property(
        stage,
        start,
        fc.double({ min: 0, max: 0.999, noNaN: true }),
        fc.integer({ min: 0, max: 200 * DAY }),
        (s, startMs, where, later) => {
          const d = Deadline.start({ start: startMs, stage: s.stage, urgent: s.urgent, rules, calendar });
          const from = startMs + Math.floor(where * (d.dueMs - startMs));
          const status = d.pause({ from, by: 'p', reason: '听证' }).statusAt(Math.min(from + later, Date.UTC(2099, 0, 1)));
          expect(status.state === 'overdue').toBe(false);
          expect(status.paused).toBe(true);
        },
      ),
      { numRuns: 800 },
    );
  });

  it('serialises to JSON and back without change', () => {
    fc.assert(
      fc.property(stage, start, fc.integer({ min: 1, max: 3 * DAY }), fc.boolean(), (s, startMs, length, complete) => {
        let d = Deadline.start({ start: startMs, stage: s.stage, urgent: s.urgent, rules, calendar });
        const from = startMs + Math.floor((d.dueMs - startMs) / 2);
        d = d.pause({ from, to: from + length, by: 'p', reason: '听证' });
        if (complete) d = d.complete(d.dueMs + 1000);
        const record = JSON.parse(JSON.stringify(d.toJSON()));
        const again = Deadline.fromJSON(record, calendar);
        expect(again.toJSON()).toEqual(d.toJSON());
        expect(toEpochMs(record.due)).toBe(d.dueMs);
      }),
      { numRuns: 500 },
    );
  });
});
