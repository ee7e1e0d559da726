import { randomUUID } from 'node:crypto';
import { Module, type DynamicModule } from '@nestjs/common';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import { Client } from 'pg';
import { createLogger } from '@petition/observability';
import { Topics } from '@petition/contracts';
import { EventConsumerModule } from '@petition/messaging';
import { ServiceKitModule, createServiceApp, loadServiceConfig, type ServiceConfig } from '@petition/service-kit';
import { bootService, clockStartingAt, migrate, startTestStack, type ServiceApp, type TestStack } from '@petition/testing';
import type { Logger } from 'pino';
import { AssessmentModule } from '../src/assessment/assessment.module';
import { supervisionMigrations } from '../src/database/migrations';

/**
 * Supervision with only its assessment feature, on its own database and broker. The scenario feeds
 * supervision's own events (reviews, deliveries, evaluations, overdue flags) as if the other
 * supervision features had produced them, so those features must not also react to them; the
 * wiring is the production one (ServiceKitModule, the one consumer per topic, the real schema).
 */
@Module({})
class AssessmentOnlyModule {
  static forRoot(config: ServiceConfig, logger: Logger): DynamicModule {
    return {
      module: AssessmentOnlyModule,
      imports: [
        ServiceKitModule.forRoot({ config, logger, entities: [], migrations: supervisionMigrations }),
        AssessmentModule,
        EventConsumerModule.forTopics(Object.values(Topics)),
      ],
    };
  }
}

async function createAssessmentApp(options: { env: Record<string, string | undefined> }) {
  const config = loadServiceConfig('supervision', 3004, { ...process.env, ...options.env });
  const logger = createLogger('supervision', config.logLevel);
  return createServiceApp({
    module: AssessmentOnlyModule.forRoot(config, logger),
    config,
    logger,
    title: 'Supervision (assessment only)',
    description: 'test',
  });
}

/** The running assessment service, a producer standing in for the other services, and SQL. */
export interface AssessmentHarness {
  stack: TestStack;
  app: ServiceApp;
  url: string;
  producer: Producer;
  sql<T = Record<string, unknown>>(query: string, params?: unknown[]): Promise<T[]>;
  stop(): Promise<void>;
}

/** Starts the assessment service with its clock at `clockStart` (an ISO instant with offset). */
export async function startAssessment(clockStart: string): Promise<AssessmentHarness> {
  const stack = await startTestStack();
  await migrate(stack.databaseUrl, 'supervision', supervisionMigrations);
  const app = await bootService(createAssessmentApp, { ...stack.env, ...clockStartingAt(clockStart) });
  const db = new Client({ connectionString: stack.databaseUrl });
  await db.connect();
  const kafka = new Kafka({ clientId: `assessment-test-${randomUUID()}`, brokers: [stack.kafkaBrokers], logLevel: logLevel.NOTHING });
  const producer = kafka.producer();
  await producer.connect();
  return {
    stack,
    app,
    url: app.url(),
    producer,
    sql: async (query, params) => (await db.query(query, params as unknown[])).rows,
    async stop() {
      await producer.disconnect();
      await app.shutdown();
      await db.end();
      await stack.stop();
    },
  };
}
