import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Acceptance: who accepted when, and the handling and first-contact deadlines fixed then. */
export class WorkItemAcceptance1763780400000 implements MigrationInterface {
  name = 'WorkItemAcceptance1763780400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE work_items
        ADD COLUMN accepted_at timestamptz,
        ADD COLUMN accepted_by text,
        ADD COLUMN handling_stage text,
        ADD COLUMN handling_due timestamptz,
        ADD COLUMN handling_rule_set text,
        ADD COLUMN handling_provisional boolean,
        ADD COLUMN first_contact_due timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE work_items
        DROP COLUMN accepted_at, DROP COLUMN accepted_by, DROP COLUMN handling_stage, DROP COLUMN handling_due,
        DROP COLUMN handling_rule_set, DROP COLUMN handling_provisional, DROP COLUMN first_contact_due`);
  }
}
