import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The steps the petition bureau's staff record (libs/deadlines `heldBy: 'bureau'`), triage aside. */
const BUREAU_STAGES = ['reply_delivery', 'callback', 'review_decision', 'reexam_decision'];
/** Every stage held by the bureau, triage included: an overdue mark made only of these counts for no unit. */
const ALL_BUREAU_STAGES = ['triage', ...BUREAU_STAGES];

/** The month, quarter and year keys of the `YYYY-MM` column expression `month` (as `periods.ts`). */
const periodKeys = (month: string) => `(VALUES (${month}), (substr(${month}, 1, 4) || '-Q' || ((substr(${month}, 6, 2)::int + 2) / 3)), (substr(${month}, 1, 4)))`;

/**
 * Two scoring defects (issue #15):
 *
 * 1. A first-time claim counts as resolved once (一次性化解) only when its review window has ended.
 *    - `matters.review_window_ended_at`: when the sweep recorded the end of the delivered reply's
 *      window (`review_window.ended`); windows that ended before this release are recorded by the
 *      first sweeps after it (a one-off burst of events, in batches).
 *    - `assessment_matters.review_window_ended_for`: the latest window end assessment has seen.
 *      Windows that ended before now are marked ended here, so their figures do not move. Matters
 *      whose window is still open leave the `one_time` numerator they were wrongly counted in.
 * 2. Delivery, callback and appeal decisions are the bureau's steps, not the unit's: open tracked
 *    deadlines of those stages stop naming the unit and climbing its ladder, and overdue marks made
 *    only of bureau stages stop counting against the unit.
 */
export class ReviewWindowsAndBureauSteps1764400000000 implements MigrationInterface {
  name = 'ReviewWindowsAndBureauSteps1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE matters ADD COLUMN review_window_ended_at timestamptz`);
    await q.query(`CREATE INDEX matters_review_window_open_idx ON matters (review_request_due) WHERE review_request_due IS NOT NULL AND review_window_ended_at IS NULL`);

    await q.query(`ALTER TABLE assessment_matters ADD COLUMN review_window_ended_for timestamptz`);
    // The old rule counted these in the numerator; the new one waits for the window's end.
    await q.query(`
      WITH open_resolved AS (
        SELECT unit_id, to_char(review_window_end AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month
        FROM assessment_matters
        WHERE unit_id IS NOT NULL AND nature = 'claim' AND NOT is_repeat AND delivered_at IS NOT NULL AND review_window_end > now()
          AND review_requested_at IS NULL
          AND NOT EXISTS (SELECT 1 FROM unnest(repeat_linked_ats) r WHERE r > delivered_at AND r <= review_window_end)
      ), deltas AS (
        SELECT o.unit_id, k.period, count(*)::int AS n FROM open_resolved o, LATERAL ${periodKeys('o.month')} k(period) GROUP BY 1, 2
      )
      UPDATE assessment_counters c SET numerator = c.numerator - d.n
      FROM deltas d WHERE c.unit_id = d.unit_id AND c.period = d.period AND c.kpi = 'one_time'`);
    await q.query(`UPDATE assessment_matters SET review_window_ended_for = review_window_end WHERE review_window_end <= now()`);
    await q.query(`
      CREATE INDEX assessment_matters_window_unrecorded_idx ON assessment_matters (review_window_end)
      WHERE review_window_end IS NOT NULL AND (review_window_ended_for IS NULL OR review_window_ended_for < review_window_end)`);

    // The seeded default scheme's note named a rule book outside the repository; it is docs/rules.md.
    await q.query(`UPDATE assessment_schemes SET note = 'docs/rules.md default score' WHERE name = 'default' AND version = 1 AND created_by = 'migration'`);

    await q.query(`UPDATE tracked_deadlines SET unit_id = NULL, ladder = false WHERE stage = ANY($1) AND (unit_id IS NOT NULL OR ladder)`, [BUREAU_STAGES]);
    await q.query(
      `
      WITH gone AS (DELETE FROM assessment_overdue WHERE cardinality(stages) > 0 AND stages <@ $1::text[] RETURNING unit_id, months),
      deltas AS (
        SELECT g.unit_id, k.period, count(DISTINCT g.ctid_key)::int AS n
        FROM (SELECT unit_id, months, row_number() OVER () AS ctid_key FROM gone) g, unnest(g.months) m(month), LATERAL ${periodKeys('m.month')} k(period)
        GROUP BY 1, 2
      )
      UPDATE assessment_counters c SET numerator = c.numerator - d.n, denominator = c.denominator - d.n
      FROM deltas d WHERE c.unit_id = d.unit_id AND c.period = d.period AND c.kpi = 'overdue'`,
      [ALL_BUREAU_STAGES],
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX assessment_matters_window_unrecorded_idx`);
    await q.query(`ALTER TABLE assessment_matters DROP COLUMN review_window_ended_for`);
    await q.query(`DROP INDEX matters_review_window_open_idx`);
    await q.query(`ALTER TABLE matters DROP COLUMN review_window_ended_at`);
  }
}
