import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import { DEV_JWT_SECRET, signStaffToken } from '@petition/auth';
import { Role } from '@petition/contracts';
import { migrateServiceSchema, startEmbeddedPostgres } from '@petition/persistence';
import { createApp } from '../src/bootstrap';
import { analyticsMigrations } from '../src/database/migrations';
import { rebuildReadModels } from '../src/rebuild/rebuild-read-models';
import { generateHistory } from '../test/petition-history';
import { buildAggregates, insertSyntheticPetitions } from './synthetic-history.sql';

/*
 * Analytics benchmark: `npm run bench:analytics [-- --petitions 10000000 --days 1095 --runs 30 --rebuild-events 50000 --keep 1]`.
 * On an embedded PostgreSQL of its own (in a temp dir) and the development broker:
 *  1. generates `petitions` petitions of synthetic history (3 years by default) with generate_series
 *     straight into petition_facts, then builds daily_volume and daily_terms in bulk;
 *  2. boots the analytics service in-process on it and times the dashboard queries over HTTP
 *     (`runs` sequential requests each after 3 warm-ups): p50 and p95 in ms;
 *  3. publishes about `rebuild-events` generated events to the broker and times
 *     `rebuildReadModels` on a second database: events/s.
 * Prints a table and one JSON line. `--keep 1` leaves the PostgreSQL data directory in place (its
 * path is printed) to EXPLAIN the queries afterwards: `pg_ctl -D <dir>/pg start`, database `bench`,
 * schema `analytics`.
 */
interface Settings {
  petitions: number;
  days: number;
  runs: number;
  rebuildEvents: number;
  keep: number;
}

function settingsFrom(argv: string[]): Settings {
  const s: Settings = { petitions: 10_000_000, days: 1095, runs: 30, rebuildEvents: 50_000, keep: 0 };
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i].replace(/^--/, '').replace(/-(\w)/g, (_, c: string) => c.toUpperCase()) as keyof Settings;
    if (key in s) s[key] = Number(argv[i + 1]);
  }
  return s;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** The development broker in its own process, as the launcher runs it (apps may not import the broker library). */
function startBrokerProcess(dataDir: string): Promise<{ child: ChildProcess; address: string }> {
  const root = resolve(__dirname, '../../..');
  const child = spawn(
    process.execPath,
    ['-r', '@swc-node/register', join(root, 'libs/kafka-broker/src/cli.ts'), '--port', '0', '--data', dataDir, '--partitions', '3'],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  return new Promise((done, fail) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (\S+:\d+)/.exec(output);
      if (match) done({ child, address: match[1] });
    });
    child.once('exit', (code) => fail(new Error(`broker exited with ${code} before listening:\n${output}`)));
  });
}

const log = (line: string) => process.stdout.write(`${line}\n`);
const END_DAY = '2026-11-21';
const END = `${END_DAY}T23:59:59+08:00`;

/** The questions a leader's dashboard asks, over the synthetic history ending on END_DAY. */
const QUERIES: Array<[name: string, path: string]> = [
  ['volume 30d × channel (daily)', '/api/stats/volume?from=2026-10-23&to=2026-11-21&dimension=channel'],
  ['volume 1y × category (monthly)', '/api/stats/volume?from=2025-11-22&to=2026-11-21&dimension=category&groupBy=month'],
  ['volume 1y × region (weekly)', '/api/stats/volume?from=2025-11-22&to=2026-11-21&dimension=region&groupBy=week'],
  ['volume 3y total (monthly)', '/api/stats/volume?from=2023-11-23&to=2026-11-21&groupBy=month'],
  ['volume 90d district × street', '/api/stats/volume?from=2026-08-24&to=2026-11-21&dimension=region&regionCode=440106'],
  ['volume 1y × unit (monthly)', '/api/stats/volume?from=2025-11-22&to=2026-11-21&dimension=unit&groupBy=month'],
  ['volume 30d one street × channel', '/api/stats/volume?from=2026-10-23&to=2026-11-21&dimension=channel&regionCode=440106003'],
  ['backlog (积案) city-wide', '/api/stats/backlog'],
  ['repeats 30d', '/api/stats/repeats?from=2026-10-23&to=2026-11-21'],
  ['stage times 30d', '/api/stats/stage-times?from=2026-10-23&to=2026-11-21'],
  ['hotspots 30d city', '/api/stats/hotspots?from=2026-10-23&to=2026-11-21'],
  ['hotspots 90d district', '/api/stats/hotspots?from=2026-08-24&to=2026-11-21&regionCode=440106'],
  ['monthly report (json)', '/api/reports/monthly/2026-10'],
];

