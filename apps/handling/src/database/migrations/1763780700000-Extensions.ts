import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Extension requests, and the handling deadline kept as a full libs/deadlines record so an
 * approved extension is applied by the library's own rules (once, before the deadline, ≤ 30 days).
 */
export class Extensions1763780700000 implements MigrationInterface {
  name = 'Extensions1763780700000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE work_items ADD COLUMN handling_deadline jsonb`);
    await q.query(`
      CREATE TABLE extension_requests (
        id uuid PRIMARY KEY,
        work_item_id uuid NOT NULL REFERENCES work_items(id),
        unit_id uuid NOT NULL,
        days int NOT NULL,
        reason text NOT NULL,
        status text NOT NULL,
        requested_by text NOT NULL,
        requested_at timestamptz NOT NULL,
        decided_by text,
        decided_at timestamptz,
        decision_note text,
        due_before timestamptz NOT NULL,
        due_after timestamptz
      )`);
    await q.query(`CREATE INDEX extension_requests_unit_idx ON extension_requests (unit_id, status, requested_at)`);
    // At most one request waiting per work item.
    await q.query(`CREATE UNIQUE INDEX extension_requests_one_pending_uq ON extension_requests (work_item_id) WHERE status = 'pending'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE extension_requests`);
    await q.query(`ALTER TABLE work_items DROP COLUMN handling_deadline`);
  }
}
