import { CompressionTypes } from 'kafkajs';
import type { Consumer, KafkaMessage } from 'kafkajs';
import { startTestBroker, uniqueName, waitFor } from './broker-test-kit';
import type { TestBroker } from './broker-test-kit';

describe('producer to consumer round trip', () => {
  let env: TestBroker;
  const consumers: Consumer[] = [];

  beforeAll(async () => {
    env = await startTestBroker();
  });

  afterAll(async () => {
    await Promise.all(consumers.map((c) => c.disconnect()));
    await env.dispose();
  });

  async function consumeAll(topic: string, expected: number, options: { maxBytesPerPartition?: number } = {}) {
    const consumer = env.kafka().consumer({
      groupId: uniqueName('round-trip'),
      sessionTimeout: 10_000,
      heartbeatInterval: 500,
      maxWaitTimeInMs: 200,
      ...options,
    });
    consumers.push(consumer);
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    const received: Array<KafkaMessage & { partition: number }> = [];
    await consumer.run({ eachMessage: async ({ message, partition }) => void received.push({ ...message, partition }) });
    await waitFor(`${expected} messages on ${topic}`, () => received.length >= expected);
    return received;
  }

  it('delivers keys, headers, null keys and null values in order with their offsets', async () => {
    const topic = uniqueName('basic');
    const producer = env.kafka().producer();
    await producer.connect();
    const [ack] = await producer.send({
      topic,
      messages: [
        { key: 'k1', value: 'first', headers: { trace: 'abc', multi: ['x', 'y'] } },
        { key: null, value: 'no key' },
        { key: 'k3', value: null },
        { key: 'k4', value: Buffer.from([0, 1, 2, 255]) },
      ],
    });
    await producer.disconnect();
    expect(ack).toMatchObject({ topicName: topic, partition: 0, errorCode: 0, baseOffset: '0' });

    const received = await consumeAll(topic, 4);
    expect(received.map((m) => m.offset)).toEqual(['0', '1', '2', '3']);
    expect(received[0].key?.toString()).toBe('k1');
    expect(received[0].value?.toString()).toBe('first');
    expect(received[0].headers?.trace?.toString()).toBe('abc');
    expect((received[0].headers?.multi as Buffer[]).map(String)).toEqual(['x', 'y']);
    expect(received[1].key).toBeNull();
    expect(received[2].value).toBeNull();
    expect(received[3].value).toEqual(Buffer.from([0, 1, 2, 255]));
  });

  it('stores gzip batches as sent and serves them back decodable', async () => {
    const topic = uniqueName('gzip');
    const producer = env.kafka().producer();
    await producer.connect();
    const values = Array.from({ length: 300 }, (_, i) => `gzip message ${i} ${'z'.repeat(i % 50)}`);
    for (let i = 0; i < values.length; i += 100) {
      await producer.send({
        topic,
        compression: CompressionTypes.GZIP,
        messages: values.slice(i, i + 100).map((value, j) => ({ key: `key-${i + j}`, value })),
      });
    }
    await producer.disconnect();

    const received = await consumeAll(topic, values.length);
    expect(received.map((m) => m.value?.toString())).toEqual(values);
    expect(received.map((m) => Number(m.offset))).toEqual(values.map((_, i) => i));
  });

  it('round-trips 1 MB messages, even past a smaller per-partition fetch limit (KIP-74)', async () => {
    const topic = uniqueName('large');
    const producer = env.kafka().producer();
    await producer.connect();
    const big = Array.from({ length: 3 }, (_, i) => Buffer.alloc(1_000_000, 97 + i));
    for (const value of big) await producer.send({ topic, messages: [{ key: 'big', value }] });
    await producer.disconnect();

    const received = await consumeAll(topic, 3, { maxBytesPerPartition: 64 * 1024 });
    expect(received.map((m) => m.value?.length)).toEqual([1_000_000, 1_000_000, 1_000_000]);
    received.forEach((m, i) => expect(m.value?.equals(big[i])).toBe(true));
  });

  it('stores acks=0 produces, which get no response', async () => {
    const topic = uniqueName('acks-zero');
    const producer = env.kafka().producer();
    await producer.connect();
    for (let i = 0; i < 5; i++) await producer.send({ topic, acks: 0, messages: [{ value: `fire and forget ${i}` }] });
    // An acks=1 send on the same connection is answered only after the acks=0 ones were handled.
    await producer.send({ topic, acks: 1, messages: [{ value: 'acknowledged' }] });
    await producer.disconnect();
    const received = await consumeAll(topic, 6);
    expect(received.map((m) => String(m.value))).toEqual([...Array.from({ length: 5 }, (_, i) => `fire and forget ${i}`), 'acknowledged']);
  });

  it('rejects a batch above the message size limit with MESSAGE_TOO_LARGE', async () => {
    const producer = env.kafka({ retry: { retries: 0 } }).producer();
    await producer.connect();
    const tooBig = Buffer.alloc(1_100_000, 1);
    await expect(producer.send({ topic: uniqueName('too-large'), messages: [{ value: tooBig }] })).rejects.toThrow(
      /larger than the max message size the server will accept/,
    );
    await producer.disconnect();
  });
});
