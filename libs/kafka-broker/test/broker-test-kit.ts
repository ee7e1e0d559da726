import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import type { KafkaConfig } from 'kafkajs';
import { startBroker } from '../src';
import type { BrokerOptions, RunningBroker } from '../src';

/** A broker of a test's own, in a fresh temporary directory. */
export interface TestBroker {
  broker: RunningBroker;
  dataDir: string;
  kafka(config?: Partial<KafkaConfig>): Kafka;
  /** Stops the broker and removes its directory. */
  dispose(): Promise<void>;
}

const quietLogger = { info: () => undefined, warn: () => undefined, error: (m: string) => console.error(m) };

/** Creates a fresh temporary data directory. */
export function freshDataDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'kafka-broker-test-'));
}

/** kafkajs against `address`, silent unless KAFKAJS_LOG is set, with small retries. */
export function kafkaClient(address: string, config: Partial<KafkaConfig> = {}): Kafka {
  return new Kafka({
    clientId: 'broker-test',
    brokers: [address],
    logLevel: process.env.KAFKAJS_LOG ? logLevel.INFO : logLevel.NOTHING,
    retry: { retries: 5, initialRetryTime: 100, maxRetryTime: 1000 },
    ...config,
  });
}

/** Starts an in-process broker on a free port over a fresh directory. */
export async function startTestBroker(options: Partial<BrokerOptions> = {}): Promise<TestBroker> {
  const dataDir = options.dataDir ?? freshDataDir();
  const broker = await startBroker({ port: 0, logger: quietLogger, ...options, dataDir });
  return {
    broker,
    dataDir,
    kafka: (config) => kafkaClient(broker.address, config),
    dispose: async () => {
      await broker.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

let counter = 0;

/** A topic or group name no other test uses. */
export function uniqueName(prefix: string): string {
  counter += 1;
  return `${prefix}-${process.pid}-${Date.now().toString(36)}-${counter}`;
}

/** Polls `check` until it returns true, failing with `what` after `timeoutMs`. */
export async function waitFor(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Absolute path of a file in the library. */
export function libraryPath(...parts: string[]): string {
  return path.join(__dirname, '..', ...parts);
}

/**
 * Runs a TypeScript file of this library in a child Node process (swc-node register), with
 * its stdout delivered line by line to `onLine`.
 */
export function spawnTypeScript(file: string, args: string[], onLine: (line: string) => void): ChildProcess {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', file, ...args], {
    cwd: path.join(__dirname, '..', '..', '..'),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let pending = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    pending += chunk.toString();
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    lines.forEach(onLine);
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    if (process.env.KAFKAJS_LOG) process.stderr.write(chunk);
  });
  return child;
}

/** Resolves when the child has exited. */
export function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}
