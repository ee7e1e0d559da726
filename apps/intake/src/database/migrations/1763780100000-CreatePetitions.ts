import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Petitions and the per-day counters behind tracking numbers. */
export class CreatePetitions1763780100000 implements MigrationInterface {
  name = 'CreatePetitions1763780100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE petitions (
        id uuid PRIMARY KEY,
        tracking_no text NOT NULL,
        channel text NOT NULL,
        nature text NOT NULL,
        status text NOT NULL,
        title text NOT NULL,
        content text NOT NULL,
        category_code text NOT NULL,
        region_code text NOT NULL,
        petitioner_ref text NOT NULL,
        petitioner_name_enc text NOT NULL,
        petitioner_name_masked text NOT NULL,
        headcount int NOT NULL DEFAULT 1,
        emergency boolean NOT NULL DEFAULT false,
        registered_by text NOT NULL,
        registered_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE UNIQUE INDEX petitions_tracking_no_uq ON petitions (tracking_no)`);
    await q.query(`CREATE INDEX petitions_registered_at_idx ON petitions (registered_at, id)`);
    await q.query(`
      CREATE TABLE tracking_counters (
        region_code text NOT NULL,
        day date NOT NULL,
        last_seq int NOT NULL,
        PRIMARY KEY (region_code, day)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE tracking_counters`);
    await q.query(`DROP TABLE petitions`);
  }
}
