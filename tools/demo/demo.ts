import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { STATUS_LABELS } from '../../apps/intake/src/petitions/status-labels';
import { DEFAULT_CONSOLE_PORT } from '../launcher/console-routes';
import { SERVICES, servicePort, type ServiceName } from '../launcher/services';
import { addDays } from './plan';
import { seedMonth, type SeedReport, type SeedTarget } from './seed-month';

const ROOT = resolve(__dirname, '../..');
/** The demo's own data: never mixed with `npm start`'s `.data/`. */
const DATA_DIR = join(ROOT, '.data', 'demo');
const MARKER = join(DATA_DIR, 'demo-seed.json');
const say = (line: string) => process.stdout.write(`[demo] ${line}\n`);

/**
 * `npm run demo`: the platform as `npm start` runs it, on a controllable clock set a month back,
 * with a month of the city's petitions seeded through the services' APIs day by day, so the staff
 * console opens on a living city: inboxes with work, deadlines in warning and overdue, reviews
 * waiting, matters closed and evaluated. Its data lives in `.data/demo`; it seeds once, and says
 * how to start over. The platform keeps running after the seeding; Ctrl-C stops it.
 *
 * DEMO_PETITIONS (150), DEMO_DAYS (30) and DEMO_SEED (1) change the month.
 */
async function main(): Promise<void> {
  const petitions = intFromEnv('DEMO_PETITIONS', 150);
  const days = intFromEnv('DEMO_DAYS', 30);
  const seed = intFromEnv('DEMO_SEED', 1);
  const dir = relative(process.cwd(), DATA_DIR) || DATA_DIR;

  if (existsSync(DATA_DIR)) {
    const marker = readMarker();
    say(
      marker?.status === 'seeded'
        ? `${dir} already holds a demo month (${marker.petitions} petitions, seeded ${marker.finishedAt}); the demo seeds only once.`
        : `${dir} exists but holds no finished demo month (${marker ? `seeding ${marker.status}` : 'not made by npm run demo'}).`,
    );
    if (marker?.status === 'seeded') say(`To see it again: PETITION_DATA_DIR=${dir} CLOCK=controllable npm start`);
    say(`To start over:   rm -rf ${dir} && npm run demo`);
    process.exit(1);
  }
  const busy = (await Promise.all(SERVICES.map(async (s) => ((await answersHealth(s.name)) ? s.name : null)))).filter(Boolean);
  if (busy.length) {
    say(`${busy.join(', ')} already answer on their ports (is npm start running?): stop the running platform first.`);
    process.exit(1);
  }

  // The month ends yesterday; the clock starts at 09:00 on its first day, Asia/Shanghai.
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  const clockStart = `${addDays(today, -days)}T09:00:00+08:00`;
  mkdirSync(DATA_DIR, { recursive: true });
  writeMarker({ status: 'seeding', clockStart, petitions, days, seed, startedAt: new Date().toISOString() });
  say(`starting the platform on a controllable clock from ${clockStart}, data in ${dir}`);

  const child = spawn(process.execPath, ['-r', '@swc-node/register', join(ROOT, 'tools', 'launcher', 'start.ts')], {
    cwd: ROOT,
    env: { ...process.env, CLOCK: 'controllable', CLOCK_START: clockStart, PETITION_DATA_DIR: DATA_DIR },
    stdio: 'inherit',
    // Its own process group: Ctrl-C reaches the demo, which forwards it once.
    detached: true,
  });
  let stopping = false;
  let failed = false;
  const exited = new Promise<number>((done) => child.once('exit', (code, signal) => done(code ?? (signal ? 1 : 0))));
  void exited.then((code) => {
    if (!stopping) say(`the platform stopped on its own (exit ${code}); see ${join(dir, 'logs')}`);
    process.exit(failed ? 1 : stopping ? 0 : code || 1);
  });
  const stop = (signal: NodeJS.Signals) => {
    stopping = true;
    forward(child, signal);
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));

  try {
    await waitHealthy(() => stopping, 180_000);
    const target = Object.fromEntries(SERVICES.map((s) => [s.name, `http://127.0.0.1:${servicePort(s.name)}`])) as unknown as SeedTarget;
    say(`seeding ${petitions} petitions over ${days} days (seed ${seed})…`);
    const report = await seedMonth(target, { petitions, days, seed, endAt: 'now', log: (line) => say(line) });
    writeMarker({ ...readMarker(), status: 'seeded', petitions: report.petitions, finishedAt: new Date().toISOString(), report });
    summarize(report, dir);
  } catch (err) {
    if (stopping) {
      say(`interrupted while seeding; ${dir} holds an unfinished month: rm -rf ${dir} to start over`);
      writeMarker({ ...readMarker(), status: 'interrupted' });
      return;
    }
    failed = true;
    say(`seeding failed: ${(err as Error).message}`);
    writeMarker({ ...readMarker(), status: 'failed', error: (err as Error).message });
    say(`the platform is stopping; to try again: rm -rf ${dir} && npm run demo`);
    stop('SIGINT');
  }
}

