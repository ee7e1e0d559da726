import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the 交办单 (assignment sheet) needs:
 * - `units`: the directory's unit names (from `directory.v1`), to name the lead and the co-handlers;
 * - `issued_documents`: each document as issued for a work item — its bytes, so a second download is the same file;
 * - `document_downloads`: who downloaded which document, when and why.
 */
export class UnitsIssuedDocuments1763781200000 implements MigrationInterface {
  name = 'UnitsIssuedDocuments1763781200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE units (
        unit_id uuid PRIMARY KEY,
        code text NOT NULL,
        name text NOT NULL,
        active boolean NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await q.query(`
      CREATE TABLE issued_documents (
        id uuid PRIMARY KEY,
        work_item_id uuid NOT NULL REFERENCES work_items(id),
        kind text NOT NULL,
        template_id text NOT NULL,
        template_version int NOT NULL,
        file_name text NOT NULL,
        sha256 text NOT NULL,
        bytes bytea NOT NULL,
        issued_at timestamptz NOT NULL,
        issued_by text NOT NULL
      )`);
    await q.query(`CREATE UNIQUE INDEX issued_documents_item_kind_uq ON issued_documents (work_item_id, kind)`);
    await q.query(`
      CREATE TABLE document_downloads (
        id uuid PRIMARY KEY,
        document_id uuid NOT NULL REFERENCES issued_documents(id),
        work_item_id uuid NOT NULL,
        actor text NOT NULL,
        actor_roles text[] NOT NULL,
        actor_unit_id uuid,
        reason text NOT NULL,
        at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX document_downloads_item_idx ON document_downloads (work_item_id, at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE document_downloads`);
    await q.query(`DROP TABLE issued_documents`);
    await q.query(`DROP TABLE units`);
  }
}
