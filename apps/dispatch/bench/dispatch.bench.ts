import { spawnSync, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import * as path from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { DataSource } from 'typeorm';
import { DEV_JWT_SECRET, signStaffToken } from '@petition/auth';
import {
  Channel,
  Nature,
  PETITION_ASSIGNED,
  PETITION_REGISTERED,
  Role,
  Topics,
  createEnvelope,
  toOffsetIso,
  type PetitionRegisteredPayload,
} from '@petition/contracts';
import { serviceDataSourceOptions, startEmbeddedPostgres } from '@petition/persistence';
import { benchOptions, freePort, percentile, type ServiceProcess, spawnBroker, spawnService } from '@petition/testing';
import { UnitEntity } from '../src/directory/entities/unit.entity';
import { RoutingRuleEntity } from '../src/routing/entities/routing-rule.entity';
import { RoutingRepository } from '../src/routing/routing.repository';
import { RoutingService } from '../src/routing/routing.service';

/*
 * Dispatch benchmark: `node -r @swc-node/register apps/dispatch/bench/dispatch.bench.ts
 * [-- --rate 100 --seconds 30 --routing-seconds 5 --direct 0]`. On the embedded stack — PostgreSQL, the
 * development broker in its own process, intake and dispatch as child processes started exactly
 * as the launcher does, migrated and seeded with the demo city — it measures:
 *  1. routing decisions/s: RoutingService against the seeded rule table, 16 concurrent callers;
 *  2. registered → assigned latency: petitions registered through intake's HTTP API at `rate`/s,
 *     from intake's 201 (registration committed) until `petition.assigned` for it arrives on
 *     petition.dispatch.v1 (dispatch consumed, routed, committed, relayed).
 * With `--direct 1` the events are published straight to petition.intake.v1 as intake's relay
 * would, and latency runs from the broker's ack: dispatch alone, without intake's HTTP path.
 * Prints a table and one JSON line.
 */
const ROOT = path.resolve(__dirname, '../../..');

interface Settings {
  /** 1: publish `petition.registered` straight to the broker (dispatch alone, no intake). */
  direct: number;
  rate: number;
  seconds: number;
  routingSeconds: number;
}

/** Routed categories and regions across the tree, so routing works through every fallback level. */
const MIX: Array<[category: string, region: string, nature: Nature]> = [
  ['URBAN.DRAINAGE', '440106001', Nature.Claim],
  ['URBAN.DRAINAGE', '440104001', Nature.Claim],
  ['ENV.NOISE', '440105001', Nature.Claim],
  ['LABOR.WAGES', '440112003', Nature.Claim],
  ['COMMUNITY.NEIGHBOR_DISPUTE', '440103005', Nature.Claim],
  ['TRANSPORT.ROADS', '440111010', Nature.Claim],
  ['HOUSING.PROPERTY', '440113002', Nature.Claim],
  ['EDU.ENROLLMENT', '440118003', Nature.Suggestion],
  ['MARKET.FOOD', '440114002', Nature.Claim],
  ['LAW.LITIGATION', '440104002', Nature.Claim],
  ['HOUSING.EXPROPRIATION', '440115004', Nature.Claim],
  ['COMMUNITY.OWNERS_COMMITTEE', '440106012', Nature.Claim],
];

/** CPU seconds used so far by the process whose command line contains `needle` (Linux /proc), or NaN. */
function cpuSecondsOf(needle: string): number {
  try {
    for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!cmd.includes(needle)) continue;
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      return (Number(fields[11]) + Number(fields[12])) / 100;
    }
  } catch {
    /* not Linux */
  }
  return Number.NaN;
}

/** Routing decisions per second against the seeded rules, `concurrency` callers in parallel. */
async function routingThroughput(databaseUrl: string, seconds: number, concurrency = 16): Promise<number> {
  const ds = new DataSource({
    ...serviceDataSourceOptions({ url: databaseUrl, schema: 'dispatch', entities: [RoutingRuleEntity, UnitEntity], migrations: [] }),
  });
  await ds.initialize();
  const routing = new RoutingService(new RoutingRepository(ds));
  let decisions = 0;
  const until = Date.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async (_, w) => {
      for (let i = w; Date.now() < until; i += concurrency) {
        const [categoryCode, regionCode, nature] = MIX[i % MIX.length];
        await routing.route(ds.manager, { nature, categoryCode, regionCode, headcount: 1, emergency: false }, new Date());
        decisions++;
      }
    }),
  );
  await ds.destroy();
  return decisions / seconds;
}