async function main(): Promise<void> {
  const s = settingsFrom(process.argv.slice(2));
  const dir = mkdtempSync(join(tmpdir(), 'analytics-bench-'));
  const pg = await startEmbeddedPostgres({ dataDir: join(dir, 'pg'), port: 54000 + Math.floor(Math.random() * 900) });
  const broker = await startBrokerProcess(join(dir, 'kafka'));
  const stopBroker = () =>
    new Promise<void>((done) => {
      broker.child.once('exit', () => done());
      broker.child.kill('SIGTERM');
    });
  const stops: Array<() => Promise<unknown>> = [stopBroker, () => pg.stop()];
  const results: Record<string, { p50: number; p95: number }> = {};
  let rebuild: { events: number; seconds: number; eventsPerSecond: number } | null = null;
  try {
    const url = await pg.ensureDatabase('bench');
    await migrateServiceSchema({ url, schema: 'analytics', entities: [], migrations: analyticsMigrations });
    const db = new Client({ connectionString: url, options: '-c search_path=analytics,public -c timezone=Asia/Shanghai' });
    db.on('error', () => undefined);
    await db.connect();
    await db.query(`SET synchronous_commit = off`);
    await db.query(`SET maintenance_work_mem = '512MB'`);
    await db.query(`SET work_mem = '256MB'`);
    // Bulk load: the per-row triggers are what keep the aggregates exact live; here they are built once from the facts.
    await db.query(`ALTER TABLE petition_facts DISABLE TRIGGER USER`);
    // Secondary indexes are built once after the load (far faster than row by row), as a bulk import would.
    const indexes: Array<{ indexname: string; indexdef: string }> = (
      await db.query(
        `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'analytics' AND tablename = 'petition_facts' AND indexname <> 'petition_facts_pkey'`,
      )
    ).rows;
    for (const i of indexes) await db.query(`DROP INDEX analytics.${i.indexname}`);
    const started = Date.now();
    const chunk = 500_000;
    for (let first = 1; first <= s.petitions; first += chunk) {
      const last = Math.min(s.petitions, first + chunk - 1);
      await insertSyntheticPetitions(db, first, last, s.petitions, s.days, END);
      log(`  generated ${last.toLocaleString()} petitions (${((Date.now() - started) / 1000).toFixed(0)} s)`);
    }
    const generatedSeconds = (Date.now() - started) / 1000;
    // Before the indexes: the previous-petition days are written to most rows.
    await buildAggregates(db, log);
    const aggregatedSeconds = (Date.now() - started) / 1000;
    log(`  aggregates built (${aggregatedSeconds.toFixed(0)} s)`);
    for (const i of indexes) await db.query(i.indexdef);
    await db.query(`ALTER TABLE petition_facts ENABLE TRIGGER USER`);
    for (const table of ['petition_facts', 'daily_volume', 'daily_terms', 'open_backlog', 'stage_hours'])
      await db.query(`VACUUM ANALYZE ${table}`);
    const [{ facts, volume, terms, backlog, stages, size }] = (
      await db.query(`SELECT (SELECT count(*) FROM petition_facts)::int AS facts, (SELECT count(*) FROM daily_volume)::int AS volume,
        (SELECT count(*) FROM daily_terms)::int AS terms, (SELECT count(*) FROM open_backlog)::int AS backlog, (SELECT count(*) FROM stage_hours)::int AS stages,
        pg_size_pretty(pg_database_size(current_database())) AS size`)
    ).rows;
    const loadSeconds = (Date.now() - started) / 1000;
    log(
      `history: ${facts.toLocaleString()} petitions generated in ${generatedSeconds.toFixed(0)} s, aggregates ${(aggregatedSeconds - generatedSeconds).toFixed(0)} s, indexes and vacuum ${(loadSeconds - aggregatedSeconds).toFixed(0)} s (load ${loadSeconds.toFixed(0)} s); daily_volume ${volume.toLocaleString()} rows, daily_terms ${terms.toLocaleString()}, open_backlog ${backlog.toLocaleString()}, stage_hours ${stages.toLocaleString()}; database ${size}`,
    );
    await db.end();

    const app = await createApp({
      env: {
        DATABASE_URL: url,
        KAFKA_BROKERS: broker.address,
        PORT: '0',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'silent',
        CLOCK: 'controllable',
        NODE_ENV: 'test',
      },
    });
    await app.start();
    stops.unshift(() => app.shutdown());
    const token = `Bearer ${signStaffToken({ sub: 'bench', roles: [Role.Analyst, Role.Admin], unitId: null }, DEV_JWT_SECRET, '1h')}`;
    await fetch(`${app.url()}/internal/clock`, {
      method: 'PUT',
      headers: { authorization: token, 'content-type': 'application/json' },
      body: JSON.stringify({ set: END }),
    });
    for (const [name, path] of QUERIES) {
      const times: number[] = [];
      for (let i = 0; i < s.runs + 3; i++) {
        const t0 = performance.now();
        const res = await fetch(`${app.url()}${path}`, { headers: { authorization: token } });
        await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
        if (i >= 3) times.push(performance.now() - t0);
      }
      results[name] = { p50: Math.round(percentile(times, 50)), p95: Math.round(percentile(times, 95)) };
      log(`  ${name.padEnd(36)} p50 ${String(results[name].p50).padStart(5)} ms   p95 ${String(results[name].p95).padStart(5)} ms`);
    }
    await app.shutdown();
    stops.shift();

    if (s.rebuildEvents > 0) {
      const rebuildUrl = await pg.ensureDatabase('bench_rebuild');
      await migrateServiceSchema({ url: rebuildUrl, schema: 'analytics', entities: [], migrations: analyticsMigrations });
      const kafka = new Kafka({ clientId: 'analytics-bench', brokers: [broker.address], logLevel: logLevel.NOTHING });
      const { events } = generateHistory({
        seed: 7,
        count: Math.ceil(s.rebuildEvents / 5.6),
        start: new Date('2026-06-01T00:00:00+08:00'),
        days: 150,
      });
      const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
      await producer.connect();
      for (let i = 0; i < events.length; i += 1000) {
        const batch = events.slice(i, i + 1000);
        await producer.sendBatch({
          topicMessages: [...new Set(batch.map((e) => e.topic))].map((topic) => ({
            topic,
            messages: batch.filter((e) => e.topic === topic).map((e) => ({ key: e.key, value: JSON.stringify(e.envelope) })),
          })),
        });
      }
      await producer.disconnect();
      rebuild = await rebuildReadModels({ databaseUrl: rebuildUrl, kafka });
      log(`rebuild: ${rebuild.events.toLocaleString()} events in ${rebuild.seconds.toFixed(1)} s = ${rebuild.eventsPerSecond} events/s`);
    }
    const worstP95 = Math.max(...Object.values(results).map((r) => r.p95));
    log(`worst dashboard p95: ${worstP95} ms (target < 300 ms)`);
    log(JSON.stringify({ petitions: facts, generatedSeconds, loadSeconds, size, queries: results, worstP95, rebuild }));
  } finally {
    for (const stop of stops) await stop().catch(() => undefined);
    if (s.keep) log(`kept the database in ${join(dir, 'pg')}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  process.stderr.write(`bench failed: ${(err as Error).stack ?? err}\n`);
  process.exit(1);
});
