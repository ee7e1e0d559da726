import { startTestBroker, uniqueName, waitFor } from './broker-test-kit';
import type { TestBroker } from './broker-test-kit';

const TOPICS = 20;
const PARTITIONS = 6;
const CLIENTS = 25;
const SENDS_PER_CLIENT = 20;

describe('many topics, partitions and connections', () => {
  let env: TestBroker;

  beforeAll(async () => {
    // Small segments so the restart below reloads many sealed segments and their indexes.
    env = await startTestBroker({ partitions: PARTITIONS, segmentBytes: 16 * 1024 });
  });

  afterAll(async () => {
    await env.dispose();
  });

  it('serves concurrent clients across many partitions and keeps everything over a clean restart', async () => {
    const topics = Array.from({ length: TOPICS }, () => uniqueName('scale'));
    const counts = new Map<string, number>(topics.map((t) => [t, 0]));
    await Promise.all(
      Array.from({ length: CLIENTS }, async (_, c) => {
        const producer = env.kafka({ clientId: `scale-${c}` }).producer();
        await producer.connect();
        for (let s = 0; s < SENDS_PER_CLIENT; s++) {
          const topic = topics[(c * 7 + s) % TOPICS];
          const messages = Array.from({ length: 10 }, (_, i) => ({ key: `c${c}-${i}`, value: `client ${c} send ${s} #${i}` }));
          await producer.send({ topic, messages });
          counts.set(topic, (counts.get(topic) ?? 0) + messages.length);
        }
        await producer.disconnect();
      }),
    );

    const totals = async (): Promise<Map<string, number>> => {
      const admin = env.kafka().admin();
      await admin.connect();
      const result = new Map<string, number>();
      for (const topic of topics) {
        const offsets = await admin.fetchTopicOffsets(topic);
        expect(offsets).toHaveLength(PARTITIONS);
        result.set(
          topic,
          offsets.reduce((sum, p) => sum + Number(p.high), 0),
        );
      }
      await admin.disconnect();
      return result;
    };
    expect(await totals()).toEqual(counts);

    await env.broker.stop();
    env = await startTestBroker({ dataDir: env.dataDir, partitions: PARTITIONS, segmentBytes: 16 * 1024 });
    expect(await totals()).toEqual(counts);

    const consumer = env.kafka().consumer({ groupId: uniqueName('scale'), maxWaitTimeInMs: 100 });
    await consumer.connect();
    await consumer.subscribe({ topics, fromBeginning: true });
    const seen = new Set<string>();
    await consumer.run({ eachMessage: async ({ message }) => void seen.add(String(message.value)) });
    const total = [...counts.values()].reduce((a, b) => a + b, 0);
    await waitFor('every message after the restart', () => seen.size === total);
    await consumer.disconnect();
  });
});
