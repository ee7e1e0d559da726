import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Work items: each unit's inbox. */
export class CreateWorkItems1763780300000 implements MigrationInterface {
  name = 'CreateWorkItems1763780300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE work_items (
        id uuid PRIMARY KEY,
        petition_id uuid NOT NULL,
        assignment_id uuid NOT NULL,
        unit_id uuid NOT NULL,
        role text NOT NULL,
        status text NOT NULL,
        tracking_no text NOT NULL,
        title text NOT NULL,
        nature text NOT NULL,
        track text NOT NULL,
        category_code text NOT NULL,
        region_code text NOT NULL,
        petitioner_name_masked text NOT NULL,
        instructions text,
        accept_due timestamptz NOT NULL,
        accept_rule_set text NOT NULL,
        assigned_at timestamptz NOT NULL,
        opened_at timestamptz NOT NULL
      )`);
    // The unit's inbox, sorted by due date, is the hot query.
    await q.query(`CREATE INDEX work_items_unit_inbox_idx ON work_items (unit_id, status, accept_due, id)`);
    await q.query(`CREATE UNIQUE INDEX work_items_assignment_unit_uq ON work_items (assignment_id, unit_id)`);
    await q.query(`CREATE INDEX work_items_petition_idx ON work_items (petition_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE work_items`);
  }
}
