import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Replies (decision letters) with their attachment references, the rework a returned review
 * starts, the closing of an approved matter, and co-handlers' contributions.
 */
export class RepliesReworkContributions1763780900000 implements MigrationInterface {
  name = 'RepliesReworkContributions1763780900000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE work_item_replies (
        id uuid PRIMARY KEY,
        work_item_id uuid NOT NULL REFERENCES work_items(id),
        round int NOT NULL,
        outcome text NOT NULL,
        facts text NOT NULL,
        decision text NOT NULL,
        legal_basis text NOT NULL,
        text text NOT NULL,
        handling_deadline jsonb NOT NULL,
        replied_on_time boolean NOT NULL,
        replied_by text NOT NULL,
        replied_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE UNIQUE INDEX work_item_replies_round_uq ON work_item_replies (work_item_id, round)`);
    await q.query(`
      CREATE TABLE reply_attachments (
        id uuid PRIMARY KEY,
        reply_id uuid NOT NULL REFERENCES work_item_replies(id),
        position int NOT NULL,
        file_name text NOT NULL,
        content_type text NOT NULL,
        size_bytes bigint NOT NULL,
        sha256 text NOT NULL,
        storage_key text
      )`);
    await q.query(`CREATE INDEX reply_attachments_reply_idx ON reply_attachments (reply_id, position)`);
    await q.query(`
      ALTER TABLE work_items
        ADD COLUMN reply_count int NOT NULL DEFAULT 0,
        ADD COLUMN last_reply_id uuid,
        ADD COLUMN replied_at timestamptz,
        ADD COLUMN rework_review_id uuid,
        ADD COLUMN rework_reason text,
        ADD COLUMN rework_deadline jsonb,
        ADD COLUMN closed_at timestamptz`);
    await q.query(`
      CREATE TABLE work_item_contributions (
        id uuid PRIMARY KEY,
        work_item_id uuid NOT NULL REFERENCES work_items(id),
        assignment_id uuid NOT NULL,
        unit_id uuid NOT NULL,
        summary text NOT NULL,
        added_by text NOT NULL,
        added_at timestamptz NOT NULL
      )`);
    // The lead reads every co-handler's part of its assignment; a co-handler reads its own.
    await q.query(`CREATE INDEX work_item_contributions_assignment_idx ON work_item_contributions (assignment_id, added_at)`);
    await q.query(`CREATE INDEX work_item_contributions_item_idx ON work_item_contributions (work_item_id, added_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE work_item_contributions`);
    await q.query(`
      ALTER TABLE work_items DROP COLUMN reply_count, DROP COLUMN last_reply_id, DROP COLUMN replied_at, DROP COLUMN rework_review_id,
        DROP COLUMN rework_reason, DROP COLUMN rework_deadline, DROP COLUMN closed_at`);
    await q.query(`DROP TABLE reply_attachments`);
    await q.query(`DROP TABLE work_item_replies`);
  }
}
