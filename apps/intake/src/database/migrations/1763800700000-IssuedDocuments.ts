import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The documents intake issues to the petitioner (docs/documents.md):
 * - `units`: the directory's unit names (from `directory.v1`), to name the issuing unit;
 * - `decision_letters` gains the letter's facts, decision and legal basis, which the 处理意见书 states (条例 Art. 32);
 * - `issued_documents`: each document as issued — its bytes, so a second download is the same file;
 * - `document_downloads`: who downloaded which document, when and why.
 */
export class IssuedDocuments1763800700000 implements MigrationInterface {
  name = 'IssuedDocuments1763800700000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE units (
      unit_id uuid PRIMARY KEY,
      code text NOT NULL,
      name text NOT NULL,
      active boolean NOT NULL,
      updated_at timestamptz NOT NULL
    )`);
    await q.query(`ALTER TABLE decision_letters ADD COLUMN facts text, ADD COLUMN decision text, ADD COLUMN legal_basis text, ADD COLUMN unit_id uuid`);
    await q.query(`CREATE TABLE issued_documents (
      id uuid PRIMARY KEY,
      petition_id uuid NOT NULL,
      kind text NOT NULL,
      subject text NOT NULL,
      template_id text NOT NULL,
      template_version int NOT NULL,
      file_name text NOT NULL,
      sha256 text NOT NULL,
      bytes bytea NOT NULL,
      issued_at timestamptz NOT NULL,
      issued_by text NOT NULL
    )`);
    await q.query(`CREATE UNIQUE INDEX issued_documents_subject_uq ON issued_documents (petition_id, kind, subject)`);
    await q.query(`CREATE TABLE document_downloads (
      id uuid PRIMARY KEY,
      document_id uuid NOT NULL,
      petition_id uuid NOT NULL,
      actor text NOT NULL,
      actor_roles text[] NOT NULL,
      actor_unit_id text,
      reason text NOT NULL,
      at timestamptz NOT NULL
    )`);
    await q.query(`CREATE INDEX document_downloads_petition_idx ON document_downloads (petition_id, at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE document_downloads`);
    await q.query(`DROP TABLE issued_documents`);
    await q.query(`ALTER TABLE decision_letters DROP COLUMN facts, DROP COLUMN decision, DROP COLUMN legal_basis, DROP COLUMN unit_id`);
    await q.query(`DROP TABLE units`);
  }
}
