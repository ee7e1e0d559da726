import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Attachments of petitions: metadata and SHA-256 here, bytes in the attachment storage. */
export class Attachments1763800100000 implements MigrationInterface {
  name = 'Attachments1763800100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE attachments (
        id uuid PRIMARY KEY,
        petition_id uuid NOT NULL REFERENCES petitions (id),
        file_name text NOT NULL,
        content_type text NOT NULL,
        size_bytes int NOT NULL CHECK (size_bytes > 0),
        sha256 text NOT NULL,
        storage_key text NOT NULL,
        uploaded_by text NOT NULL,
        created_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX attachments_petition_idx ON attachments (petition_id, created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE attachments`);
  }
}
