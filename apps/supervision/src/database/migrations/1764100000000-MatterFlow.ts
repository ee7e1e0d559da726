import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The matter flow after a reply: each petition's lead unit and delivered reply (matters), result
 * reviews of every reply round, evaluations (all kept, the latest marked current), and review /
 * re-examination appeals with their decision deadline as a full libs/deadlines record (hearing
 * time is a pause of it).
 */
export class MatterFlow1764100000000 implements MigrationInterface {
  name = 'MatterFlow1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE matters (
        petition_id uuid PRIMARY KEY,
        lead_unit_id uuid,
        assignment_id uuid,
        delivered_review_id uuid,
        delivered_reply_id uuid,
        delivered_round int,
        delivered_at timestamptz,
        review_request_due timestamptz,
        closed_at timestamptz,
        concluded_at timestamptz,
        updated_at timestamptz NOT NULL
      )`);
    await q.query(`
      CREATE TABLE reviews (
        id uuid PRIMARY KEY,
        petition_id uuid NOT NULL,
        reply_id uuid NOT NULL,
        work_item_id uuid NOT NULL,
        assignment_id uuid NOT NULL,
        unit_id uuid NOT NULL,
        round int NOT NULL,
        outcome text NOT NULL,
        facts text NOT NULL,
        decision text NOT NULL,
        legal_basis text NOT NULL,
        text text NOT NULL,
        attachments jsonb NOT NULL,
        handling_deadline jsonb NOT NULL,
        replied_on_time boolean NOT NULL,
        replied_at timestamptz NOT NULL,
        received_at timestamptz NOT NULL,
        status text NOT NULL,
        decided_by text,
        decided_at timestamptz,
        comment text,
        return_reason text,
        first_review boolean,
        delivery_method text,
        delivery_deadline jsonb,
        rework_deadline jsonb,
        delivered_at timestamptz,
        delivered_by text,
        callback_deadline jsonb,
        review_request_deadline jsonb
      )`);
    await q.query(`CREATE UNIQUE INDEX reviews_reply_uq ON reviews (reply_id)`);
    await q.query(`CREATE INDEX reviews_queue_idx ON reviews (status, received_at, id)`);
    await q.query(`CREATE INDEX reviews_unit_idx ON reviews (unit_id, status, received_at, id)`);
    await q.query(`CREATE INDEX reviews_petition_idx ON reviews (petition_id, round)`);
    await q.query(`
      CREATE TABLE evaluations (
        id uuid PRIMARY KEY,
        petition_id uuid NOT NULL,
        unit_id uuid NOT NULL,
        reply_id uuid NOT NULL,
        round int NOT NULL,
        satisfaction text NOT NULL,
        solved boolean NOT NULL,
        source text NOT NULL,
        method text NOT NULL,
        summary text,
        recorded_by text NOT NULL,
        recorded_at timestamptz NOT NULL,
        current boolean NOT NULL
      )`);
    await q.query(`CREATE INDEX evaluations_petition_idx ON evaluations (petition_id, recorded_at, id)`);
    await q.query(`CREATE INDEX evaluations_unit_idx ON evaluations (unit_id, recorded_at, id)`);
    // The evaluation that counts: one per petition.
    await q.query(`CREATE UNIQUE INDEX evaluations_current_uq ON evaluations (petition_id) WHERE current`);
    await q.query(`
      CREATE TABLE appeals (
        id uuid PRIMARY KEY,
        petition_id uuid NOT NULL,
        kind text NOT NULL,
        unit_id uuid,
        source text NOT NULL,
        grounds text NOT NULL,
        received_at timestamptz NOT NULL,
        registered_by text NOT NULL,
        registered_at timestamptz NOT NULL,
        status text NOT NULL,
        refusal_code text,
        refusal_reason text,
        decision_deadline jsonb,
        decision_due timestamptz,
        outcome text,
        decision_reason text,
        decided_by text,
        decided_at timestamptz,
        next_request_deadline jsonb,
        next_request_due timestamptz
      )`);
    // One live review and one live re-examination per matter; refused requests are kept beside them.
    await q.query(`CREATE UNIQUE INDEX appeals_one_per_kind_uq ON appeals (petition_id, kind) WHERE status <> 'refused'`);
    await q.query(`CREATE INDEX appeals_list_idx ON appeals (registered_at, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE appeals`);
    await q.query(`DROP TABLE evaluations`);
    await q.query(`DROP TABLE reviews`);
    await q.query(`DROP TABLE matters`);
  }
}
