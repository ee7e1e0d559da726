import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every channel's fields, petitioner contact data (encrypted, with keyed hashes for matching),
 * triage, repeat links, query codes, the petitioner-facing timeline, the contact-access audit log
 * and the reference lists (regions, categories) intake validates against.
 */
export class IntakeChannelsTriageRepeats1763790000000 implements MigrationInterface {
  name = 'IntakeChannelsTriageRepeats1763790000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE petitions
        ADD COLUMN source text NOT NULL DEFAULT 'staff',
        ADD COLUMN anonymous boolean NOT NULL DEFAULT false,
        ADD COLUMN petitioner_id_enc text,
        ADD COLUMN petitioner_id_hash text,
        ADD COLUMN petitioner_id_masked text,
        ADD COLUMN petitioner_phone_enc text,
        ADD COLUMN petitioner_phone_hash text,
        ADD COLUMN petitioner_phone_masked text,
        ADD COLUMN petitioner_address_enc text,
        ADD COLUMN representatives_enc text,
        ADD COLUMN representatives_masked jsonb NOT NULL DEFAULT '[]'::jsonb,
        ADD COLUMN accused_unit_id uuid,
        ADD COLUMN letter_received_on date,
        ADD COLUMN letter_postmark text,
        ADD COLUMN caller_number_enc text,
        ADD COLUMN caller_number_masked text,
        ADD COLUMN external_order_id text,
        ADD COLUMN emergency_signals text[] NOT NULL DEFAULT '{}',
        ADD COLUMN terms text[] NOT NULL DEFAULT '{}',
        ADD COLUMN query_code_hash text,
        ADD COLUMN triage_outcome text,
        ADD COLUMN triage_target text,
        ADD COLUMN triage_note text,
        ADD COLUMN related_petition_id uuid,
        ADD COLUMN triaged_by text,
        ADD COLUMN triaged_at timestamptz,
        ADD COLUMN lead_unit_id uuid,
        ADD COLUMN updated_at timestamptz`);
    await q.query(`CREATE UNIQUE INDEX petitions_external_order_uq ON petitions (external_order_id) WHERE external_order_id IS NOT NULL`);
    await q.query(`CREATE INDEX petitions_id_hash_idx ON petitions (petitioner_id_hash) WHERE petitioner_id_hash IS NOT NULL`);
    await q.query(`CREATE INDEX petitions_phone_hash_idx ON petitions (petitioner_phone_hash) WHERE petitioner_phone_hash IS NOT NULL`);
    await q.query(`CREATE INDEX petitions_status_idx ON petitions (status, registered_at)`);
    await q.query(`
      CREATE TABLE petition_timeline (
        id uuid PRIMARY KEY,
        seq bigint GENERATED ALWAYS AS IDENTITY,
        petition_id uuid NOT NULL REFERENCES petitions (id),
        kind text NOT NULL,
        public_note text,
        at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX petition_timeline_petition_idx ON petition_timeline (petition_id, at, seq)`);
    await q.query(`
      CREATE TABLE contact_access_log (
        id uuid PRIMARY KEY,
        petition_id uuid NOT NULL,
        actor text NOT NULL,
        actor_roles text[] NOT NULL,
        actor_unit_id text,
        reason text NOT NULL,
        fields text[] NOT NULL,
        at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX contact_access_log_petition_idx ON contact_access_log (petition_id, at)`);
    await q.query(`CREATE TABLE regions (code text PRIMARY KEY, name text NOT NULL, parent_code text)`);
    await q.query(`CREATE TABLE categories (code text PRIMARY KEY, name text NOT NULL, parent_code text)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE categories`);
    await q.query(`DROP TABLE regions`);
    await q.query(`DROP TABLE contact_access_log`);
    await q.query(`DROP TABLE petition_timeline`);
    await q.query(`DROP INDEX petitions_status_idx`);
    await q.query(`DROP INDEX petitions_phone_hash_idx`);
    await q.query(`DROP INDEX petitions_id_hash_idx`);
    await q.query(`DROP INDEX petitions_external_order_uq`);
    for (const c of ['source', 'anonymous', 'petitioner_id_enc', 'petitioner_id_hash', 'petitioner_id_masked', 'petitioner_phone_enc', 'petitioner_phone_hash', 'petitioner_phone_masked', 'petitioner_address_enc', 'representatives_enc', 'representatives_masked', 'accused_unit_id', 'letter_received_on', 'letter_postmark', 'caller_number_enc', 'caller_number_masked', 'external_order_id', 'emergency_signals', 'terms', 'query_code_hash', 'triage_outcome', 'triage_target', 'triage_note', 'related_petition_id', 'triaged_by', 'triaged_at', 'lead_unit_id', 'updated_at']) {
      await q.query(`ALTER TABLE petitions DROP COLUMN ${c}`);
    }
  }
}
