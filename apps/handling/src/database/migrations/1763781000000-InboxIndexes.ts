import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for the inbox's filtered pages (bench/inbox.bench.ts, 50,000 items in one unit): by
 * status in deadline order, and the open items (assigned, accepted) in deadline order for the
 * warning / overdue / on-track filters, which otherwise walk past every closed item.
 */
export class InboxIndexes1763781000000 implements MigrationInterface {
  name = 'InboxIndexes1763781000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX work_items_unit_status_due_idx ON work_items (unit_id, status, current_due, id)`);
    await q.query(`CREATE INDEX work_items_unit_open_due_idx ON work_items (unit_id, current_due, id) WHERE status IN ('assigned', 'accepted')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX work_items_unit_open_due_idx`);
    await q.query(`DROP INDEX work_items_unit_status_due_idx`);
  }
}
