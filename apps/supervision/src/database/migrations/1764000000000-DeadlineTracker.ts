import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The deadline tracker: one row per obligation of a matter (stage + owner key), the scheduler's
 * next look-up instant kept in `next_fire_at` with a partial index, so a sweep reads only the rows
 * that are due whatever the number of open deadlines; completions that arrive before their opening
 * wait in `deadline_completions_pending`; urges and supervision orders issued by the ladder or by
 * a supervisor.
 */
export class DeadlineTracker1764000000000 implements MigrationInterface {
  name = 'DeadlineTracker1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE tracked_deadlines (
        id uuid PRIMARY KEY,
        petition_id uuid NOT NULL,
        stage text NOT NULL,
        owner_key text NOT NULL,
        unit_id uuid,
        ladder boolean NOT NULL,
        started_at timestamptz NOT NULL,
        due timestamptz NOT NULL,
        warning_at timestamptz NOT NULL,
        rule_set text NOT NULL,
        provisional boolean NOT NULL,
        record jsonb NOT NULL,
        state text NOT NULL CHECK (state IN ('open', 'met', 'overdue_met', 'cancelled')),
        completed_at timestamptz,
        warning_fired_at timestamptz,
        overdue_fired_at timestamptz,
        escalation_step text NOT NULL DEFAULT 'none',
        next_fire_at timestamptz,
        opened_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX tracked_deadlines_obligation_uq ON tracked_deadlines (petition_id, stage, owner_key)`);
    await q.query(`CREATE INDEX tracked_deadlines_owner_idx ON tracked_deadlines (petition_id, owner_key)`);
    await q.query(`CREATE INDEX tracked_deadlines_next_fire_idx ON tracked_deadlines (next_fire_at) WHERE next_fire_at IS NOT NULL`);
    await q.query(`CREATE INDEX tracked_deadlines_unit_idx ON tracked_deadlines (unit_id, state, due, id)`);
    await q.query(`CREATE INDEX tracked_deadlines_list_idx ON tracked_deadlines (due, id)`);
    await q.query(`
      CREATE TABLE deadline_completions_pending (
        petition_id uuid NOT NULL,
        owner_key text NOT NULL,
        action text NOT NULL CHECK (action IN ('complete', 'cancel')),
        at timestamptz NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (petition_id, owner_key)
      )`);
    await q.query(`
      CREATE TABLE urges (
        id uuid PRIMARY KEY,
        petition_id uuid NOT NULL,
        unit_id uuid NOT NULL,
        deadline_id uuid,
        stage text,
        reason text NOT NULL,
        source text NOT NULL,
        issued_by text NOT NULL,
        issued_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX urges_unit_idx ON urges (unit_id, issued_at DESC, id)`);
    await q.query(`CREATE UNIQUE INDEX urges_ladder_uq ON urges (deadline_id) WHERE source = 'ladder'`);
    await q.query(`
      CREATE TABLE supervision_orders (
        id uuid PRIMARY KEY,
        petition_id uuid NOT NULL,
        unit_id uuid NOT NULL,
        deadline_id uuid,
        level text NOT NULL CHECK (level IN ('order', 'flagged')),
        reason text NOT NULL,
        source text NOT NULL,
        issued_by text NOT NULL,
        issued_at timestamptz NOT NULL,
        answer_deadline jsonb NOT NULL,
        answer_due timestamptz NOT NULL,
        state text NOT NULL CHECK (state IN ('open', 'answered')),
        answer text,
        answered_by text,
        answered_at timestamptz,
        answered_on_time boolean
      )`);
    await q.query(`CREATE INDEX supervision_orders_unit_idx ON supervision_orders (unit_id, state, issued_at DESC, id)`);
    await q.query(`CREATE INDEX supervision_orders_list_idx ON supervision_orders (issued_at DESC, id)`);
    await q.query(`CREATE UNIQUE INDEX supervision_orders_ladder_uq ON supervision_orders (deadline_id, level) WHERE source = 'ladder'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE supervision_orders`);
    await q.query(`DROP TABLE urges`);
    await q.query(`DROP TABLE deadline_completions_pending`);
    await q.query(`DROP TABLE tracked_deadlines`);
  }
}
