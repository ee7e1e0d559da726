import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Directory (regions, categories, units), routing rules, assignments and the manual queue. */
export class CreateDirectoryAndAssignments1763780200000 implements MigrationInterface {
  name = 'CreateDirectoryAndAssignments1763780200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE regions (code text PRIMARY KEY, name text NOT NULL, level text NOT NULL, parent_code text REFERENCES regions(code))`);
    await q.query(`CREATE INDEX regions_parent_idx ON regions (parent_code)`);
    await q.query(`CREATE TABLE categories (code text PRIMARY KEY, name text NOT NULL, parent_code text REFERENCES categories(code))`);
    await q.query(`
      CREATE TABLE units (
        id uuid PRIMARY KEY,
        code text NOT NULL,
        name text NOT NULL,
        level text NOT NULL,
        kind text NOT NULL,
        parent_id uuid REFERENCES units(id),
        region_codes text[] NOT NULL DEFAULT '{}',
        category_codes text[] NOT NULL DEFAULT '{}',
        active boolean NOT NULL DEFAULT true
      )`);
    await q.query(`CREATE UNIQUE INDEX units_code_uq ON units (code)`);
    await q.query(`
      CREATE TABLE routing_rules (
        id uuid PRIMARY KEY,
        category_code text NOT NULL REFERENCES categories(code),
        region_code text REFERENCES regions(code),
        nature text,
        lead_unit_id uuid NOT NULL REFERENCES units(id),
        co_handler_unit_ids uuid[] NOT NULL DEFAULT '{}',
        track text NOT NULL,
        instructions text,
        priority int NOT NULL DEFAULT 0,
        effective_from timestamptz NOT NULL,
        effective_to timestamptz
      )`);
    await q.query(`CREATE INDEX routing_rules_lookup_idx ON routing_rules (category_code, region_code)`);
    await q.query(`
      CREATE TABLE assignments (
        id uuid PRIMARY KEY,
        petition_id uuid NOT NULL,
        tracking_no text NOT NULL,
        lead_unit_id uuid NOT NULL,
        co_handler_unit_ids uuid[] NOT NULL DEFAULT '{}',
        track text NOT NULL,
        nature text NOT NULL,
        title text NOT NULL,
        category_code text NOT NULL,
        region_code text NOT NULL,
        petitioner_name_masked text NOT NULL,
        instructions text,
        rule_id uuid,
        status text NOT NULL,
        accept_due timestamptz NOT NULL,
        accept_rule_set text NOT NULL,
        accept_provisional boolean NOT NULL,
        assigned_by text NOT NULL,
        assigned_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX assignments_petition_idx ON assignments (petition_id)`);
    // Exactly one live assignment per petition, whatever redeliveries or races happen.
    await q.query(`CREATE UNIQUE INDEX assignments_one_active_uq ON assignments (petition_id) WHERE status = 'active'`);
    await q.query(`CREATE INDEX assignments_lead_unit_idx ON assignments (lead_unit_id, status)`);
    await q.query(`
      CREATE TABLE dispatch_queue (
        petition_id uuid PRIMARY KEY,
        reason text NOT NULL,
        petition jsonb NOT NULL,
        queued_at timestamptz NOT NULL,
        resolved_at timestamptz
      )`);
    await q.query(`CREATE INDEX dispatch_queue_open_idx ON dispatch_queue (queued_at) WHERE resolved_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['dispatch_queue', 'assignments', 'routing_rules', 'units', 'categories', 'regions']) await q.query(`DROP TABLE ${t}`);
  }
}
