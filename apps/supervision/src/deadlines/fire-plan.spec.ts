import { Deadline, defaultRuleSet, loadCalendar } from '@petition/deadlines';
import { nextFireAt, planFiring, type FiredSoFar } from './fire-plan';

const calendar = loadCalendar();
const rules = defaultRuleSet();
/** Acceptance deadline of an assignment delivered Monday 23 Nov 2026 09:00: 3 working days, due Fri 27 Nov 00:00. */
const accept = Deadline.start({ start: '2026-11-23T09:00:00+08:00', stage: 'unit_accept', rules, calendar });
const fresh: FiredSoFar = { warningFired: false, overdueFired: false, step: 'none', ladder: true };
const at = (iso: string) => new Date(iso);

describe('nextFireAt', () => {
  it('looks first at the warning (2 working days left), then the due instant', () => {
    expect(nextFireAt(accept, fresh)).toEqual(at('2026-11-25T00:00:00+08:00'));
    expect(nextFireAt(accept, { ...fresh, warningFired: true })).toEqual(at('2026-11-27T00:00:00+08:00'));
  });

  it('walks the ladder after overdue: urge on the first working day, order at 5, flagged at 20 working days overdue', () => {
    const overdue = { ...fresh, warningFired: true, overdueFired: true };
    // The due instant is 00:00 of Friday, a working day: the urge is reached at once.
    expect(nextFireAt(accept, overdue)).toEqual(at('2026-11-27T00:00:00+08:00'));
    expect(nextFireAt(accept, { ...overdue, step: 'urge' })).toEqual(at('2026-12-03T00:00:00+08:00'));
    expect(nextFireAt(accept, { ...overdue, step: 'supervision_order' })).toEqual(at('2026-12-24T00:00:00+08:00'));
    expect(nextFireAt(accept, { ...overdue, step: 'flagged_supervision' })).toBeNull();
  });

  it('has nothing after overdue when the ladder does not apply (bureau stages, supervision orders)', () => {
    expect(nextFireAt(accept, { ...fresh, ladder: false, warningFired: true, overdueFired: true })).toBeNull();
  });

  it('has nothing for a completed deadline', () => {
    expect(nextFireAt(accept.complete('2026-11-24T10:00:00+08:00'), fresh)).toBeNull();
  });

  it('moves with an extension', () => {
    const handling = Deadline.start({ start: '2026-11-23T09:00:00+08:00', stage: 'handling_standard', rules, calendar });
    const extended = handling.extend({ days: 30, at: '2026-12-01T10:00:00+08:00', by: 'unit head', reason: '需要现场勘查' });
    expect(nextFireAt(extended, { ...fresh, warningFired: true })).toEqual(new Date(extended.due));
    expect(extended.dueMs).toBeGreaterThan(handling.dueMs);
  });
});

describe('planFiring', () => {
  it('fires nothing before the warning', () => {
    const plan = planFiring(accept, fresh, at('2026-11-24T12:00:00+08:00'));
    expect(plan.fire).toEqual([]);
    expect(plan.nextFireAt).toEqual(at('2026-11-25T00:00:00+08:00'));
  });

  it('fires the warning once, then overdue with the urge, then the order, then the flag', () => {
    const warn = planFiring(accept, fresh, at('2026-11-25T00:00:00+08:00'));
    expect(warn.fire).toEqual(['warning']);
    const due = planFiring(accept, warn.after, at('2026-11-27T00:00:00+08:00'));
    expect(due.fire).toEqual(['overdue', 'urge']);
    expect(due.nextFireAt).toEqual(at('2026-12-03T00:00:00+08:00'));
    expect(planFiring(accept, due.after, at('2026-12-02T23:59:59+08:00')).fire).toEqual([]);
    const order = planFiring(accept, due.after, at('2026-12-03T00:00:00+08:00'));
    expect(order.fire).toEqual(['supervision_order']);
    const flag = planFiring(accept, order.after, at('2026-12-24T08:00:00+08:00'));
    expect(flag.fire).toEqual(['flagged_supervision']);
    expect(flag.nextFireAt).toBeNull();
    expect(planFiring(accept, flag.after, at('2027-03-01T00:00:00+08:00')).fire).toEqual([]);
  });

  it('catches up in order after a long outage, each step once', () => {
    const plan = planFiring(accept, fresh, at('2027-01-15T10:00:00+08:00'));
    expect(plan.fire).toEqual(['warning', 'overdue', 'urge', 'supervision_order', 'flagged_supervision']);
    expect(plan.nextFireAt).toBeNull();
  });

  it('never fires the ladder where it does not apply', () => {
    const plan = planFiring(accept, { ...fresh, ladder: false }, at('2027-01-15T10:00:00+08:00'));
    expect(plan.fire).toEqual(['warning', 'overdue']);
  });

  it('fires nothing for a deadline completed before its warning, whatever the time', () => {
    const done = accept.complete('2026-11-24T10:00:00+08:00');
    expect(planFiring(done, fresh, at('2027-01-15T10:00:00+08:00')).fire).toEqual([]);
  });

  it('never plans a next look at or before now', () => {
    for (let t = Date.parse('2026-11-23T09:00:00+08:00'); t < Date.parse('2027-01-01T00:00:00+08:00'); t += 7 * 3_600_000) {
      const plan = planFiring(accept, fresh, new Date(t));
      if (plan.nextFireAt !== null) expect(plan.nextFireAt.getTime()).toBeGreaterThan(t);
    }
  });
});
