import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The deadline a work item is currently held to (acceptance while assigned, handling once
 * accepted) and when it turns to warning, so the inbox sorts and filters by them on an index.
 */
export class WorkItemCurrentDeadline1763780500000 implements MigrationInterface {
  name = 'WorkItemCurrentDeadline1763780500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE work_items ADD COLUMN current_due timestamptz, ADD COLUMN current_warning_at timestamptz`);
    await q.query(`UPDATE work_items SET current_due = COALESCE(handling_due, accept_due), current_warning_at = COALESCE(handling_due, accept_due)`);
    await q.query(`ALTER TABLE work_items ALTER COLUMN current_due SET NOT NULL, ALTER COLUMN current_warning_at SET NOT NULL`);
    await q.query(`CREATE INDEX work_items_unit_due_idx ON work_items (unit_id, current_due, id)`);
    await q.query(`DROP INDEX work_items_unit_inbox_idx`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX work_items_unit_inbox_idx ON work_items (unit_id, status, accept_due, id)`);
    await q.query(`DROP INDEX work_items_unit_due_idx`);
    await q.query(`ALTER TABLE work_items DROP COLUMN current_due, DROP COLUMN current_warning_at`);
  }
}
