import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Returns (退回), the manual queue's SLA and filters, rule history, and deactivation of regions
 * and categories. Additive only: rows written by the first migration stay valid (new assignment
 * columns are nullable; the service computes a missing return window from `assigned_at`).
 */
export class ReturnsQueueAndRuleAdmin1763800000000 implements MigrationInterface {
  name = 'ReturnsQueueAndRuleAdmin1763800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE regions ADD COLUMN active boolean NOT NULL DEFAULT true`);
    await q.query(`ALTER TABLE categories ADD COLUMN active boolean NOT NULL DEFAULT true`);
    await q.query(`ALTER TABLE units ADD COLUMN updated_at timestamptz`);
    await q.query(`CREATE INDEX units_regions_gin_idx ON units USING gin (region_codes)`);

    await q.query(`ALTER TABLE routing_rules ADD COLUMN created_by text`);
    await q.query(`ALTER TABLE routing_rules ADD COLUMN created_at timestamptz`);
    await q.query(`ALTER TABLE routing_rules ADD COLUMN replaces_rule_id uuid REFERENCES routing_rules(id)`);
    await q.query(`CREATE INDEX routing_rules_effective_idx ON routing_rules (category_code, effective_from)`);

    await q.query(`ALTER TABLE assignments ADD COLUMN return_due timestamptz`);
    await q.query(`ALTER TABLE assignments ADD COLUMN return_rule_set text`);
    await q.query(`ALTER TABLE assignments ADD COLUMN handling_stage text`);
    await q.query(`ALTER TABLE assignments ADD COLUMN petition jsonb`);
    await q.query(`ALTER TABLE assignments ADD COLUMN returned_at timestamptz`);
    await q.query(`CREATE INDEX assignments_co_handlers_gin_idx ON assignments USING gin (co_handler_unit_ids) WHERE status = 'active'`);

    await q.query(`
      CREATE TABLE assignment_returns (
        id uuid PRIMARY KEY,
        assignment_id uuid NOT NULL REFERENCES assignments(id),
        petition_id uuid NOT NULL,
        unit_id uuid NOT NULL,
        reason text NOT NULL,
        requested_by text NOT NULL,
        requested_at timestamptz NOT NULL,
        status text NOT NULL,
        decided_by text,
        decided_at timestamptz,
        decision_note text
      )`);
    // One open return per assignment: a second request while one is pending is a conflict.
    await q.query(`CREATE UNIQUE INDEX assignment_returns_one_open_uq ON assignment_returns (assignment_id) WHERE status = 'requested'`);
    await q.query(`CREATE INDEX assignment_returns_petition_idx ON assignment_returns (petition_id, status)`);
    await q.query(`CREATE INDEX assignment_returns_open_idx ON assignment_returns (requested_at) WHERE status = 'requested'`);

    await q.query(`ALTER TABLE dispatch_queue ADD COLUMN reason_kind text NOT NULL DEFAULT 'no_rule'`);
    await q.query(`ALTER TABLE dispatch_queue ADD COLUMN escalated boolean NOT NULL DEFAULT false`);
    await q.query(`ALTER TABLE dispatch_queue ADD COLUMN category_code text`);
    await q.query(`ALTER TABLE dispatch_queue ADD COLUMN region_code text`);
    await q.query(`ALTER TABLE dispatch_queue ADD COLUMN triage_due timestamptz`);
    await q.query(`ALTER TABLE dispatch_queue ADD COLUMN triage_rule_set text`);
    await q.query(`UPDATE dispatch_queue SET category_code = petition->>'categoryCode', region_code = petition->>'regionCode', triage_due = queued_at + interval '1 day', triage_rule_set = 'backfill'`);
    await q.query(`ALTER TABLE dispatch_queue ALTER COLUMN category_code SET NOT NULL, ALTER COLUMN region_code SET NOT NULL, ALTER COLUMN triage_due SET NOT NULL, ALTER COLUMN triage_rule_set SET NOT NULL`);
    await q.query(`CREATE INDEX dispatch_queue_triage_idx ON dispatch_queue (triage_due, petition_id) WHERE resolved_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX dispatch_queue_triage_idx`);
    for (const c of ['reason_kind', 'escalated', 'category_code', 'region_code', 'triage_due', 'triage_rule_set']) await q.query(`ALTER TABLE dispatch_queue DROP COLUMN ${c}`);
    await q.query(`DROP TABLE assignment_returns`);
    await q.query(`DROP INDEX assignments_co_handlers_gin_idx`);
    for (const c of ['return_due', 'return_rule_set', 'handling_stage', 'petition', 'returned_at']) await q.query(`ALTER TABLE assignments DROP COLUMN ${c}`);
    await q.query(`DROP INDEX routing_rules_effective_idx`);
    for (const c of ['created_by', 'created_at', 'replaces_rule_id']) await q.query(`ALTER TABLE routing_rules DROP COLUMN ${c}`);
    await q.query(`DROP INDEX units_regions_gin_idx`);
    await q.query(`ALTER TABLE units DROP COLUMN updated_at`);
    await q.query(`ALTER TABLE categories DROP COLUMN active`);
    await q.query(`ALTER TABLE regions DROP COLUMN active`);
  }
}
