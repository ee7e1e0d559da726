// The whole platform for one browser-test run, started exactly as `npm start` starts it
// (tools/launcher/start.ts: embedded PostgreSQL, the development broker, migrations, the demo city,
// the five services, the gateway serving the console through Vite), but on free ports, with its
// own data in a fresh temp directory and the controllable clock at a fixed instant. It never
// touches `.data/` or the default ports, so it runs beside `npm start`.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createConnection, createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const REPO_ROOT = resolve(__dirname, '../../../..');

/** Every port the launcher binds, by the variable that sets it (tools/launcher/start.ts, services.ts). */
const PORT_VARIABLES = [
  'POSTGRES_PORT',
  'BROKER_PORT',
  'INTAKE_PORT',
  'DISPATCH_PORT',
  'HANDLING_PORT',
  'SUPERVISION_PORT',
  'ANALYTICS_PORT',
  'CONSOLE_PORT',
] as const;
type PortVariable = (typeof PORT_VARIABLES)[number];

/** Settings that would point the launcher at another platform's database, broker or services. */
const INHERITED_ELSEWHERE = ['DATABASE_URL', 'KAFKA_BROKERS', 'INTAKE_URL', 'PORT', 'HOST', 'NODE_ENV', 'PETITION_DATA_DIR'];

export interface PlatformOptions {
  /** Where every service's controllable clock starts (`CLOCK_START`), an ISO instant with its offset. */
  clockStart: string;
  /** The launcher's output and, at the end, the services' logs are kept here. */
  logDir: string;
  /** How long the platform may take to come up. */
  startTimeoutMs?: number;
  /** How long it may take to stop after SIGINT. */
  stopTimeoutMs?: number;
}

export interface Platform {
  /** The console's origin, e.g. http://127.0.0.1:41234 */
  url: string;
  ports: Record<PortVariable, number>;
  dataDir: string;
  /** Stops the platform like Ctrl-C does; throws if it does not stop cleanly. Safe to call twice. */
  stop(): Promise<void>;
  /**
   * Moves every service's controllable clock forward (`npm run clock -- advance <duration>`, pointed
   * at this platform's ports), e.g. '10m': time passing between two steps of a user.
   */
  advanceClock(duration: string): void;
  /** The launcher's last lines of output, for failure messages. */
  tail(lines?: number): string;
}

/** Ports the kernel just handed out as free (all held at once, so they differ). */
async function freePorts(count: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<ReturnType<typeof createServer>>((done, failed) => {
          const server = createServer();
          server.once('error', failed);
          server.listen(0, '127.0.0.1', () => done(server));
        }),
    ),
  );
  const ports = servers.map((s) => (s.address() as AddressInfo).port);
  await Promise.all(servers.map((s) => new Promise<void>((done) => s.close(() => done()))));
  return ports;
}