function summarize(r: SeedReport, dir: string): void {
  const statuses = Object.entries(r.byStatus)
    .sort((a, b) => b[1] - a[1])
    .map(([s, n]) => `${n} ${s} (${STATUS_LABELS[s as keyof typeof STATUS_LABELS] ?? s})`);
  const channels = Object.entries(r.byChannel)
    .sort((a, b) => b[1] - a[1])
    .map(([c, n]) => `${n} ${c}`);
  say(`seeded ${r.petitions} petitions from ${r.from} to ${r.to} in ${r.seconds} s:`);
  say(`  by status:   ${statuses.join(', ')}`);
  say(`  by channel:  ${channels.join(', ')}`);
  say(
    `  reviews:     ${Object.entries(r.reviews)
      .map(([s, n]) => `${n} ${s}`)
      .join(', ')}; ${r.evaluations} evaluations; appeals: ${
      Object.entries(r.appeals)
        .map(([s, n]) => `${n} ${s}`)
        .join(', ') || 'none'
    }`,
  );
  say(
    `  extensions:  ${r.steps.extension_approve ?? 0} approved by unit heads; deadlines now: ${r.deadlines.warning} in warning, ${r.deadlines.overdue} overdue`,
  );
  say(`The platform keeps running on the demo clock, now at the real time.`);
  say(`Open the staff console at http://127.0.0.1:${process.env.CONSOLE_PORT ?? DEFAULT_CONSOLE_PORT} and sign in as any demo user`);
  say(`(handlers of 天河区人民政府, 市水务局, 城管局, 人社局, 住建局 have full inboxes). Ctrl-C stops it;`);
  say(`the month stays in ${dir} (again: PETITION_DATA_DIR=${dir} CLOCK=controllable npm start; afresh: rm -rf ${dir} && npm run demo).`);
}

function forward(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.exitCode === null && child.signalCode === null) child.kill(signal);
}

async function answersHealth(name: ServiceName): Promise<boolean> {
  try {
    const res = await fetch(`http://127.0.0.1:${servicePort(name)}/health`, { signal: AbortSignal.timeout(2000) });
    return res.ok;
  } catch {
    return false;
  }
}

/** Every service answers /health (database and Kafka up), or the platform stopped, or time ran out. */
async function waitHealthy(stopped: () => boolean, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (stopped()) throw new Error('stopped');
    const up = await Promise.all(SERVICES.map((s) => answersHealth(s.name)));
    if (up.every(Boolean)) return;
    if (Date.now() > until)
      throw new Error(
        `${SERVICES.filter((_, i) => !up[i])
          .map((s) => s.name)
          .join(', ')} not healthy within ${timeoutMs / 1000} s`,
      );
    await new Promise((r) => setTimeout(r, 500));
  }
}

type Marker = Record<string, unknown> & { status?: string; petitions?: number; finishedAt?: string };

function readMarker(): Marker | null {
  try {
    return JSON.parse(readFileSync(MARKER, 'utf8')) as Marker;
  } catch {
    return null;
  }
}

function writeMarker(marker: Marker | null): void {
  writeFileSync(MARKER, JSON.stringify(marker ?? {}, null, 2) + '\n');
}

function intFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) {
    say(`${name} must be a positive integer, not "${raw}"`);
    process.exit(2);
  }
  return n;
}

main().catch((err) => {
  say(`failed: ${(err as Error).stack ?? err}`);
  process.exit(1);
});
