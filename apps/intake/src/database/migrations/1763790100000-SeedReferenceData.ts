import type { MigrationInterface, QueryRunner } from 'typeorm';
import { CATEGORY_SEED, REGION_SEED } from '../../reference/reference-seed';

/**
 * Seeds the administrative divisions and the category taxonomy intake validates registrations
 * against. Intake keeps its own copy (see reference/reference-seed.ts for why); later changes
 * come as new migrations.
 */
export class SeedReferenceData1763790100000 implements MigrationInterface {
  name = 'SeedReferenceData1763790100000';

  async up(q: QueryRunner): Promise<void> {
    for (const r of REGION_SEED) await q.query(`INSERT INTO regions (code, name, parent_code) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [r.code, r.name, r.parent]);
    for (const c of CATEGORY_SEED) await q.query(`INSERT INTO categories (code, name, parent_code) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [c.code, c.name, c.parent]);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM categories`);
    await q.query(`DELETE FROM regions`);
  }
}
