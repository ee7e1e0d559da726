import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One row per petitioner identity (keyed hash of an ID number or phone) with a version bumped by
 * every registration of that identity. A registration reads the versions with its repeat
 * candidates and writes its petition only if no version moved in between (optimistic
 * concurrency), so two identical registrations at the same instant cannot both become a new
 * matter — without holding a lock or a transaction open across round trips.
 */
export class PetitionerHeads1763800000000 implements MigrationInterface {
  name = 'PetitionerHeads1763800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE petitioner_heads (hash text PRIMARY KEY, version bigint NOT NULL)`);
    // Petitions registered before this table existed count as version 1 of their identities.
    await q.query(`
      INSERT INTO petitioner_heads (hash, version)
      SELECT h, 1 FROM (SELECT petitioner_id_hash AS h FROM petitions WHERE petitioner_id_hash IS NOT NULL
                        UNION SELECT petitioner_phone_hash FROM petitions WHERE petitioner_phone_hash IS NOT NULL) s
      ON CONFLICT DO NOTHING`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE petitioner_heads`);
  }
}
