import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The co-handling units of the current assignment (`petition.assigned.coHandlerUnitIds`), beside
 * its lead: both may read the whole petition through handling's audited case-file read.
 */
export class PetitionCoHandlers1763800400000 implements MigrationInterface {
  name = 'PetitionCoHandlers1763800400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE petitions ADD COLUMN co_handler_unit_ids uuid[] NOT NULL DEFAULT '{}'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE petitions DROP COLUMN co_handler_unit_ids`);
  }
}
