import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Contacts with the petitioner, internal notes, and the audit of refused cross-unit access. */
export class ContactsNotesAudit1763780600000 implements MigrationInterface {
  name = 'ContactsNotesAudit1763780600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE work_item_contacts (
        id uuid PRIMARY KEY,
        work_item_id uuid NOT NULL REFERENCES work_items(id),
        contacted_at timestamptz NOT NULL,
        method text NOT NULL,
        summary text NOT NULL,
        recorded_by text NOT NULL,
        recorded_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX work_item_contacts_item_idx ON work_item_contacts (work_item_id, contacted_at)`);
    await q.query(`
      CREATE TABLE work_item_notes (
        id uuid PRIMARY KEY,
        work_item_id uuid NOT NULL REFERENCES work_items(id),
        text text NOT NULL,
        author text NOT NULL,
        created_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX work_item_notes_item_idx ON work_item_notes (work_item_id, created_at)`);
    await q.query(`ALTER TABLE work_items ADD COLUMN first_contact_at timestamptz`);
    await q.query(`
      CREATE TABLE access_audit (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        at timestamptz NOT NULL,
        actor text NOT NULL,
        actor_unit_id uuid,
        action text NOT NULL,
        work_item_id uuid NOT NULL,
        owner_unit_id uuid NOT NULL,
        outcome text NOT NULL
      )`);
    await q.query(`CREATE INDEX access_audit_item_idx ON access_audit (work_item_id, at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE access_audit`);
    await q.query(`ALTER TABLE work_items DROP COLUMN first_contact_at`);
    await q.query(`DROP TABLE work_item_notes`);
    await q.query(`DROP TABLE work_item_contacts`);
  }
}
