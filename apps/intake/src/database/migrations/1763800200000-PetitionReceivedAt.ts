import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When the matter was received (收到), which starts the 15-day registration-and-routing period
 * (条例 Arts. 22–23). It is the registration instant, except for a hotline work order, which was
 * received when the hotline took the call.
 */
export class PetitionReceivedAt1763800200000 implements MigrationInterface {
  name = 'PetitionReceivedAt1763800200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE petitions ADD COLUMN received_at timestamptz`);
    await q.query(`UPDATE petitions SET received_at = registered_at`);
    await q.query(`ALTER TABLE petitions ALTER COLUMN received_at SET NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE petitions DROP COLUMN received_at`);
  }
}
