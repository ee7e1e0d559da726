import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { DataSource } from 'typeorm';
import { migrateServiceSchema, serviceDataSourceOptions, startEmbeddedPostgres } from '@petition/persistence';
import { benchOptions, freePort, percentile } from '@petition/testing';
import { AssessmentRepository } from '../src/assessment/assessment.repository';
import { AssessmentService } from '../src/assessment/assessment.service';
import { supervisionMigrations } from '../src/database/migrations';

/*
 * Assessment ranking benchmark: `npm run bench:assessment [-- --matters 6000000 --units 500 --calls 20]`.
 * On an embedded PostgreSQL of its own it bulk-generates a history of `matters` matters across
 * `units` units over 2021–2026 with generate_series (facts as the projection stores them), builds
 * the per-unit, per-period counters from them with one SQL pass equivalent to the projection's
 * deltas (month, quarter and year; a matter counts once per period), then times the ranking of
 * one quarter through AssessmentService (counters read + scoring + ranking), and the drill-down of
 * one unit's on-time matters, and the publish guard's count of unrecorded review windows of a
 * quarter. Prints a table and one JSON line.
 */

/**
 * The history is read as of this instant: a review window ending later is still open (not recorded
 * as ended, so not yet in the one-time resolution numerator), as the sweep would leave it.
 */
const AS_OF = "timestamptz '2026-12-15 00:00+08'";

const MONTH = (col: string) => `to_char((${col}) AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM')`;
const KINDS: Record<string, (m: string) => string> = {
  month: (m) => m,
  quarter: (m) => `left(${m}, 4) || '-Q' || ((substr(${m}, 6, 2)::int - 1) / 3 + 1)`,
  year: (m) => `left(${m}, 4)`,
};

