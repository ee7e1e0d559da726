import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { Clock } from '@petition/clock';
import { Deadline, defaultRuleSet, loadCalendar } from '@petition/deadlines';
import { EventOutbox, OutboxWriter } from '@petition/messaging';
import { ServiceMetrics } from '@petition/observability';
import { migrateServiceSchema, serviceDataSourceOptions, startEmbeddedPostgres, type RunningPostgres } from '@petition/persistence';
import { benchOptions, freePort } from '@petition/testing';
import pino from 'pino';
import { DataSource } from 'typeorm';
import { supervisionMigrations } from '../src/database/migrations';
import { DeadlineBook } from '../src/deadlines/deadline-book';
import { DeadlinesRepository } from '../src/deadlines/deadlines.repository';
import { TrackedDeadlineEntity } from '../src/deadlines/entities/tracked-deadline.entity';
import { SupervisionOrderEntity } from '../src/escalation/entities/supervision-order.entity';
import { UrgeEntity } from '../src/escalation/entities/urge.entity';
import { EscalationRepository } from '../src/escalation/escalation.repository';
import { IssueSupervisionOrderUseCase } from '../src/escalation/usecases/issue-supervision-order.usecase';
import { IssueUrgeUseCase } from '../src/escalation/usecases/issue-urge.usecase';
import { MatterEntity } from '../src/matters/entities/matter.entity';
import { MattersRepository } from '../src/matters/matters.repository';
import { EndReviewWindowsUseCase } from '../src/matters/usecases/end-review-windows.usecase';
import { SweepMetrics } from '../src/scheduler/sweep.metrics';
import { SweepService } from '../src/scheduler/sweep.service';

/*
 * Deadline sweep benchmark: `npm run bench:supervision-sweep [-- --open 1000000 --due 1000 --batch 200]`.
 * On an embedded PostgreSQL (or DATABASE_URL when set), migrated like the service, it inserts
 * `open` tracked deadlines (INSERT ... SELECT generate_series, full libs/deadlines records) of
 * which `due` are past their warning instant, then times one sweep of the service's own
 * SweepService (lock with SKIP LOCKED, decide with libs/deadlines, outbox rows, next_fire_at
 * moved) and a second sweep with nothing due, and prints the plan of the sweep's lock query to
 * show it reads only the partial index on next_fire_at. Prints a table and one JSON line.
 */

interface Settings {
  open: number;
  due: number;
  batch: number;
}

const MONDAY = '2026-11-23T09:00:00+08:00';
/** The sweep's "now": after the due deadlines' warning instant, long before any other's. */
const NOW = new Date('2026-11-25T12:00:00+08:00');

