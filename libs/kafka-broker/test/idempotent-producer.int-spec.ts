import { ApiKey } from '../src/protocol/api-key';
import { ErrorCode } from '../src/protocol/error-code';
import type { KafkaReader } from '../src/protocol/kafka-reader';
import { RawKafkaClient } from './raw-kafka-client';
import { startTestBroker, uniqueName, waitFor } from './broker-test-kit';
import type { TestBroker } from './broker-test-kit';

// kafkajs's own Produce v3 encoder, so the duplicate is byte-for-byte what kafkajs would retry.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const encodeProduceV3 = require('kafkajs/src/protocol/requests/produce/v3/request') as (args: unknown) => {
  encode(): Promise<{ buffer: Buffer }>;
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const Long = require('kafkajs/src/utils/long') as { fromValue(v: string | number): unknown };

async function produceRaw(
  client: RawKafkaClient,
  o: { topic: string; producerId: number; firstSequence: number; values: string[]; transactionalId?: string },
): Promise<{ errorCode: number; baseOffset: bigint }> {
  const request = encodeProduceV3({
    acks: -1,
    timeout: 5000,
    transactionalId: o.transactionalId ?? null,
    producerId: Long.fromValue(o.producerId),
    producerEpoch: 0,
    topicData: [
      { topic: o.topic, partitions: [{ partition: 0, firstSequence: o.firstSequence, messages: o.values.map((value) => ({ value })) }] },
    ],
  });
  const { buffer } = await request.encode();
  const response = await client.request(ApiKey.Produce, 3, (w) => w.raw(buffer));
  return readProduceResponse(response);
}

function readProduceResponse(r: KafkaReader): { errorCode: number; baseOffset: bigint } {
  const [topic] = r.array((t) => {
    t.string();
    return t.array((p) => {
      p.int32();
      const errorCode = p.int16();
      const baseOffset = p.int64();
      p.int64(); // log_append_time
      return { errorCode, baseOffset };
    });
  });
  return topic[0];
}

describe('idempotent producer and transactions', () => {
  let env: TestBroker;

  beforeAll(async () => {
    env = await startTestBroker();
  });

  afterAll(async () => {
    await env.dispose();
  });

  it('works with kafkajs idempotent: true', async () => {
    const topic = uniqueName('idempotent');
    const producer = env.kafka().producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    for (let i = 0; i < 100; i += 10) {
      await producer.send({ topic, acks: -1, messages: Array.from({ length: 10 }, (_, j) => ({ key: 'k', value: `v${i + j}` })) });
    }
    await producer.disconnect();

    const consumer = env.kafka().consumer({ groupId: uniqueName('idempotent'), maxWaitTimeInMs: 100 });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    const values: string[] = [];
    await consumer.run({ eachMessage: async ({ message }) => void values.push(String(message.value)) });
    await waitFor('100 messages', () => values.length >= 100);
    await consumer.disconnect();
    expect(values).toEqual(Array.from({ length: 100 }, (_, i) => `v${i}`));
  });

  it('answers a retried batch with its original offset instead of appending it twice', async () => {
    const topic = uniqueName('dedupe');
    const admin = env.kafka().admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic }] });
    const client = await RawKafkaClient.connect(env.broker.address);
    const init = await client.request(ApiKey.InitProducerId, 1, (w) => w.string(null).int32(60_000));
    expect(init.int32()).toBe(0);
    expect(init.int16()).toBe(ErrorCode.None);
    const producerId = Number(init.int64());
    expect(init.int16()).toBe(0);

    const first = await produceRaw(client, { topic, producerId, firstSequence: 0, values: ['a', 'b', 'c'] });
    const retried = await produceRaw(client, { topic, producerId, firstSequence: 0, values: ['a', 'b', 'c'] });
    const next = await produceRaw(client, { topic, producerId, firstSequence: 3, values: ['d'] });
    expect(first).toEqual({ errorCode: 0, baseOffset: 0n });
    expect(retried).toEqual({ errorCode: 0, baseOffset: 0n });
    expect(next).toEqual({ errorCode: 0, baseOffset: 3n });
    expect(await admin.fetchTopicOffsets(topic)).toEqual([{ partition: 0, offset: '4', high: '4', low: '0' }]);

    const refused = await produceRaw(client, { topic, producerId, firstSequence: 4, values: ['e'], transactionalId: 'tx' });
    expect(refused.errorCode).toBe(ErrorCode.TransactionalIdAuthorizationFailed);
    client.close();
    await admin.disconnect();
  });

  it('hands out distinct producer ids, also after a restart', async () => {
    const ids: bigint[] = [];
    const grab = async (address: string) => {
      const client = await RawKafkaClient.connect(address);
      const r = await client.request(ApiKey.InitProducerId, 1, (w) => w.string(null).int32(60_000));
      r.int32();
      r.int16();
      ids.push(r.int64());
      client.close();
    };
    await grab(env.broker.address);
    await grab(env.broker.address);
    await env.broker.stop();
    env = await startTestBroker({ dataDir: env.dataDir });
    await grab(env.broker.address);
    expect(new Set(ids).size).toBe(3);
  });

  it('refuses transactions with a clear error', async () => {
    const producer = env
      .kafka({ retry: { retries: 1 } })
      .producer({ transactionalId: uniqueName('tx'), idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    await expect(producer.transaction()).rejects.toThrow(/Transactional Id authorization failed/i);
    await producer.disconnect();
  });
});
