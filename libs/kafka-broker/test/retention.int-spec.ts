import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import { startTestBroker, uniqueName, waitFor } from './broker-test-kit';
import type { TestBroker } from './broker-test-kit';

function segmentCount(dataDir: string, topic: string): number {
  const topicsDir = path.join(dataDir, 'topics');
  const dir = readdirSync(topicsDir).find((d) => d.startsWith(`${topic}-`)) as string;
  return readdirSync(path.join(topicsDir, dir, '0')).filter((f) => f.endsWith('.log')).length;
}

describe('retention', () => {
  let env: TestBroker;

  beforeAll(async () => {
    env = await startTestBroker({ segmentBytes: 4096, retention: { maxBytes: 16_384, checkIntervalMs: 100 } });
  });

  afterAll(async () => {
    await env.dispose();
  });

  it('deletes old segments by size, advances the log start, and resets consumers that fell behind', async () => {
    const topic = uniqueName('retention-size');
    const groupId = uniqueName('retention-group');
    const admin = env.kafka().admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic }] });

    const early = env.kafka().consumer({ groupId, maxWaitTimeInMs: 100 });
    await early.connect();
    await early.subscribe({ topic, fromBeginning: true });
    await early.run({ autoCommit: false, eachMessage: async () => undefined });
    const producer = env.kafka().producer();
    await producer.connect();
    await producer.send({ topic, messages: [{ value: 'first' }] });
    await early.commitOffsets([{ topic, partition: 0, offset: '0' }]);
    await early.disconnect();

    for (let i = 1; i < 200; i++) await producer.send({ topic, messages: [{ key: `k${i}`, value: `message ${i} ${'x'.repeat(200)}` }] });
    await producer.disconnect();

    // About 16 KiB of 4 KiB segments survive, plus the active one.
    await waitFor('segments to be deleted', () => segmentCount(env.dataDir, topic) <= 6);
    const [{ low, high }] = await admin.fetchTopicOffsets(topic);
    expect(high).toBe('200');
    expect(Number(low)).toBeGreaterThan(100);

    // The group's committed offset 0 is gone now: Fetch answers OFFSET_OUT_OF_RANGE and kafkajs resets to the log start.
    const late = env.kafka().consumer({ groupId, maxWaitTimeInMs: 100 });
    await late.connect();
    await late.subscribe({ topic, fromBeginning: true });
    const offsets: number[] = [];
    await late.run({ eachMessage: async ({ message }) => void offsets.push(Number(message.offset)) });
    await waitFor('the retained messages', () => offsets.length === 200 - Number(low));
    await late.disconnect();
    expect(offsets).toEqual(Array.from({ length: 200 - Number(low) }, (_, i) => Number(low) + i));
    await admin.disconnect();
  });

  it('deletes data older than retention.ms, the active segment included', async () => {
    const topic = uniqueName('retention-age');
    const admin = env.kafka().admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic, configEntries: [{ name: 'retention.ms', value: '60000' }] }] });
    const producer = env.kafka().producer();
    await producer.connect();
    const hourAgo = String(Date.now() - 3_600_000);
    await producer.send({ topic, messages: Array.from({ length: 5 }, (_, i) => ({ value: `old ${i}`, timestamp: hourAgo })) });
    await waitFor('old data to expire', async () => (await admin.fetchTopicOffsets(topic))[0].low === '5');
    await producer.send({ topic, messages: [{ value: 'fresh' }] });
    expect(await admin.fetchTopicOffsets(topic)).toEqual([{ partition: 0, offset: '6', high: '6', low: '5' }]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await admin.fetchTopicOffsets(topic))[0].low).toBe('5');
    await producer.disconnect();
    await admin.disconnect();
  });
});
