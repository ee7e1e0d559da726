import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `units`: supervision's copy of the directory (`directory.v1`, latest `directory.unit_upserted`
 * per unit wins), so a ranking lists every active unit, including those that received nothing.
 */
export class DirectoryUnits1764300000000 implements MigrationInterface {
  name = 'DirectoryUnits1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE units (
        unit_id uuid PRIMARY KEY,
        code text NOT NULL,
        name text NOT NULL,
        level text NOT NULL,
        kind text NOT NULL,
        active boolean NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE units`);
  }
}
