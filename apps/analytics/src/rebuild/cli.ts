import { createKafka } from '@petition/messaging';
import { createLogger } from '@petition/observability';
import { rebuildReadModels } from './rebuild-read-models';

/**
 * `npm run analytics:rebuild`: replays every topic into fresh analytics read models. Stop the
 * analytics service first. Reads DATABASE_URL (required) and KAFKA_BROKERS (default: the
 * embedded development broker, 127.0.0.1:19092).
 */
async function main(): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    process.stderr.write('analytics:rebuild: DATABASE_URL is required\n');
    process.exit(2);
  }
  const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:19092')
    .split(',')
    .map((b) => b.trim())
    .filter(Boolean);
  const logger = createLogger('analytics-rebuild', process.env.LOG_LEVEL ?? 'warn');
  const kafka = createKafka({ brokers, clientId: 'analytics-rebuild' }, logger);
  process.stdout.write(`rebuilding analytics read models from ${brokers.join(',')} …\n`);
  const report = await rebuildReadModels({ databaseUrl, kafka, logger });
  process.stdout.write(
    `replayed ${report.events} events in ${report.seconds.toFixed(1)} s (${report.eventsPerSecond} events/s), ${report.deadLettered} dead-lettered\n`,
  );
}

main().catch((err) => {
  process.stderr.write(`analytics rebuild failed: ${(err as Error).stack ?? err}\n`);
  process.exit(1);
});
