import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Unit assessment, built only from events so it can be rebuilt from the topics:
 * - `assessment_matters`: one row of facts per petition (current lead assignment, acceptance,
 *   handling deadline with extension, reply rounds, first review, delivery, latest evaluation,
 *   review request, repeats linked to it), plus the months it counts in (`contrib_months`);
 * - `assessment_overdue`: the months in which each unit had each matter flagged overdue;
 * - `assessment_repeats`: repeat petitions seen (dedupe of `petition.repeat_linked`);
 * - `assessment_counters`: numerator / denominator per unit, period (month, quarter, year) and KPI,
 *   kept by the projection as deltas, so a ranking reads ~10 rows per unit whatever the history;
 * - `assessment_units`: every unit that ever counted, so a ranking lists units with nothing in P too;
 * - `assessment_schemes`: scoring schemes as versioned data (a new version is a new row);
 * - `assessment_publications`: frozen, published rankings.
 */
export class AssessmentFacts1764200000000 implements MigrationInterface {
  name = 'AssessmentFacts1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE assessment_matters (
        petition_id uuid PRIMARY KEY,
        unit_id uuid,
        tracking_no text,
        nature text,
        is_repeat boolean NOT NULL DEFAULT false,
        assignment_id uuid,
        assigned_at timestamptz,
        accept_due timestamptz,
        accepted_at timestamptz,
        handling_due timestamptz,
        extended_due timestamptz,
        replies jsonb NOT NULL DEFAULT '{}',
        first_reply_at timestamptz,
        last_reply_at timestamptz,
        first_review_at timestamptz,
        first_review_passed boolean,
        delivered_at timestamptz,
        delivered_round int,
        review_window_end timestamptz,
        eval_round int,
        eval_recorded_at timestamptz,
        eval_satisfaction text,
        eval_solved boolean,
        review_requested_at timestamptz,
        repeat_linked_ats timestamptz[] NOT NULL DEFAULT '{}',
        contrib_months text[] NOT NULL DEFAULT '{}',
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX assessment_matters_unit_idx ON assessment_matters (unit_id, petition_id)`);
    await q.query(`CREATE INDEX assessment_matters_months_idx ON assessment_matters USING gin (contrib_months)`);
    await q.query(`
      CREATE TABLE assessment_overdue (
        petition_id uuid NOT NULL,
        unit_id uuid NOT NULL,
        months text[] NOT NULL DEFAULT '{}',
        stages text[] NOT NULL DEFAULT '{}',
        first_fired_at timestamptz NOT NULL,
        PRIMARY KEY (petition_id, unit_id)
      )`);
    await q.query(`CREATE INDEX assessment_overdue_unit_idx ON assessment_overdue (unit_id, petition_id)`);
    await q.query(`
      CREATE TABLE assessment_repeats (
        petition_id uuid PRIMARY KEY,
        original_petition_id uuid NOT NULL,
        tracking_no text NOT NULL,
        linked_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX assessment_repeats_original_idx ON assessment_repeats (original_petition_id)`);
    await q.query(`
      CREATE TABLE assessment_counters (
        period text NOT NULL,
        unit_id uuid NOT NULL,
        kpi text NOT NULL,
        numerator int NOT NULL,
        denominator int NOT NULL,
        PRIMARY KEY (period, unit_id, kpi)
      )`);
    await q.query(`CREATE TABLE assessment_units (unit_id uuid PRIMARY KEY, first_seen_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`
      CREATE TABLE assessment_schemes (
        name text NOT NULL,
        version int NOT NULL CHECK (version >= 1),
        weights jsonb NOT NULL,
        repeat_penalty numeric NOT NULL,
        repeat_penalty_cap numeric NOT NULL,
        overdue_penalty numeric NOT NULL,
        overdue_penalty_cap numeric NOT NULL,
        min_matters int NOT NULL,
        note text,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (name, version)
      )`);
    await q.query(`
      INSERT INTO assessment_schemes (name, version, weights, repeat_penalty, repeat_penalty_cap, overdue_penalty, overdue_penalty_cap, min_matters, note, created_by) VALUES
      ('default', 1, '{"acceptance":15,"on_time":30,"quality":15,"satisfaction":25,"participation":5,"one_time":10}', 1, 10, 0.5, 10, 5, 'docs/rules.md default score', 'migration'),
      ('three_rates', 1, '{"acceptance":30,"resolution":35,"satisfaction":35}', 0, 0, 0, 0, 5, '三率 (12345 style): response = acceptance rate; city default weights 30/35/35, no deductions', 'migration')`);
    await q.query(`
      CREATE TABLE assessment_publications (
        id uuid PRIMARY KEY,
        period text NOT NULL,
        scheme text NOT NULL,
        scheme_version int NOT NULL,
        result jsonb NOT NULL,
        published_by text NOT NULL,
        published_at timestamptz NOT NULL,
        UNIQUE (period, scheme)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['assessment_publications', 'assessment_schemes', 'assessment_units', 'assessment_counters', 'assessment_repeats', 'assessment_overdue', 'assessment_matters']) await q.query(`DROP TABLE ${t}`);
  }
}
