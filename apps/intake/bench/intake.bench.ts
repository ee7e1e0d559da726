import { spawnSync, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import autocannon from 'autocannon';
import { DEV_JWT_SECRET, signStaffToken } from '@petition/auth';
import { Role } from '@petition/contracts';
import { startEmbeddedPostgres } from '@petition/persistence';
import { benchOptions, freePort, type ServiceProcess, spawnBroker, spawnService } from '@petition/testing';
import { withCheckDigit } from '../src/pii/resident-id';

/*
 * Intake benchmark: `npm run bench:intake [-- --seconds 20 --connections 8]`. On the embedded stack — PostgreSQL, the development broker
 * in its own process, intake as a child process started as the launcher does, migrated — it
 * drives `POST /api/petitions` with autocannon: every request a new petitioner (ID number and
 * phone encrypted and hashed, repeat detection queried, emergency detection, tracking number,
 * outbox events) with its own Idempotency-Key. Prints registrations/s and latency percentiles,
 * then one JSON line.
 */
const ROOT = path.resolve(__dirname, '../../..');

interface Settings {
  seconds: number;
  connections: number;
}

const MIX: Array<[category: string, region: string, title: string, content: string]> = [
  ['URBAN.DRAINAGE', '440106001', '小区门口道路积水', '每逢下雨，小区门口道路积水严重，影响居民出行，请求尽快疏通排水管道。'],
  ['LABOR.WAGES', '440106002', '工地拖欠工资', '在工地做钢筋工，包工头拖欠三个月工资共四万多元不给，请求劳动监察部门处理。'],
  ['ENV.NOISE', '440105001', '夜间施工噪音', '地铁施工工地每晚十二点后还在打桩，噪音吵得居民无法入睡，请求查处夜间违规施工。'],
  ['HOUSING.PROPERTY', '440104001', '物业擅自涨价', '物业公司未经业主大会同意擅自上调物业费，请求主管部门依法处理。'],
  ['TRANSPORT.ROADS', '440103001', '路面坑洼', '路口路面坑洼不平，电动车经过容易摔倒，请求尽快修补路面。'],
];

async function main(): Promise<void> {
  const s = benchOptions<Settings>({ seconds: 20, connections: 8 });
  const root = mkdtempSync(path.join(tmpdir(), 'intake-bench-'));
  const postgres = await startEmbeddedPostgres({ dataDir: path.join(root, 'pg'), port: await freePort() });
  let intake: ServiceProcess | undefined;
  let broker: ChildProcess | undefined;
  try {
    const databaseUrl = await postgres.ensureDatabase('intake_bench');
    const b = await spawnBroker(path.join(root, 'kafka'));
    broker = b.child;
    const migrated = spawnSync(process.execPath, ['-r', '@swc-node/register', path.join(ROOT, 'tools', 'launcher', 'migrate.ts')], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl },
      encoding: 'utf8',
    });
    if (migrated.status !== 0) throw new Error(`migrate failed: ${migrated.stderr}`);
    intake = await spawnService('intake', {
      DATABASE_URL: databaseUrl,
      DATABASE_POOL_SIZE: String(s.connections + 4),
      ...(process.env.OTEL_SDK_DISABLED ? { OTEL_SDK_DISABLED: process.env.OTEL_SDK_DISABLED } : {}),
      KAFKA_BROKERS: b.address,
      LOG_LEVEL: 'warn',
      NODE_ENV: 'development',
    });
    await intake.ready();
    const token = signStaffToken({ sub: 'bench-clerk', roles: [Role.Clerk], unitId: null }, DEV_JWT_SECRET, '1h');

    let n = 0;
    const body = () => {
      n++;
      const [categoryCode, regionCode, title, content] = MIX[n % MIX.length];
      const id = withCheckDigit(
        `440106${1960 + (n % 40)}${String(1 + (n % 12)).padStart(2, '0')}${String(1 + (n % 28)).padStart(2, '0')}${String(n % 1000).padStart(3, '0')}`,
      );
      return JSON.stringify({
        channel: 'visit',
        petitionerName: `市民${n}`,
        petitionerIdNumber: id,
        petitionerPhone: `13${String(100000000 + n).slice(-9)}`,
        title,
        content,
        categoryCode,
        regionCode,
      });
    };
    // Warm up the connection pool, the JIT and the segmenter's dictionary.
    await autocannon({
      url: intake.url,
      connections: 4,
      duration: 3,
      requests: [
        {
          method: 'POST',
          path: '/api/petitions',
          setupRequest: (req) => ({
            ...req,
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'idempotency-key': randomUUID() },
            body: body(),
          }),
        },
      ],
    });
    const result = await autocannon({
      url: intake.url,
      connections: s.connections,
      duration: s.seconds,
      requests: [
        {
          method: 'POST',
          path: '/api/petitions',
          setupRequest: (req) => ({
            ...req,
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'idempotency-key': randomUUID() },
            body: body(),
          }),
        },
      ],
    });
    const ok = result['2xx'];
    const summary = {
      seconds: s.seconds,
      connections: s.connections,
      registrations: ok,
      registrationsPerSecond: Math.round(ok / s.seconds),
      non2xx: result.non2xx,
      errors: result.errors,
      latencyMs: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max },
      cpus: (await import('node:os')).cpus().length,
    };
    process.stdout.write(
      `intake registrations: ${summary.registrationsPerSecond}/s over ${s.seconds}s with ${s.connections} connections (${ok} ok, ${summary.non2xx} non-2xx, ${summary.errors} errors)\n` +
        `latency ms: p50 ${summary.latencyMs.p50}  p90 ${summary.latencyMs.p90}  p99 ${summary.latencyMs.p99}  max ${summary.latencyMs.max}\n` +
        `${JSON.stringify(summary)}\n`,
    );
  } finally {
    await intake?.kill('SIGTERM');
    broker?.kill('SIGTERM');
    await postgres.stop();
    rmSync(root, { recursive: true, force: true });
  }
}

main().catch((err) => {
  process.stderr.write(`${(err as Error).stack ?? err}\n`);
  process.exit(1);
});
