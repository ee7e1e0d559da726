import { WorkItemStatus } from '@petition/contracts';
import { inboxRow, inboxStatement } from './inbox-query';

const unit = '00000000-0000-4000-8000-000000000001';
const now = new Date('2026-11-23T02:00:00Z');

describe('inboxStatement', () => {
  it('scopes by unit, orders by the current deadline and binds every value', () => {
    const { sql, params } = inboxStatement(unit, { now }, 51, null);
    expect(sql).toMatch(/WHERE unit_id = \$1 ORDER BY current_due, id LIMIT \$2$/);
    expect(sql).not.toContain('handling_deadline');
    expect(params).toEqual([unit, 51]);
  });

  it('spells the deadline states over open items so the partial index applies, and pages after a cursor', () => {
    const { sql, params } = inboxStatement(unit, { now, state: 'on_track', status: WorkItemStatus.Accepted }, 10, {
      due: '2026-12-01T00:00:00.000Z',
      id: unit,
    });
    expect(sql).toContain(`status IN ('assigned', 'accepted')`);
    expect(sql).toContain('(current_due, id) > ($2::timestamptz, $3::uuid)');
    expect(sql).toContain('current_warning_at > $5 AND current_due > $5');
    expect(params).toEqual([unit, '2026-12-01T00:00:00.000Z', unit, 'accepted', now, 10]);
    expect(inboxStatement(unit, { now, state: 'overdue' }, 10, null).sql).toContain('current_due <= $2');
    expect(inboxStatement(unit, { now, state: 'warning' }, 10, null).sql).toContain('current_warning_at <= $2 AND current_due > $2');
  });

  it('maps a row to the entity the views read', () => {
    const item = inboxRow({ id: 'a', unit_id: unit, current_due: now, reply_count: 2, rework_deadline: null });
    expect(item).toMatchObject({ id: 'a', unitId: unit, currentDue: now, replyCount: 2, reworkDeadline: null, handlingDeadline: null });
  });
});
