import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `work_items.emergency`: the petition signals an emergency (紧急信息), as `petition.assigned` now
 * carries it, so the inbox can show and filter it. Items opened before read false: the events that
 * opened them did not carry the flag (the work item page still shows it from the case file).
 */
export class WorkItemEmergency1765400000000 implements MigrationInterface {
  name = 'WorkItemEmergency1765400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE work_items ADD COLUMN emergency boolean NOT NULL DEFAULT false`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE work_items DROP COLUMN emergency`);
  }
}
