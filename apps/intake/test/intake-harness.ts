import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, type Consumer } from 'kafkajs';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { Role, Topics } from '@petition/contracts';
import { bearer, bootService, eventually, migrate, startTestStack, type ServiceApp, type TestStack } from '@petition/testing';
import { createApp } from '../src/bootstrap';
import { intakeMigrations } from '../src/database/migrations';
import { withCheckDigit } from '../src/pii/resident-id';

/** Intake alone on its own database and broker, migrated (regions and categories are seeded by migration). */
export interface IntakeHarness {
  stack: TestStack;
  app: ServiceApp;
  url: string;
  sql<T = Record<string, unknown>>(query: string, params?: unknown[]): Promise<T[]>;
  /** Every message intake published on `petition.intake.v1` so far, raw. */
  published: Array<{ key: string; value: string }>;
  stop(): Promise<void>;
}

/** `env` adds to the stack's environment (e.g. attachment limits). */
export async function startIntake(env: Record<string, string> = {}): Promise<IntakeHarness> {
  const stack = await startTestStack();
  await migrate(stack.databaseUrl, 'intake', intakeMigrations);
  const ds = new DataSource({ type: 'postgres', url: stack.databaseUrl });
  await ds.initialize();
  const app = await bootService(createApp, { ...stack.env, ...env });
  const published: Array<{ key: string; value: string }> = [];
  const kafka = new Kafka({ clientId: 'intake-test-reader', brokers: [stack.kafkaBrokers], logLevel: logLevel.NOTHING });
  const consumer: Consumer = kafka.consumer({ groupId: `reader-${randomUUID()}` });
  await consumer.connect();
  await consumer.subscribe({ topic: Topics.intake, fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }) => void published.push({ key: message.key?.toString() ?? '', value: message.value?.toString() ?? '' }),
  });
  return {
    stack,
    app,
    url: app.url(),
    sql: (query, params) => ds.query(query, params),
    published,
    async stop() {
      await consumer.disconnect();
      await app.shutdown();
      await ds.destroy();
      await stack.stop();
    },
  };
}

export const clerk = bearer([Role.Clerk], null, 'clerk-1');

/** A valid resident ID unique to `n` (born 1980–1999 in 天河区). */
export function residentId(n: number): string {
  const year = 1980 + (n % 20);
  const month = String(1 + (n % 12)).padStart(2, '0');
  const day = String(1 + (n % 28)).padStart(2, '0');
  return withCheckDigit(`440106${year}${month}${day}${String(n % 1000).padStart(3, '0')}`);
}

/** A mobile number unique to `n`. */
export function mobile(n: number): string {
  return `139${String(n).padStart(8, '0').slice(-8)}`;
}

/** POST with a fresh Idempotency-Key. */
export function post(url: string, path: string, body: unknown, auth: string | null = clerk) {
  const r = request(url).post(path).set('Idempotency-Key', randomUUID());
  return (auth ? r.set('Authorization', auth) : r).send(body as object);
}

/**
 * The petitioner's lookup, `POST /api/public/petitions/lookup` with the code in the body; `from`
 * sets the client address (X-Forwarded-For, trusted from loopback) so tests can act as several people.
 */
export function lookup(url: string, p: { trackingNo: string; queryCode: string }, from?: string) {
  const r = request(url).post('/api/public/petitions/lookup');
  return (from ? r.set('X-Forwarded-For', from) : r).send({ trackingNo: p.trackingNo, queryCode: p.queryCode });
}

/** Types of the events intake published for a petition, once at least `count` have arrived. */
export async function eventsOf(
  h: IntakeHarness,
  petitionId: string,
  count: number,
): Promise<Array<{ type: string; payload: Record<string, unknown> }>> {
  return eventually(async () => {
    const events = h.published
      .filter((m) => m.key === petitionId)
      .map((m) => JSON.parse(m.value) as { type: string; payload: Record<string, unknown> });
    return events.length >= count ? events : undefined;
  });
}
