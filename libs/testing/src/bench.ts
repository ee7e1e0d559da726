import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';

/** The repository root (benchmarks spawn the broker and services from it). */
const ROOT = path.resolve(__dirname, '../../..');

/**
 * A benchmark's numeric options from `--kebab-case value` pairs on the command line, over
 * `defaults`. An option the benchmark does not have is an error, so a typo is not silently
 * measured with the default.
 */
export function benchOptions<T extends { [K in keyof T]: number }>(defaults: T, argv: string[] = process.argv.slice(2)): T {
  const options: Record<string, number> = { ...defaults };
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i].replace(/^--/, '').replace(/-(\w)/g, (_, c: string) => c.toUpperCase());
    const value = Number(argv[i + 1]);
    if (!(key in options))
      throw new Error(
        `unknown option ${argv[i]} (options: ${Object.keys(defaults)
          .map((k) => `--${k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`)
          .join(', ')})`,
      );
    if (!Number.isFinite(value)) throw new Error(`${argv[i]} takes a number (got "${argv[i + 1]}")`);
    options[key] = value;
  }
  return options as T;
}

/** The nearest-rank percentile `p` (0–100) of `values` (need not be sorted). */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** A development broker running in a process of its own. */
export interface BrokerProcess {
  child: ChildProcess;
  address: string;
  stop(): Promise<void>;
}

/**
 * Starts the development broker in its own process, as the launcher runs it, so a benchmark's
 * own event loop does not share the broker's. Extra arguments (e.g. `--partitions 6`) go to its CLI.
 */
export function spawnBroker(dataDir: string, args: string[] = []): Promise<BrokerProcess> {
  const cli = path.join(ROOT, 'libs', 'kafka-broker', 'src', 'cli.ts');
  const child = spawn(process.execPath, ['-r', '@swc-node/register', cli, '--port', '0', '--data', dataDir, ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const stop = () =>
    new Promise<void>((done) => {
      if (child.exitCode !== null) return done();
      child.once('exit', () => done());
      child.kill('SIGTERM');
    });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (\S+:\d+)/.exec(output);
      if (match) resolve({ child, address: match[1], stop });
    });
    child.once('exit', (code) => reject(new Error(`broker exited with ${code} before listening:\n${output}`)));
  });
}