/** Whether something accepts connections on 127.0.0.1:port. */
function listening(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.setTimeout(1000);
    socket.once('connect', () => {
      socket.destroy();
      done(true);
    });
    socket.once('timeout', () => {
      socket.destroy();
      done(false);
    });
    socket.once('error', () => done(false));
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Starts the platform; resolves once the console answers and its sign-in lists the directory's units. */
export async function startPlatform(options: PlatformOptions): Promise<Platform> {
  const startTimeoutMs = options.startTimeoutMs ?? 180_000;
  const stopTimeoutMs = options.stopTimeoutMs ?? 60_000;
  const dataDir = mkdtempSync(join(tmpdir(), 'petition-browser-'));
  const logFile = join(options.logDir, 'platform.log');
  const values = await freePorts(PORT_VARIABLES.length);
  const ports = Object.fromEntries(PORT_VARIABLES.map((name, i) => [name, values[i]])) as Record<PortVariable, number>;

  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of INHERITED_ELSEWHERE) delete env[name];
  Object.assign(env, {
    PETITION_DATA_DIR: dataDir,
    CLOCK: 'controllable',
    CLOCK_START: options.clockStart,
    ...Object.fromEntries(Object.entries(ports).map(([name, port]) => [name, String(port)])),
  });

  const launcher: ChildProcess = spawn(process.execPath, ['-r', '@swc-node/register', join('tools', 'launcher', 'start.ts')], {
    cwd: REPO_ROOT,
    env,
    // Its own process group, like a terminal's foreground job: SIGINT to the group is Ctrl-C.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const pid = launcher.pid;
  if (pid === undefined) throw new Error('the launcher did not start (no pid)');

  const lines: string[] = [];
  let exit: { code: number | null; signal: NodeJS.Signals | null } | null = null;
  const exited = new Promise<void>((done) =>
    launcher.once('exit', (code, signal) => {
      exit = { code, signal };
      done();
    }),
  );
  const record = (chunk: Buffer, stream: 'out' | 'err') => {
    const text = chunk.toString('utf8');
    appendFileSync(logFile, text);
    for (const line of text.split('\n').filter(Boolean)) {
      lines.push(line);
      if (lines.length > 400) lines.shift();
      // The launcher's own lines say what is up; the services' stderr stays in the log file.
      if (stream === 'out' && line.startsWith('[platform]')) process.stdout.write(`  ${line}\n`);
    }
  };
  launcher.stdout?.on('data', (c: Buffer) => record(c, 'out'));
  launcher.stderr?.on('data', (c: Buffer) => record(c, 'err'));
  const tail = (n = 30) => lines.slice(-n).join('\n');

  let stopping: Promise<void> | null = null;
  const running = () => exit === null;
  const exitText = () => (exit ? describeExit(exit) : 'still running');
  const emergencyStop = () => {
    // The test process is exiting without having stopped the platform (Ctrl-C: node:test exits at
    // once): Ctrl-C the launcher and, synchronously since nothing async runs any more, wait for its
    // process group to end before removing the data.
    if (!running()) return;
    try {
      process.kill(-pid, 'SIGINT');
    } catch {
      return;
    }
    const tick = new Int32Array(new SharedArrayBuffer(4));
    for (const until = Date.now() + stopTimeoutMs; Date.now() < until; Atomics.wait(tick, 0, 0, 200)) {
      if (!groupAlive(pid)) {
        rmSync(dataDir, { recursive: true, force: true });
        return;
      }
    }
    process.stderr.write(
      `the platform (process group ${pid}) did not stop within ${stopTimeoutMs / 1000} s of SIGINT; data in ${dataDir}\n`,
    );
  };
  process.once('exit', emergencyStop);

  const stop = (): Promise<void> =>
    (stopping ??= (async () => {
      process.off('exit', emergencyStop);
      const problems: string[] = [];
      if (!running()) {
        problems.push(`the launcher had already exited (${exitText()}) before the tests ended`);
      } else {
        process.kill(-pid, 'SIGINT');
        let timer: NodeJS.Timeout | undefined;
        const stopped = await Promise.race([
          exited.then(() => true),
          new Promise<boolean>((done) => (timer = setTimeout(() => done(false), stopTimeoutMs))),
        ]);
        clearTimeout(timer);
        if (!stopped) {
          try {
            process.kill(-pid, 'SIGKILL');
          } catch {
            /* gone meanwhile */
          }
          await exited;
          problems.push(`the launcher did not stop within ${stopTimeoutMs / 1000} s of SIGINT; its process group was killed`);
        } else if (exit?.code !== 0) {
          problems.push(`the launcher exited with ${exitText()} after SIGINT`);
        }
      }
      // The services run in process groups of their own: the launcher must have stopped each of them.
      const until = Date.now() + 15_000;
      let open: PortVariable[] = [...PORT_VARIABLES];
      while (open.length && Date.now() < until) {
        const still = await Promise.all(open.map(async (name) => ((await listening(ports[name])) ? name : null)));
        open = still.filter((n): n is PortVariable => n !== null);
        if (open.length) await sleep(250);
      }
      if (open.length)
        problems.push(
          `still listening after the launcher stopped: ${open.map((n) => `${n}=${ports[n]}`).join(', ')} (left running; find them with ss -ltnp)`,
        );
      const logs = join(dataDir, 'logs');
      if (existsSync(logs)) cpSync(logs, join(options.logDir, 'logs'), { recursive: true });
      if (problems.length) {
        throw new Error(
          `the platform did not stop cleanly:\n- ${problems.join('\n- ')}\ndata kept in ${dataDir}; launcher output in ${logFile}\n${tail()}`,
        );
      }
      rmSync(dataDir, { recursive: true, force: true });
    })());

  // Up when the launcher names the console's URL; down if it exits, reports a failure, or takes too long.
  const consoleLine = new RegExp(`^\\[platform\\]\\s+console\\s+(http://\\S+)`);
  const url = await new Promise<string>((done, failed) => {
    const timer = setTimeout(() => finish(new Error(`the platform did not come up within ${startTimeoutMs / 1000} s`)), startTimeoutMs);
    const watch = (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n')) {
        const m = consoleLine.exec(line.trim());
        if (m) return finish(null, m[1]);
        if (line.includes('console not started:') || line.includes('failed to start')) return finish(new Error(line.trim()));
      }
    };
    const gone = () => finish(new Error(`the launcher exited while starting (${exitText()})`));
    function finish(error: Error | null, found?: string) {
      clearTimeout(timer);
      launcher.stdout?.off('data', watch);
      launcher.stderr?.off('data', watch);
      launcher.off('exit', gone);
      if (error) failed(error);
      else done(found as string);
    }
    launcher.stdout?.on('data', watch);
    launcher.stderr?.on('data', watch);
    launcher.once('exit', gone);
  }).catch(async (error: Error) => {
    await stop().catch(() => undefined);
    throw new Error(`${error.message}\nlauncher output (${logFile}):\n${tail()}`);
  });

  // The development sign-in reads the units from dispatch's directory: wait until it lists them.
  const ready = Date.now() + 30_000;
  for (;;) {
    try {
      const res = await fetch(`${url}/auth/dev/users`);
      if (res.ok && ((await res.json()) as Array<{ unitId: string | null }>).some((u) => u.unitId)) break;
    } catch {
      /* not yet */
    }
    if (Date.now() > ready) {
      await stop().catch(() => undefined);
      throw new Error(`the console's sign-in at ${url}/auth/dev/users did not list the directory's units within 30 s\n${tail()}`);
    }
    await sleep(250);
  }

  const advanceClock = (duration: string) => {
    const moved = spawnSync(process.execPath, ['-r', '@swc-node/register', join('tools', 'launcher', 'clock.ts'), 'advance', duration], {
      cwd: REPO_ROOT,
      env,
      encoding: 'utf8',
    });
    if (moved.status !== 0) throw new Error(`npm run clock -- advance ${duration} failed:\n${moved.stdout}${moved.stderr}`);
  };

  return { url, ports, dataDir, stop, advanceClock, tail };
}

/**
 * Whether a process of group `pgid` still runs. Read from /proc rather than with kill(-pgid, 0): the
 * launcher, our child, stays a zombie until the event loop reaps it, which a synchronous wait never lets
 * happen.
 */
function groupAlive(pgid: number): boolean {
  let entries: string[];
  try {
    entries = readdirSync('/proc').filter((e) => /^\d+$/.test(e));
  } catch {
    return false; // no /proc: nothing more to do than the SIGINT already sent
  }
  return entries.some((entry) => {
    try {
      // pid (comm) state ppid pgrp …; comm may hold spaces and parentheses, so split after the last ')'.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return Number(pgrp) === pgid && state !== 'Z';
    } catch {
      return false; // gone meanwhile
    }
  });
}

function describeExit(exit: { code: number | null; signal: NodeJS.Signals | null }): string {
  return exit.signal ? `signal ${exit.signal}` : `code ${exit.code}`;
}
