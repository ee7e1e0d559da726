import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the window needs (docs/window.md):
 * - `petitioner_name_hash`: a keyed hash of the name, so a clerk can find a petitioner by name and
 *   region without the name ever being stored in clear. Rows registered before it are filled in
 *   at boot by intake (the hash key is not the database's to know).
 * - `answer_text`: the answer given on the spot (当场答复), shown to the petitioner.
 * - the written notice of a triage decision that does not accept the matter (告知/转送/不再受理/
 *   重复): due 15 days from receipt (条例 Art. 22), and when and how it was given.
 * - `petitioner_lookups`: every lookup of a petitioner, who made it, why, and what it answered.
 */
export class TheWindow1763800500000 implements MigrationInterface {
  name = 'TheWindow1763800500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE petitions
      ADD COLUMN petitioner_name_hash text,
      ADD COLUMN answer_text text,
      ADD COLUMN notice_due timestamptz,
      ADD COLUMN notice_given_at timestamptz,
      ADD COLUMN notice_given_by text,
      ADD COLUMN notice_method text`);
    await q.query(`CREATE INDEX petitions_name_hash_idx ON petitions (petitioner_name_hash, region_code) WHERE petitioner_name_hash IS NOT NULL`);
    await q.query(`CREATE INDEX petitions_notice_pending_idx ON petitions (notice_due) WHERE notice_due IS NOT NULL AND notice_given_at IS NULL`);
    await q.query(`CREATE TABLE petitioner_lookups (
      id uuid PRIMARY KEY,
      actor text NOT NULL,
      actor_roles text[] NOT NULL,
      reason text NOT NULL,
      matched_by text NOT NULL,
      petition_ids uuid[] NOT NULL,
      at timestamptz NOT NULL
    )`);
    await q.query(`CREATE INDEX petitioner_lookups_at_idx ON petitioner_lookups (at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE petitioner_lookups`);
    await q.query(`DROP INDEX petitions_notice_pending_idx`);
    await q.query(`DROP INDEX petitions_name_hash_idx`);
    await q.query(`ALTER TABLE petitions DROP COLUMN petitioner_name_hash, DROP COLUMN answer_text, DROP COLUMN notice_due,
      DROP COLUMN notice_given_at, DROP COLUMN notice_given_by, DROP COLUMN notice_method`);
  }
}