async function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
  const t0 = Date.now();
  const out = await work();
  console.log(`${label}: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return out;
}

async function main(): Promise<void> {
  const s = benchOptions({ matters: 6_000_000, units: 500, calls: 20 });
  const root = mkdtempSync(path.join(tmpdir(), 'assessment-bench-'));
  const postgres = await startEmbeddedPostgres({ dataDir: path.join(root, 'pg'), port: await freePort() });
  let ds: DataSource | undefined;
  try {
    const url = await postgres.ensureDatabase('assessment_bench');
    await migrateServiceSchema({ url, schema: 'supervision', entities: [], migrations: supervisionMigrations });
    ds = new DataSource(serviceDataSourceOptions({ url, schema: 'supervision', entities: [], migrations: [], poolSize: 4 }));
    await ds.initialize();
    const q = (sql: string, params: unknown[] = []) => (ds as DataSource).query(sql, params);
    await q(`SET max_parallel_workers_per_gather = 2`);
    await q(`DROP INDEX assessment_matters_months_idx`);
    await q(`DROP INDEX assessment_matters_unit_idx`);
    await q(`DROP INDEX assessment_matters_window_unrecorded_idx`);
    await q(
      `CREATE UNLOGGED TABLE bench_units AS SELECT g AS n, md5('unit' || g)::uuid AS unit_id FROM generate_series(0, ${s.units - 1}) g`,
    );
    await q(`INSERT INTO assessment_units (unit_id) SELECT unit_id FROM bench_units`);

    // Matters spread evenly over six years; ~15 % accepted late, ~10 % extended, ~20 % replied late,
    // ~15 % failed their first review, ~70 % evaluated, ~8 % review requests.
    await timed(`generate ${s.matters} matters`, () =>
      q(`
      INSERT INTO assessment_matters (petition_id, unit_id, tracking_no, nature, assignment_id, assigned_at, accept_due, accepted_at, handling_due, extended_due,
        first_reply_at, last_reply_at, first_review_at, first_review_passed, delivered_at, delivered_round, review_window_end, review_window_ended_for, eval_round, eval_recorded_at,
        eval_satisfaction, eval_solved, review_requested_at, contrib_months)
      SELECT petition_id, unit_id, tracking_no, nature, assignment_id, t0, t0 + interval '3 days', accepted, accepted + interval '20 days', ext,
        replied, replied, replied + interval '1 day', r3 > 0.15, replied + interval '2 days', 1, replied + interval '32 days',
        CASE WHEN replied + interval '32 days' <= ${AS_OF} THEN replied + interval '32 days' END,
        CASE WHEN r4 < 0.7 THEN 1 END, CASE WHEN r4 < 0.7 THEN replied + interval '4 days' END, CASE WHEN r4 < 0.7 THEN (ARRAY['satisfied','basically_satisfied','dissatisfied'])[1 + floor(r4 * 4)::int % 3] END,
        CASE WHEN r4 < 0.7 THEN r4 < 0.5 END, CASE WHEN r1 < 0.08 THEN replied + interval '10 days' END,
        ARRAY[${MONTH('t0')}, ${MONTH('accepted')}, ${MONTH("accepted + interval '20 days'")}, ${MONTH('replied')}, ${MONTH("replied + interval '32 days'")}]
      FROM (
        SELECT md5('p' || g)::uuid AS petition_id, u.unit_id, 'XF' || g AS tracking_no, CASE WHEN g % 10 < 7 THEN 'claim' WHEN g % 10 < 9 THEN 'suggestion' ELSE 'accusation' END AS nature,
          md5('a' || g)::uuid AS assignment_id, t0, r1, r3, r4,
          t0 + CASE WHEN r1 < 0.15 THEN interval '4 days' ELSE interval '1 day' END AS accepted,
          CASE WHEN r2 < 0.1 THEN t0 + interval '31 days' END AS ext,
          t0 + CASE WHEN r2 < 0.2 THEN interval '25 days' ELSE interval '15 days' END AS replied
        FROM (SELECT g, timestamptz '2021-01-01 00:00+08' + (g::float8 / ${s.matters}) * interval '6 years' AS t0, random() AS r1, random() AS r2, random() AS r3, random() AS r4
              FROM generate_series(1, ${s.matters}) g) x
        JOIN bench_units u ON u.n = x.g % ${s.units}
      ) y`),
    );
    await timed('index matters', async () => {
      await q(`CREATE INDEX assessment_matters_unit_idx ON assessment_matters (unit_id, petition_id)`);
      await q(`CREATE INDEX assessment_matters_months_idx ON assessment_matters USING gin (contrib_months)`);
      await q(`
        CREATE INDEX assessment_matters_window_unrecorded_idx ON assessment_matters (review_window_end)
        WHERE review_window_end IS NOT NULL AND (review_window_ended_for IS NULL OR review_window_ended_for < review_window_end)`);
    });

    // Counters: each rate KPI of each matter in the periods of its one or two instants (once per period).
    const rates: Array<[kpi: string, numerator: string, first: string, second: string | null, where: string]> = [
      ['acceptance', 'accepted_at <= accept_due', 'accept_due', 'accepted_at', 'true'],
      ['on_time', 'last_reply_at <= coalesce(extended_due, handling_due)', 'coalesce(extended_due, handling_due)', 'last_reply_at', 'true'],
      ['quality', 'first_review_passed', 'first_review_at', null, 'first_review_at IS NOT NULL'],
      ['participation', 'eval_round IS NOT NULL', 'delivered_at', null, "delivered_at IS NOT NULL AND nature <> 'accusation'"],
      ['satisfaction', "eval_satisfaction <> 'dissatisfied'", 'eval_recorded_at', null, 'eval_recorded_at IS NOT NULL'],
      ['resolution', 'eval_solved', 'eval_recorded_at', null, 'eval_recorded_at IS NOT NULL'],
      [
        'one_time',
        'review_requested_at IS NULL AND review_window_ended_for >= review_window_end',
        'review_window_end',
        null,
        "nature = 'claim' AND review_window_end IS NOT NULL",
      ],
      ['matters', 'true', 'accept_due', null, 'true'],
    ];
    await timed('build counters', async () => {
      for (const [kpi, num, first, second, where] of rates) {
        // One scan per KPI: the periods of every kind (month, quarter, year) it counts in, each once.
        const periods = Object.values(KINDS)
          .map((kind) => {
            const k1 = kind(MONTH(first));
            return second
              ? `ARRAY[${k1}] || CASE WHEN ${second} IS NOT NULL AND ${kind(MONTH(second))} <> ${k1} THEN ARRAY[${kind(MONTH(second))}] ELSE '{}'::text[] END`
              : `ARRAY[${k1}]`;
          })
          .join(' || ');
        await q(`
          INSERT INTO assessment_counters (period, unit_id, kpi, numerator, denominator)
          SELECT period, unit_id, '${kpi}', count(*) FILTER (WHERE n), count(*) FROM (
            SELECT unit_id, coalesce(${num}, false) AS n, unnest(${periods}) AS period FROM assessment_matters WHERE ${where}
          ) c GROUP BY period, unit_id`);
      }
      // Repeats and overdue: ~3 % and ~12 % of matters, counted where they happened.
      for (const [kpi, perMille, at] of [
        ['repeats', 30, "last_reply_at + interval '12 days'"],
        ['overdue', 120, 'accept_due'],
      ] as const) {
        const periods = Object.values(KINDS)
          .map((kind) => `ARRAY[${kind(MONTH(at))}]`)
          .join(' || ');
        await q(`
          INSERT INTO assessment_counters (period, unit_id, kpi, numerator, denominator)
          SELECT period, unit_id, '${kpi}', count(*), count(*) FROM (
            SELECT unit_id, unnest(${periods}) AS period FROM assessment_matters WHERE abs(hashtext(petition_id::text || '${kpi}')) % 1000 < ${perMille}
          ) c GROUP BY period, unit_id`);
      }
    });
    await q(`VACUUM ANALYZE assessment_counters`);
    await q(`VACUUM ANALYZE assessment_matters`);
    const [{ n }] = await q(`SELECT count(*)::int AS n FROM assessment_counters`);
    console.log(`counters: ${n} rows`);

    const service = new AssessmentService(new AssessmentRepository(ds));
    const ranking: number[] = [];
    let units = 0;
    for (let i = 0; i < s.calls + 2; i++) {
      const t0 = performance.now();
      const r = await service.ranking('2026-Q2', 'default');
      if (i >= 2) ranking.push(performance.now() - t0); // two warm-up calls
      units = r.units.length;
    }
    const [{ unit_id: unitId }] = await q(`SELECT unit_id FROM bench_units WHERE n = 7`);
    const drill: number[] = [];
    let drillCount = 0;
    for (let i = 0; i < 7; i++) {
      const t0 = performance.now();
      const r = await service.matters(unitId, '2026-Q2', 'on_time', 50);
      if (i >= 2) drill.push(performance.now() - t0);
      drillCount = r.denominator;
    }
    // The publish guard's question for a quarter: review windows that ended in it, not recorded yet.
    const repository = new AssessmentRepository(ds);
    const guard: number[] = [];
    let unrecorded = 0;
    for (let i = 0; i < s.calls + 2; i++) {
      const t0 = performance.now();
      unrecorded = await (ds as DataSource).transaction((m) =>
        repository.countUnrecordedReviewWindows(m, new Date('2026-10-01T00:00:00+08:00'), new Date('2027-01-01T00:00:00+08:00')),
      );
      if (i >= 2) guard.push(performance.now() - t0);
    }
    const result = {
      matters: s.matters,
      units,
      counters: n,
      calls: s.calls,
      publishGuardUnrecorded: unrecorded,
      publishGuardP50Ms: +percentile(guard, 50).toFixed(1),
      publishGuardP95Ms: +percentile(guard, 95).toFixed(1),
      rankingP50Ms: +percentile(ranking, 50).toFixed(1),
      rankingP95Ms: +percentile(ranking, 95).toFixed(1),
      rankingMaxMs: +Math.max(...ranking).toFixed(1),
      drillDownMatters: drillCount,
      drillDownP50Ms: +percentile(drill, 50).toFixed(1),
      drillDownP95Ms: +percentile(drill, 95).toFixed(1),
    };
    console.table(result);
    console.log(JSON.stringify(result));
  } finally {
    await ds?.destroy();
    await postgres.stop();
    rmSync(root, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
