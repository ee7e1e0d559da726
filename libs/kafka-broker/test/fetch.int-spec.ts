import { ApiKey } from '../src/protocol/api-key';
import { ErrorCode } from '../src/protocol/error-code';
import type { KafkaReader } from '../src/protocol/kafka-reader';
import { batchSizeAt, readBatchHeader } from '../src/protocol/record-batch';
import { RawKafkaClient } from './raw-kafka-client';
import { startTestBroker, uniqueName, waitFor } from './broker-test-kit';
import type { TestBroker } from './broker-test-kit';

interface FetchTarget {
  topic: string;
  partition: number;
  offset: number;
  maxBytes?: number;
}

interface PartitionResult {
  topic: string;
  partition: number;
  errorCode: number;
  highWatermark: bigint;
  batches: Array<{ baseOffset: number; lastOffset: number; size: number }>;
  recordBytes: number;
}

function fetch(client: RawKafkaClient, targets: FetchTarget[], o: { maxWaitMs: number; minBytes?: number; maxBytes?: number }) {
  return client
    .request(ApiKey.Fetch, 4, (w) => {
      w.int32(-1)
        .int32(o.maxWaitMs)
        .int32(o.minBytes ?? 1)
        .int32(o.maxBytes ?? 10 * 1024 * 1024)
        .int8(1);
      // One topic entry per target, in order, so a topic may appear several times.
      w.array(targets, (tw, t) =>
        tw.string(t.topic).array([t], (pw, p) =>
          pw
            .int32(p.partition)
            .int64(p.offset)
            .int32(p.maxBytes ?? 1024 * 1024),
        ),
      );
    })
    .then(parseFetch);
}

function parseFetch(r: KafkaReader): PartitionResult[] {
  expect(r.int32()).toBe(0);
  return r
    .array((t) => {
      const topic = t.string();
      return t.array((p) => {
        const partition = p.int32();
        const errorCode = p.int16();
        const highWatermark = p.int64();
        expect(p.int64()).toBe(highWatermark);
        expect(p.array(() => 0)).toEqual([]);
        const records = p.bytes();
        const batches = [];
        for (let at = 0; at < records.length;) {
          const header = readBatchHeader(records, at);
          expect(at + batchSizeAt(records, at)).toBeLessThanOrEqual(records.length);
          batches.push({ baseOffset: header.baseOffset, lastOffset: header.baseOffset + header.lastOffsetDelta, size: header.size });
          at += header.size;
        }
        return { topic, partition, errorCode, highWatermark, batches, recordBytes: records.length };
      });
    })
    .flat();
}

