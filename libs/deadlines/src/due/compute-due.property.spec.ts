import fc from 'fast-check';
import { loadCalendar } from '../calendar/calendar.loader';
import type { RuleSet } from '../rules/rule-set.model';
import { defaultRuleSet, loadRuleSet } from '../rules/rule-set.loader';
import { STAGE_IDS } from '../rules/stage-id';
import { daysFromCivil, formatDay, parseDay, shanghaiDayOf } from '../time/civil-date.util';
import { toEpochMs } from '../time/instant.util';
import { computeDue } from './compute-due';

const calendar = loadCalendar();
const rules = defaultRuleSet();

/** Rule sets whose `handling_fast` / `handling_suggestion` run for n working / calendar days. */
const byLimit = new Map<string, RuleSet>();
function stageOf(kind: 'working_days' | 'calendar_days', n: number): RuleSet {
  const key = `${kind}:${n}`;
  let set = byLimit.get(key);
  if (set === undefined) {
    const stage = kind === 'working_days' ? 'handling_fast' : 'handling_suggestion';
    set = loadRuleSet({ id: 'prop', version: key.replace(':', '-'), extends: 'default@2022.1', stages: { [stage]: { kind, limit: n } } });
    byLimit.set(key, set);
  }
  return set;
}
const working = (start: number | string, n: number) =>
  computeDue({ start, stage: 'handling_fast', rules: stageOf('working_days', n), calendar });
const calendarDays = (start: number | string, n: number) =>
  computeDue({ start, stage: 'handling_suggestion', rules: stageOf('calendar_days', n), calendar });

/** Any instant 2004-2098, to the millisecond. */
const instant = fc.integer({ min: Date.UTC(2004, 0, 1), max: Date.UTC(2098, 5, 1) });
const dayAfter = (date: string): string => formatDay(parseDay(date) + 1);

describe('computeDue properties', () => {
  it('due is after the start, for every stage and kind', () => {
    fc.assert(
      fc.property(instant, fc.constantFrom(...STAGE_IDS), fc.boolean(), (start, stage, urgent) => {
        const r = computeDue({ start, stage, rules, calendar, urgent: urgent && stage === 'first_contact' });
        expect(toEpochMs(r.due)).toBeGreaterThan(start);
        expect(toEpochMs(r.warningAt)).toBeGreaterThanOrEqual(start);
        expect(toEpochMs(r.warningAt)).toBeLessThanOrEqual(toEpochMs(r.due));
      }),
      { numRuns: 3000 },
    );
  });

  it('n working days then m working days = n + m working days', () => {
    fc.assert(
      fc.property(
        instant,
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 0, max: 86_399_999 }),
        (start, n, m, timeOfDay) => {
          const first = working(start, n);
          // The second period starts at any moment of the first one's last day.
          const secondStart = toEpochMs(`${first.lastDay}T00:00:00+08:00`) + timeOfDay;
          expect(working(secondStart, m).due).toBe(working(start, n + m).due);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('n working days end on the n-th working day after the start day, at 24:00', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 60 }), (start, n) => {
        const r = working(start, n);
        let count = 0;
        for (let d = shanghaiDayOf(start) + 1; d <= parseDay(r.lastDay); d++) if (calendar.isWorkday(formatDay(d))) count++;
        expect(count).toBe(n);
        expect(calendar.isWorkday(r.lastDay)).toBe(true);
        expect(r.due).toBe(`${dayAfter(r.lastDay)}T00:00:00+08:00`);
      }),
      { numRuns: 1000 },
    );
  });

  it('n calendar days end on start day + n, rolled to the first working day (Civil Code Art. 203)', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 90 }), (start, n) => {
        const r = calendarDays(start, n);
        const nominal = shanghaiDayOf(start) + n;
        expect(calendar.isWorkday(r.lastDay)).toBe(true);
        for (let d = nominal; d < parseDay(r.lastDay); d++) expect(calendar.isWorkday(formatDay(d))).toBe(false);
        expect(parseDay(r.lastDay)).toBeGreaterThanOrEqual(nominal);
      }),
      { numRuns: 1000 },
    );
  });

  it('a later start never gives an earlier due date', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 30 * 86_400_000 }), fc.constantFrom(...STAGE_IDS), (start, delta, stage) => {
        const a = computeDue({ start, stage, rules, calendar });
        const b = computeDue({ start: start + delta, stage, rules, calendar });
        expect(toEpochMs(b.due)).toBeGreaterThanOrEqual(toEpochMs(a.due));
      }),
      { numRuns: 1000 },
    );
  });

  it('hours are exact elapsed time', () => {
    fc.assert(
      fc.property(instant, (start) => {
        const r = computeDue({ start, stage: 'first_contact', rules, calendar, urgent: true });
        expect(toEpochMs(r.due) - start).toBe(24 * 3_600_000);
        expect(r.provisional).toBe(false);
      }),
    );
  });

  it('is provisional exactly when a day it depends on is provisional', () => {
    const lastOfficial = daysFromCivil(2026, 12, 24);
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2026, 6, 1), max: Date.UTC(2027, 2, 1) }), fc.integer({ min: 1, max: 60 }), (start, n) => {
        const w = working(start, n);
        expect(w.provisional).toBe(parseDay(w.lastDay) > lastOfficial);
        const c = calendarDays(start, n);
        expect(c.provisional).toBe(shanghaiDayOf(start) + n > lastOfficial);
      }),
      { numRuns: 1000 },
    );
  });
});
