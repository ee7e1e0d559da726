import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { startBroker } from '@petition/kafka-broker';

/** An isolated slice of the test infrastructure for one test file. */
export interface TestStack {
  /** A database of its own on the shared embedded PostgreSQL. */
  databaseUrl: string;
  /** A development broker of its own, in this process. */
  kafkaBrokers: string;
  /** Environment for services started on this stack. */
  env: Record<string, string>;
  stop(): Promise<void>;
}

/**
 * Gives a test file its own database (on the run's embedded PostgreSQL) and its own broker, so
 * consumer groups and schemas of different files never meet, while every file still runs on the
 * real database and the real Kafka protocol.
 */
export async function startTestStack(): Promise<TestStack> {
  const baseUrl = process.env.TEST_DATABASE_URL;
  if (!baseUrl) throw new Error('TEST_DATABASE_URL is not set: run through Jest (its global setup starts PostgreSQL)');
  const name = `t_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const databaseUrl = baseUrl.replace(/\/[^/]+$/, `/${name}`);
  const dir = mkdtempSync(join(tmpdir(), 'petition-broker-'));
  const broker = await startBroker({ port: 0, dataDir: dir, partitions: 3 });
  return {
    databaseUrl,
    kafkaBrokers: broker.address,
    // A crashed consumer's partitions move on after 10 s instead of production's 30 s.
    env: {
      DATABASE_URL: databaseUrl,
      KAFKA_BROKERS: broker.address,
      KAFKA_SESSION_TIMEOUT_MS: '10000',
      KAFKA_HEARTBEAT_INTERVAL_MS: '1000',
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
      NODE_ENV: 'test',
    },
    async stop() {
      await broker.stop();
      rmSync(dir, { recursive: true, force: true });
      const c = new Client({ connectionString: baseUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
      await c.end();
    },
  };
}
