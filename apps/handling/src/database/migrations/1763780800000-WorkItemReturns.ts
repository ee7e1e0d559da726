import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A lead unit's request to return a misrouted assignment, and the bureau's answer. */
export class WorkItemReturns1763780800000 implements MigrationInterface {
  name = 'WorkItemReturns1763780800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE work_items ADD COLUMN return_requested_at timestamptz, ADD COLUMN return_reason text, ADD COLUMN return_decision_note text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE work_items DROP COLUMN return_requested_at, DROP COLUMN return_reason, DROP COLUMN return_decision_note`);
  }
}