async function main(): Promise<void> {
  const s = benchOptions<Settings>({ direct: 0, rate: 100, seconds: 30, routingSeconds: 5 });
  const root = mkdtempSync(path.join(tmpdir(), 'dispatch-bench-'));
  const postgres = await startEmbeddedPostgres({ dataDir: path.join(root, 'pg'), port: await freePort() });
  const services: ServiceProcess[] = [];
  let broker: ChildProcess | undefined;
  try {
    const databaseUrl = await postgres.ensureDatabase('dispatch_bench');
    const b = await spawnBroker(path.join(root, 'kafka'), ['--partitions', '6']);
    broker = b.child;
    const migrated = spawnSync(
      process.execPath,
      ['-r', '@swc-node/register', path.join(ROOT, 'tools', 'launcher', 'migrate.ts'), '--seed-demo'],
      {
        cwd: ROOT,
        env: { ...process.env, DATABASE_URL: databaseUrl },
        encoding: 'utf8',
      },
    );
    if (migrated.status !== 0) throw new Error(`migrate failed: ${migrated.stderr}`);
    const env = { DATABASE_URL: databaseUrl, KAFKA_BROKERS: b.address, LOG_LEVEL: 'warn', NODE_ENV: 'development' };
    const intake = s.direct ? null : await spawnService('intake', env);
    const dispatch = await spawnService('dispatch', env);
    services.push(...(intake ? [intake] : []), dispatch);
    await Promise.all(services.map((p) => p.ready()));

    const routingPerSecond = await routingThroughput(databaseUrl, s.routingSeconds);

    const seen = new Map<string, number>();
    /** Dispatch's own processing instant (payload.assignedAt), to split the latency into routing and publishing. */
    const routedAt = new Map<string, number>();
    /** When `petition.registered` reached petition.intake.v1 (intake's outbox relay has published it). */
    const onIntakeTopic = new Map<string, number>();
    const kafka = new Kafka({ clientId: 'dispatch-bench', brokers: [b.address], logLevel: logLevel.NOTHING });
    const producer = kafka.producer();
    await producer.connect();
    const consumer = kafka.consumer({ groupId: 'dispatch-bench' });
    await consumer.connect();
    await consumer.subscribe({ topics: [Topics.dispatch, Topics.intake], fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        const env = JSON.parse(message.value?.toString() ?? '{}') as { type: string; petitionId: string; payload: { assignedAt: string } };
        if (env.type === PETITION_REGISTERED && !onIntakeTopic.has(env.petitionId)) onIntakeTopic.set(env.petitionId, performance.now());
        if (env.type === PETITION_ASSIGNED && !seen.has(env.petitionId)) {
          seen.set(env.petitionId, performance.now());
          routedAt.set(env.petitionId, Date.parse(env.payload.assignedAt) - Date.now() + performance.now());
        }
      },
    });

    const clerk = `Bearer ${signStaffToken({ sub: 'bench-clerk', roles: [Role.Clerk], unitId: null }, DEV_JWT_SECRET, '2h')}`;
    const runId = Date.now().toString(36);
    const registeredAt = new Map<string, number>();
    let failures = 0;
    const publish = async (i: number): Promise<void> => {
      const [categoryCode, regionCode, nature] = MIX[i % MIX.length];
      const petitionId = randomUUID();
      const payload: PetitionRegisteredPayload = {
        petitionId,
        trackingNo: `${regionCode.slice(0, 6)}-20261122-${String(i % 1e6).padStart(6, '0')}`,
        channel: Channel.Hotline,
        nature,
        title: `基准测试 ${i}`,
        categoryCode,
        regionCode,
        petitionerRef: 'ptr_bench',
        petitionerNameMasked: '测*',
        headcount: 1,
        emergency: false,
        accusedUnitId: null,
        registeredAt: toOffsetIso(new Date()),
      };
      await producer.send({
        topic: Topics.intake,
        acks: -1,
        messages: [
          {
            key: petitionId,
            value: JSON.stringify(createEnvelope('intake', new Date(), { type: PETITION_REGISTERED, petitionId, payload })),
          },
        ],
      });
      registeredAt.set(petitionId, performance.now());
    };
    const register = async (i: number): Promise<void> => {
      if (!intake) return publish(i);
      const [categoryCode, regionCode, nature] = MIX[i % MIX.length];
      const res = await fetch(`${intake.url}/api/petitions`, {
        method: 'POST',
        headers: { Authorization: clerk, 'Content-Type': 'application/json', 'Idempotency-Key': `bench-${i}-${runId}` },
        body: JSON.stringify({
          channel: 'hotline',
          nature,
          petitionerName: '测试人',
          title: `基准测试 ${i}`,
          content: '基准测试内容',
          categoryCode,
          regionCode,
        }),
      });
      const at = performance.now();
      if (res.status !== 201) {
        if (failures++ === 0) process.stderr.write(`first failed registration: ${res.status} ${await res.text()}\n`);
        return;
      }
      registeredAt.set(((await res.json()) as { id: string }).id, at);
    };

    // Warm-up (JIT, connection pools, consumer group), not measured: it ends when dispatch has
    // assigned every warm-up petition, so the measured run starts on a joined, warm consumer.
    await Promise.all(Array.from({ length: 50 }, (_, i) => register(1_000_000 + i)));
    const warmUntil = Date.now() + 60_000;
    while (Date.now() < warmUntil && [...registeredAt.keys()].some((id) => !seen.has(id))) await new Promise((r) => setTimeout(r, 100));
    registeredAt.clear();

    const dispatchMain = path.join('apps', 'dispatch', 'src', 'main.ts');
    const cpuBefore = cpuSecondsOf(dispatchMain);
    const total = s.rate * s.seconds;
    const start = performance.now();
    const inflight: Array<Promise<void>> = [];
    for (let i = 0; i < total; i++) {
      const due = start + (i * 1000) / s.rate;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      inflight.push(register(i));
    }
    await Promise.all(inflight);
    const offeredSeconds = (performance.now() - start) / 1000;
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline && [...registeredAt.keys()].some((id) => !seen.has(id))) await new Promise((r) => setTimeout(r, 100));
    const dispatchCpuMsPerPetition = ((cpuSecondsOf(dispatchMain) - cpuBefore) * 1000) / Math.max(1, registeredAt.size);
    await consumer.disconnect();
    await producer.disconnect();

    // Where the time goes: intake's commit → its relay publishes → dispatch routes → dispatch's relay publishes.
    const measured = [...registeredAt].filter(([id]) => routedAt.has(id) && onIntakeTopic.has(id));
    const legs: Array<[string, number[]]> = [
      ['registered → on petition.intake.v1', measured.map(([id, at]) => (onIntakeTopic.get(id) as number) - at)],
      [
        'on petition.intake.v1 → routed in dispatch',
        measured.map(([id]) => (routedAt.get(id) as number) - (onIntakeTopic.get(id) as number)),
      ],
      ['routed → on petition.dispatch.v1', measured.map(([id]) => (seen.get(id) as number) - (routedAt.get(id) as number))],
    ];
    for (const [leg, values] of legs)
      process.stdout.write(
        `breakdown ${leg}: p50 ${Math.round(percentile(values, 50))} ms, p99 ${Math.round(percentile(values, 99))} ms\n`,
      );
    // p99 per 5-second window of registration, to tell a steady tail from a start-up one.
    const windows = new Map<number, number[]>();
    for (const [id, at] of registeredAt)
      if (seen.has(id))
        windows.set(Math.floor((at - start) / 5000), [
          ...(windows.get(Math.floor((at - start) / 5000)) ?? []),
          (seen.get(id) as number) - at,
        ]);
    process.stdout.write(
      `p99 per 5 s window ms: ${[...windows.entries()]
        .sort((a, b) => a[0] - b[0])
        .map(([, l]) => Math.round(percentile(l, 99)))
        .join(' ')}\n`,
    );
    const latencies = [...registeredAt].filter(([id]) => seen.has(id)).map(([id, at]) => Math.max(0, (seen.get(id) as number) - at));
    const result = {
      routingDecisionsPerSecond: Math.round(routingPerSecond),
      offeredRate: s.rate,
      achievedRate: Math.round((registeredAt.size / offeredSeconds) * 10) / 10,
      registered: registeredAt.size,
      assigned: latencies.length,
      failures,
      dispatchCpuMsPerPetition: Math.round(dispatchCpuMsPerPetition * 10) / 10,
      machineCpus: cpus().length,
      latencyMs: {
        p50: Math.round(percentile(latencies, 50)),
        p95: Math.round(percentile(latencies, 95)),
        p99: Math.round(percentile(latencies, 99)),
        max: Math.round(Math.max(...latencies)),
      },
    };
    process.stdout.write(
      [
        `routing decisions/s (16 callers, seeded rules)   ${result.routingDecisionsPerSecond}`,
        `petitions registered ${s.direct ? '(direct to broker)' : 'via intake       '}         ${result.registered} at ${result.achievedRate}/s (offered ${s.rate}/s), ${failures} failed`,
        `assigned within 60 s                              ${result.assigned}`,
        `registered → assigned latency ms                  p50 ${result.latencyMs.p50}  p95 ${result.latencyMs.p95}  p99 ${result.latencyMs.p99}  max ${result.latencyMs.max}`,
        `dispatch CPU per petition (ms; ${result.machineCpus} CPUs)             ${result.dispatchCpuMsPerPetition}`,
        `target p99 < 1000 ms                              ${result.latencyMs.p99 < 1000 && result.assigned === result.registered ? 'met' : 'NOT met'}`,
        JSON.stringify(result),
        '',
      ].join('\n'),
    );
  } finally {
    for (const p of services) await p.kill('SIGTERM');
    broker?.kill('SIGTERM');
    await postgres.stop();
    rmSync(root, { recursive: true, force: true });
  }
}

main().catch((err) => {
  process.stderr.write(`dispatch bench failed: ${(err as Error).stack ?? err}\n`);
  process.exit(1);
});