async function main(): Promise<void> {
  const s = benchOptions<Settings>({ open: 1_000_000, due: 1_000, batch: 200 });
  let postgres: RunningPostgres | undefined;
  const dir = mkdtempSync(path.join(tmpdir(), 'sweep-bench-'));
  try {
    let url = process.env.DATABASE_URL;
    if (!url) {
      postgres = await startEmbeddedPostgres({ dataDir: path.join(dir, 'pg'), port: await freePort() });
      url = await postgres.ensureDatabase('sweep_bench');
    }
    await migrateServiceSchema({ url, schema: 'supervision', entities: [], migrations: supervisionMigrations });
    const ds = new DataSource(
      serviceDataSourceOptions({
        url,
        schema: 'supervision',
        entities: [TrackedDeadlineEntity, UrgeEntity, SupervisionOrderEntity, MatterEntity],
        migrations: [],
        poolSize: 4,
      }),
    );
    await ds.initialize();
    await ds.query(`TRUNCATE tracked_deadlines, outbox, urges, supervision_orders`);

    const calendar = loadCalendar();
    const rules = defaultRuleSet();
    const dueSoon = Deadline.start({ start: MONDAY, stage: 'unit_accept', rules, calendar });
    const later = Deadline.start({ start: MONDAY, stage: 'handling_standard', rules, calendar });
    const insert = (n: number, d: Deadline, spreadSeconds: number) =>
      ds.query(
        `INSERT INTO tracked_deadlines (id, petition_id, stage, owner_key, unit_id, ladder, started_at, due, warning_at, rule_set, provisional, record,
           state, escalation_step, next_fire_at, opened_by)
         SELECT gen_random_uuid(), gen_random_uuid(), $1, 'bench:' || g, gen_random_uuid(), true, $2, $3, $4, $5, $6, $7::jsonb,
           'open', 'none', $4::timestamptz + make_interval(secs => (g % $8)), gen_random_uuid()
         FROM generate_series(1, $9) g`,
        [d.stage, d.start, d.due, d.warningAt, d.ruleSetVersion, d.provisional, JSON.stringify(d.toJSON()), Math.max(1, spreadSeconds), n],
      );
    let t = Date.now();
    await insert(s.open - s.due, later, 86_400 * 30);
    await insert(s.due, dueSoon, 3600);
    await ds.query('VACUUM ANALYZE tracked_deadlines');
    const insertMs = Date.now() - t;
    const size = (await ds.query(`SELECT pg_size_pretty(pg_total_relation_size('tracked_deadlines')) AS s`))[0].s as string;

    // The sweep's lock query, as TypeORM sends it, explained inside a rolled-back transaction.
    const repository = new DeadlinesRepository(ds);
    const runner = ds.createQueryRunner();
    await runner.startTransaction();
    const [sql, params] = repository.lockDueQuery(runner.manager, NOW, s.batch).getQueryAndParameters();
    const plan: Array<{ 'QUERY PLAN': string }> = await runner.query(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${sql}`, params);
    await runner.rollbackTransaction();
    await runner.release();

    const clock: Clock = { now: () => NOW };
    const logger = pino({ level: 'warn' });
    const book = new DeadlineBook();
    const outbox = new EventOutbox(new OutboxWriter(), 'supervision');
    const escalation = new EscalationRepository(ds);
    const sweep = new SweepService(
      ds,
      clock,
      logger,
      { intervalMs: 30_000, batchSize: s.batch },
      book,
      repository,
      outbox,
      new IssueUrgeUseCase(escalation, outbox),
      new IssueSupervisionOrderUseCase(escalation, outbox, book),
      new SweepMetrics(new ServiceMetrics('supervision-bench')),
      new EndReviewWindowsUseCase(new MattersRepository(ds), outbox),
    );
    t = performance.now();
    const first = await sweep.sweep();
    const sweepMs = performance.now() - t;
    t = performance.now();
    const second = await sweep.sweep();
    const idleMs = performance.now() - t;
    const warnings = (await ds.query(`SELECT count(*)::int AS n FROM outbox WHERE event_type = 'deadline.warning'`))[0].n as number;
    await ds.destroy();

    console.log(`\nDeadline sweep — ${s.open.toLocaleString()} open deadlines (${size}), ${s.due.toLocaleString()} due, batch ${s.batch}`);
    console.log(`  insert + VACUUM ANALYZE           ${(insertMs / 1000).toFixed(1)} s`);
    console.log(
      `  sweep (fires the due ones)        ${sweepMs.toFixed(0)} ms — ${first.deadlines} deadlines looked at, ${first.fired} fired, ${warnings} warnings in the outbox`,
    );
    console.log(`  sweep again (nothing due)         ${idleMs.toFixed(1)} ms — ${second.deadlines} deadlines looked at`);
    console.log('\n  Plan of the lock query (one batch):');
    for (const row of plan) console.log(`    ${row['QUERY PLAN']}`);
    console.log(
      JSON.stringify({
        bench: 'supervision-sweep',
        open: s.open,
        due: s.due,
        batch: s.batch,
        tableSize: size,
        sweepMs: Math.round(sweepMs),
        idleSweepMs: Number(idleMs.toFixed(1)),
        looked: first.deadlines,
        fired: first.fired,
        warnings,
      }),
    );
  } finally {
    await postgres?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
