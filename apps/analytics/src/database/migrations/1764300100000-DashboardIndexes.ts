import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Covering indexes for the dashboard questions the aggregates cannot answer (backlog, repeats,
 * stage times, closed per period): with every column they read included, PostgreSQL answers them
 * from the index alone instead of visiting millions of scattered table rows.
 */
export class DashboardIndexes1764300100000 implements MigrationInterface {
  name = 'DashboardIndexes1764300100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX petition_facts_open_idx`);
    await q.query(`CREATE INDEX petition_facts_open_idx ON petition_facts (reg_at) INCLUDE (lead_unit_id, region_code) WHERE is_open`);
    await q.query(`DROP INDEX petition_facts_ref_day_idx`);
    await q.query(`DROP INDEX petition_facts_day_idx`);
    await q.query(`
      CREATE INDEX petition_facts_day_idx ON petition_facts (reg_day) INCLUDE (
        region_code, category_code, petitioner_ref, repeat_of, has_registration,
        registered_at, triaged_at, assigned_at, accepted_at, replied_at, approved_at, delivered_at, closed_at)`);
    await q.query(`CREATE INDEX petition_facts_closed_idx ON petition_facts (closed_at) WHERE closed_at IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX petition_facts_closed_idx`);
    await q.query(`DROP INDEX petition_facts_day_idx`);
    await q.query(`CREATE INDEX petition_facts_day_idx ON petition_facts (reg_day)`);
    await q.query(`CREATE INDEX petition_facts_ref_day_idx ON petition_facts (reg_day, petitioner_ref) WHERE petitioner_ref IS NOT NULL`);
    await q.query(`DROP INDEX petition_facts_open_idx`);
    await q.query(`CREATE INDEX petition_facts_open_idx ON petition_facts (reg_at) WHERE is_open`);
  }
}
