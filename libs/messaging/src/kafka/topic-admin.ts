import type { Kafka } from 'kafkajs';

/**
 * Creates the given topics when they are missing (existing ones are left as they are). Production
 * creates topics from deploy/ before the services start; this keeps the embedded stack and tests
 * on the same partition counts.
 */
export async function ensureTopics(
  kafka: Kafka,
  topics: ReadonlyArray<{ name: string; partitions: number; compacted?: boolean }>,
): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = topics.filter((t) => !existing.has(t.name));
    if (missing.length === 0) return;
    await admin.createTopics({
      waitForLeaders: true,
      topics: missing.map((t) => ({
        topic: t.name,
        numPartitions: t.partitions,
        // Event topics are the platform's history: analytics rebuilds its read models by replaying
        // them from offset 0, so they are kept forever (as in deploy/). Directory is compacted.
        configEntries: t.compacted
          ? [{ name: 'cleanup.policy', value: 'compact' }]
          : [
              { name: 'retention.ms', value: '-1' },
              { name: 'retention.bytes', value: '-1' },
            ],
      })),
    });
  } finally {
    await admin.disconnect();
  }
}