describe('Fetch', () => {
  let env: TestBroker;
  let client: RawKafkaClient;

  beforeAll(async () => {
    env = await startTestBroker({ partitions: 2 });
    client = await RawKafkaClient.connect(env.broker.address);
  });

  afterAll(async () => {
    client.close();
    await env.dispose();
  });

  async function produceBatches(topic: string, batches: Array<Array<string | Buffer>>, partition = 0): Promise<void> {
    const producer = env.kafka().producer();
    await producer.connect();
    for (const values of batches) await producer.send({ topic, messages: values.map((value) => ({ value, partition })) });
    await producer.disconnect();
  }

  it('holds a fetch at the log end until an append wakes it', async () => {
    const topic = uniqueName('fetch-wake');
    await produceBatches(topic, [['first']]);
    let answered: PartitionResult[] | null = null;
    void fetch(client, [{ topic, partition: 0, offset: 1 }], { maxWaitMs: 60_000 }).then((r) => (answered = r));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(answered).toBeNull();
    await produceBatches(topic, [['second']]);
    // Far below the 60 s max wait: only the append can have answered it.
    await waitFor('the held fetch to be answered', () => answered !== null, 20_000);
    const [result] = answered as unknown as PartitionResult[];
    expect(result).toMatchObject({ topic, partition: 0, errorCode: 0, highWatermark: 2n });
    expect(result.batches.map((b) => b.baseOffset)).toEqual([1]);
  });

  it('answers with an empty record set when max wait expires', async () => {
    const topic = uniqueName('fetch-empty');
    await produceBatches(topic, [['only']]);
    const [result] = await fetch(client, [{ topic, partition: 0, offset: 1 }], { maxWaitMs: 100 });
    expect(result).toMatchObject({ errorCode: 0, highWatermark: 1n, recordBytes: 0 });
  });

  it('waits for min_bytes before answering', async () => {
    const topic = uniqueName('fetch-min-bytes');
    await produceBatches(topic, [['seed']]);
    let answered: PartitionResult[] | null = null;
    void fetch(client, [{ topic, partition: 0, offset: 1 }], { maxWaitMs: 60_000, minBytes: 3000 }).then((r) => (answered = r));
    await produceBatches(topic, [['x'.repeat(500)]]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(answered).toBeNull();
    await produceBatches(topic, [['y'.repeat(3000)]]);
    await waitFor('min bytes to be reached', () => answered !== null, 20_000);
    const [result] = answered as unknown as PartitionResult[];
    expect(result.recordBytes).toBeGreaterThanOrEqual(3000);
    expect(result.batches.map((b) => b.baseOffset)).toEqual([1, 2]);
  });

  it('mirrors the request: repeated topics, order kept, errors only where due', async () => {
    const topic = uniqueName('fetch-mirror');
    await produceBatches(topic, [['p0-a'], ['p0-b']], 0);
    await produceBatches(topic, [['p1-a']], 1);
    const results = await fetch(
      client,
      [
        { topic, partition: 1, offset: 0 },
        { topic: uniqueName('missing'), partition: 0, offset: 0 },
        { topic, partition: 0, offset: 1 },
        { topic, partition: 7, offset: 0 },
      ],
      { maxWaitMs: 5000 },
    );
    expect(results.map((r) => [r.partition, r.errorCode])).toEqual([
      [1, ErrorCode.None],
      [0, ErrorCode.UnknownTopicOrPartition],
      [0, ErrorCode.None],
      [7, ErrorCode.UnknownTopicOrPartition],
    ]);
    expect(results[0].batches.map((b) => b.baseOffset)).toEqual([0]);
    expect(results[2].batches.map((b) => b.baseOffset)).toEqual([1]);
  });

  it('reports OFFSET_OUT_OF_RANGE beyond the high watermark and below the log start', async () => {
    const topic = uniqueName('fetch-range');
    await produceBatches(topic, [['a', 'b']]);
    const results = await fetch(
      client,
      [
        { topic, partition: 0, offset: 3 },
        { topic, partition: 0, offset: -1 },
      ],
      { maxWaitMs: 5000 },
    );
    expect(results.map((r) => r.errorCode)).toEqual([ErrorCode.OffsetOutOfRange, ErrorCode.OffsetOutOfRange]);
  });

  it('starts at the batch containing the offset and returns whole batches within the limits', async () => {
    const topic = uniqueName('fetch-batches');
    await produceBatches(topic, [['a0', 'a1', 'a2', 'a3', 'a4'], ...Array.from({ length: 8 }, (_, i) => [`b${i}`.repeat(100)])]);
    const [fromMiddle] = await fetch(client, [{ topic, partition: 0, offset: 3 }], { maxWaitMs: 5000 });
    expect(fromMiddle.batches[0]).toMatchObject({ baseOffset: 0, lastOffset: 4 });
    expect(fromMiddle.batches).toHaveLength(9);

    const batchSize = fromMiddle.batches[1].size;
    const [limited] = await fetch(client, [{ topic, partition: 0, offset: 5, maxBytes: batchSize * 3 + 10 }], { maxWaitMs: 5000 });
    expect(limited.batches.map((b) => b.baseOffset)).toEqual([5, 6, 7]);
  });

  it('always returns the first batch whole, even beyond partition and response limits (KIP-74)', async () => {
    const topic = uniqueName('fetch-kip74');
    await produceBatches(topic, [[Buffer.alloc(200_000, 1)], ['small']]);
    const [result] = await fetch(client, [{ topic, partition: 0, offset: 0, maxBytes: 1000 }], { maxWaitMs: 5000, maxBytes: 1000 });
    expect(result.batches).toHaveLength(1);
    expect(result.batches[0].size).toBeGreaterThan(200_000);
    expect(result.recordBytes).toBe(result.batches[0].size);
  });
});
