import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Open deadlines computed on a provisional calendar, found at start-up to recompute them once the official year is loaded. */
export class ProvisionalDeadlinesIndex1764000000001 implements MigrationInterface {
  name = 'ProvisionalDeadlinesIndex1764000000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX tracked_deadlines_provisional_idx ON tracked_deadlines (id) WHERE provisional AND state = 'open'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX tracked_deadlines_provisional_idx`);
  }
}
