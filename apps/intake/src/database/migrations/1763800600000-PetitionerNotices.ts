import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the petitioner is told, and what intake must know to tell it (docs/notices.md):
 * - `decision_letters`: the unit's decision letter (处理意见书) from `petition.replied`, shown to
 *   the petitioner once supervision delivers it; its outcome answers the window's lookup.
 * - `petition_extensions`: a unit's extension request (its reason is for the petitioner, 条例
 *   Art. 34) and, once approved, the new handling due date.
 * - `appeal_decisions`: review and re-examination decisions with their reasons.
 * - `accepted_at`, `handling_due` on petitions: the lead unit's acceptance (受理) and its deadline.
 * - `petitioner_notices`: every notice to the petitioner, rendered and queued in the transaction of
 *   the step it tells of, then sent and retried by the notice sender.
 * - `local_sms_messages`: the embedded SMS gateway's store of what it "sent" (no provider configured).
 * - `petition_timeline.notice_planned`: steps the notice planner has turned into notices. Every
 *   step recorded before this migration counts as planned, so an upgrade sends no old news.
 */
export class PetitionerNotices1763800600000 implements MigrationInterface {
  name = 'PetitionerNotices1763800600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE decision_letters (
      reply_id uuid PRIMARY KEY,
      petition_id uuid NOT NULL,
      round int NOT NULL,
      outcome text NOT NULL,
      text text NOT NULL,
      replied_at timestamptz NOT NULL,
      delivered_at timestamptz
    )`);
    await q.query(`CREATE INDEX decision_letters_petition_idx ON decision_letters (petition_id, round)`);
    await q.query(`CREATE TABLE petition_extensions (
      request_id uuid PRIMARY KEY,
      petition_id uuid NOT NULL,
      days int NOT NULL,
      reason text NOT NULL,
      requested_at timestamptz NOT NULL,
      decided_at timestamptz,
      approved boolean,
      new_due timestamptz
    )`);
    await q.query(`CREATE INDEX petition_extensions_petition_idx ON petition_extensions (petition_id, requested_at)`);
    await q.query(`CREATE TABLE appeal_decisions (
      appeal_id uuid PRIMARY KEY,
      petition_id uuid NOT NULL,
      kind text NOT NULL,
      outcome text NOT NULL,
      reason text,
      decided_at timestamptz NOT NULL
    )`);
    await q.query(`CREATE INDEX appeal_decisions_petition_idx ON appeal_decisions (petition_id, decided_at)`);
    await q.query(`ALTER TABLE petitions ADD COLUMN accepted_at timestamptz, ADD COLUMN handling_due timestamptz`);
    await q.query(`CREATE TABLE petitioner_notices (
      id uuid PRIMARY KEY,
      petition_id uuid NOT NULL,
      timeline_entry_id uuid,
      kind text NOT NULL,
      template_id text NOT NULL,
      template_version int NOT NULL,
      text text NOT NULL,
      recipient_masked text,
      status text NOT NULL,
      attempts int NOT NULL DEFAULT 0,
      next_attempt_at timestamptz,
      last_error text,
      provider text,
      provider_message_id text,
      created_at timestamptz NOT NULL,
      sent_at timestamptz
    )`);
    await q.query(`CREATE UNIQUE INDEX petitioner_notices_step_uq ON petitioner_notices (timeline_entry_id) WHERE timeline_entry_id IS NOT NULL`);
    await q.query(`CREATE INDEX petitioner_notices_petition_idx ON petitioner_notices (petition_id, created_at)`);
    await q.query(`CREATE INDEX petitioner_notices_due_idx ON petitioner_notices (next_attempt_at) WHERE status = 'pending'`);
    await q.query(`CREATE TABLE local_sms_messages (
      id text PRIMARY KEY,
      to_masked text NOT NULL,
      text text NOT NULL,
      sent_at timestamptz NOT NULL
    )`);
    await q.query(`ALTER TABLE petition_timeline ADD COLUMN notice_planned boolean NOT NULL DEFAULT true`);
    await q.query(`ALTER TABLE petition_timeline ALTER COLUMN notice_planned SET DEFAULT false`);
    await q.query(`CREATE INDEX petition_timeline_unplanned_idx ON petition_timeline (seq) WHERE NOT notice_planned`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX petition_timeline_unplanned_idx`);
    await q.query(`ALTER TABLE petition_timeline DROP COLUMN notice_planned`);
    await q.query(`DROP TABLE local_sms_messages`);
    await q.query(`DROP TABLE petitioner_notices`);
    await q.query(`ALTER TABLE petitions DROP COLUMN accepted_at, DROP COLUMN handling_due`);
    await q.query(`DROP TABLE appeal_decisions`);
    await q.query(`DROP TABLE petition_extensions`);
    await q.query(`DROP TABLE decision_letters`);
  }
}
