import { randomUUID } from 'node:crypto';
import type { Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';
import { EventProcessor, EventPublisher, silentLogger, type MessagingLogger } from '@petition/messaging';
import { serviceDataSourceOptions } from '@petition/persistence';
import { PetitionFactsRepository } from '../read-models/petition-facts.repository';
import { ANALYTICS_CONSUMERS } from '../read-models/read-models.consumer';
import { ReadModelsService } from '../read-models/read-models.service';

/** Every table analytics derives from the topics; a rebuild empties exactly these. */
export const READ_MODEL_TABLES = [
  'petition_facts',
  'daily_volume',
  'open_backlog',
  'stage_hours',
  'petition_terms',
  'daily_terms',
  'emergency_alerts',
  'overdue_flags',
  'units',
] as const;

/** Options of {@link rebuildReadModels}. */
export interface RebuildOptions {
  databaseUrl: string;
  kafka: Kafka;
  logger?: MessagingLogger;
  /** Partitions processed at once (each stays in order). */
  concurrency?: number;
}

/** What a rebuild did. */
export interface RebuildReport {
  events: number;
  deadLettered: number;
  seconds: number;
  eventsPerSecond: number;
  /** High watermark per topic-partition the replay stopped at. */
  stoppedAt: Record<string, string>;
}

/**
 * Replays every topic from the beginning into empty read models. The read models and the
 * analytics inbox scopes are emptied in one transaction, then a consumer with a fresh group id
 * reads each partition up to the high watermark taken at the start, through the same
 * {@link EventProcessor} and projection as the live service (same inbox scopes, so when the live
 * service resumes, events the replay already applied are skipped as duplicates). Stop the analytics
 * instances first: a live consumer writing during the replay would be counted twice by nothing,
 * but would race the truncation.
 */
export async function rebuildReadModels(options: RebuildOptions): Promise<RebuildReport> {
  const logger = options.logger ?? silentLogger;
  const topics = Object.keys(ANALYTICS_CONSUMERS) as Array<keyof typeof ANALYTICS_CONSUMERS>;
  const admin = options.kafka.admin();
  await admin.connect();
  const existing = new Set(await admin.listTopics());
  const remaining = new Map<string, bigint>();
  const stoppedAt: Record<string, string> = {};
  for (const topic of topics.filter((t) => existing.has(t))) {
    for (const p of await admin.fetchTopicOffsets(topic)) {
      stoppedAt[`${topic}/${p.partition}`] = p.high;
      if (BigInt(p.high) > BigInt(p.low)) remaining.set(`${topic}/${p.partition}`, BigInt(p.high));
    }
  }
  await admin.disconnect();

  const base = serviceDataSourceOptions({
    url: options.databaseUrl,
    schema: 'analytics',
    entities: [],
    migrations: [],
    poolSize: 8,
    applicationName: 'analytics-rebuild',
  });
  // A rebuild that crashes is simply run again, so its commits need not wait for the WAL flush.
  const extra = {
    ...(base.extra as { options: string }),
    options: `${(base.extra as { options: string }).options} -c synchronous_commit=off`,
  };
  const dataSource = new DataSource({ ...base, extra } as typeof base);
  await dataSource.initialize();
  const publisher = new EventPublisher(options.kafka);
  const started = Date.now();
  let events = 0;
  let deadLettered = 0;
  try {
    await dataSource.transaction(async (manager) => {
      await manager.query(`TRUNCATE ${READ_MODEL_TABLES.join(', ')}`);
      await manager.query(`DELETE FROM inbox WHERE consumer = ANY($1)`, [Object.values(ANALYTICS_CONSUMERS)]);
    });
    if (remaining.size > 0) {
      const processor = new EventProcessor({ dataSource, publisher, groupId: 'analytics', logger });
      const projection = new ReadModelsService(new PetitionFactsRepository());
      const consumer = options.kafka.consumer({ groupId: `analytics-rebuild-${randomUUID()}` });
      await consumer.connect();
      await consumer.subscribe({ topics: topics.filter((t) => existing.has(t)), fromBeginning: true });
      await new Promise<void>((resolve, reject) => {
        consumer
          .run({
            autoCommit: false,
            partitionsConsumedConcurrently: options.concurrency ?? 6,
            eachMessage: async ({ topic, partition, message }) => {
              const key = `${topic}/${partition}`;
              const high = remaining.get(key);
              if (high === undefined || BigInt(message.offset) >= high) return;
              const outcome = await processor.process(
                { topic, partition, offset: message.offset, key: message.key, value: message.value, headers: message.headers },
                ANALYTICS_CONSUMERS[topic as keyof typeof ANALYTICS_CONSUMERS],
                (event, manager) => projection.apply(event, manager),
                { types: Object.keys(projection.handlers) },
              );
              events++;
              if (outcome === 'dead_lettered') deadLettered++;
              if (BigInt(message.offset) + 1n >= high) {
                remaining.delete(key);
                if (remaining.size === 0) resolve();
              }
            },
          })
          .catch(reject);
      });
      await consumer.disconnect();
    }
  } finally {
    await publisher.disconnect().catch(() => undefined);
    await dataSource.destroy();
  }
  const seconds = (Date.now() - started) / 1000;
  return { events, deadLettered, seconds, eventsPerSecond: Math.round(events / Math.max(seconds, 0.001)), stoppedAt };
}
