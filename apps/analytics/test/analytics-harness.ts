import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import { Topics } from '@petition/contracts';
import { bootService, clockStartingAt, eventually, migrate, startTestStack, type ServiceApp, type TestStack } from '@petition/testing';
import { createApp } from '../src/bootstrap';
import { analyticsMigrations } from '../src/database/migrations';
import { PetitionFactsRepository } from '../src/read-models/petition-facts.repository';
import { ReadModelsService } from '../src/read-models/read-models.service';
import type { GeneratedEvent } from './petition-history';

/** How long a test waits for analytics to work through what it published (a loaded CI machine included). */
export const AWAIT_PROCESSED_MS = 120_000;

/** The events analytics acts on; the others are acknowledged without a transaction or an inbox row. */
export function handledEvents(events: GeneratedEvent[]): GeneratedEvent[] {
  const types = new Set(Object.keys(new ReadModelsService(new PetitionFactsRepository()).handlers));
  return events.filter((e) => types.has(e.envelope.type));
}

/** Analytics alone on an isolated stack; the tests play every upstream service by publishing its envelopes. */
export interface AnalyticsHarness {
  stack: TestStack;
  app: ServiceApp;
  kafka: Kafka;
  sql<T = Record<string, unknown>>(query: string, params?: unknown[]): Promise<T[]>;
  /** Publishes events; topics in the order given, so a later topic's events arrive after an earlier one's. */
  publish(events: GeneratedEvent[], topicOrder?: string[]): Promise<void>;
  /** Waits until the analytics inbox holds `count` events (count only {@link handledEvents}). */
  awaitProcessed(count: number): Promise<void>;
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/** Supervision first, intake last: every petition's later steps arrive before its registration. */
export const REVERSED_TOPICS = [Topics.supervision, Topics.handling, Topics.dispatch, Topics.directory, Topics.intake];

/**
 * Starts analytics with its clock at `clockStart` (an ISO instant with offset); a restart starts
 * it there again, so backlog ages are the same before and after.
 */
export async function startAnalytics(clockStart: string): Promise<AnalyticsHarness> {
  const stack = await startTestStack();
  await migrate(stack.databaseUrl, 'analytics', analyticsMigrations);
  const env = { ...stack.env, ...clockStartingAt(clockStart) };
  let app = await bootService(createApp, env);
  const kafka = new Kafka({ clientId: 'analytics-test', brokers: [stack.kafkaBrokers], logLevel: logLevel.NOTHING });
  const db = new Client({ connectionString: stack.databaseUrl });
  await db.connect();
  const sql = async <T>(query: string, params: unknown[] = []) => (await db.query(query, params)).rows as T[];
  return {
    stack,
    get app() {
      return app;
    },
    kafka,
    sql,
    async publish(events, topicOrder = REVERSED_TOPICS) {
      const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
      await producer.connect();
      for (const topic of topicOrder) {
        const mine = events.filter((e) => e.topic === topic);
        for (let i = 0; i < mine.length; i += 500) {
          await producer.send({
            topic,
            messages: mine
              .slice(i, i + 500)
              .map((e) => ({ key: e.key, value: JSON.stringify(e.envelope), headers: { 'event-type': e.envelope.type } })),
          });
        }
      }
      await producer.disconnect();
    },
    async awaitProcessed(count) {
      let seen = 0;
      try {
        await eventually(
          async () => {
            const [row] = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM analytics.inbox WHERE consumer LIKE 'analytics-%'`);
            seen = row.n;
            return row.n >= count ? true : undefined;
          },
          { timeoutMs: AWAIT_PROCESSED_MS, intervalMs: 250 },
        );
      } catch {
        // Say how far it got: a few short means events were dead-lettered; none means no consumer ran.
        throw new Error(`analytics processed ${seen} of ${count} events within ${AWAIT_PROCESSED_MS / 1000} s`);
      }
    },
    async restart() {
      await app.shutdown();
      app = await bootService(createApp, env);
    },
    async stop() {
      await app?.shutdown();
      await db.end();
      await stack.stop();
    },
  };
}
