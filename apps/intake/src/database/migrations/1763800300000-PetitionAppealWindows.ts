import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What intake learns from supervision to answer the petitioner: when the reply was delivered, and
 * until when a review (复查, `review_request`) or re-examination (复核, `reexam_request`) may be
 * requested — the due instants of the deadlines supervision fixed.
 */
export class PetitionAppealWindows1763800300000 implements MigrationInterface {
  name = 'PetitionAppealWindows1763800300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE petitions
        ADD COLUMN reply_delivered_at timestamptz,
        ADD COLUMN review_request_due timestamptz,
        ADD COLUMN reexam_request_due timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE petitions DROP COLUMN reply_delivered_at, DROP COLUMN review_request_due, DROP COLUMN reexam_request_due`);
  }
}
