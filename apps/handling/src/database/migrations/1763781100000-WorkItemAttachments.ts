import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Files uploaded to a lead's work item for its replies, kept by the service's attachment storage. */
export class WorkItemAttachments1763781100000 implements MigrationInterface {
  name = 'WorkItemAttachments1763781100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE work_item_attachments (
        id uuid PRIMARY KEY,
        work_item_id uuid NOT NULL REFERENCES work_items(id),
        file_name text NOT NULL,
        content_type text NOT NULL,
        size_bytes bigint NOT NULL,
        sha256 text NOT NULL,
        storage_key text NOT NULL,
        uploaded_by text NOT NULL,
        uploaded_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX work_item_attachments_item_idx ON work_item_attachments (work_item_id, uploaded_at)`);
    await q.query(`ALTER TABLE reply_attachments ADD COLUMN upload_id uuid REFERENCES work_item_attachments(id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE reply_attachments DROP COLUMN upload_id`);
    await q.query(`DROP TABLE work_item_attachments`);
  }
}
