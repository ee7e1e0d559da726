import type { ChildProcess } from 'node:child_process';
import { appendFileSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Kafka } from 'kafkajs';
import { batchSizeAt } from '../src/protocol/record-batch';
import { exited, freshDataDir, kafkaClient, libraryPath, spawnTypeScript, startTestBroker, uniqueName, waitFor } from './broker-test-kit';

interface Acked {
  partition: number;
  offset: number;
  value: string;
}

/** Starts the CLI broker in a child process and waits for its "listening on" line. */
async function startCliBroker(dataDir: string): Promise<{ child: ChildProcess; address: string }> {
  let address = '';
  const child = spawnTypeScript(libraryPath('src', 'cli.ts'), ['--port', '0', '--data', dataDir], (line) => {
    const match = /listening on (\S+:\d+)/.exec(line);
    if (match) address = match[1];
  });
  await waitFor('the CLI broker to listen', () => address !== '' || child.exitCode !== null);
  if (address === '') throw new Error(`broker exited with ${child.exitCode}`);
  return { child, address };
}

/** Reads every message of a topic from the beginning with a fresh group. */
async function readAll(kafka: Kafka, topic: string, expected: number): Promise<Map<string, string>> {
  const consumer = kafka.consumer({ groupId: uniqueName('reader'), maxWaitTimeInMs: 100, heartbeatInterval: 500 });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  const seen = new Map<string, string>();
  await consumer.run({
    eachMessage: async ({ partition, message }) => void seen.set(`${partition}:${message.offset}`, String(message.value)),
  });
  await waitFor(`${expected} messages of ${topic}`, () => seen.size >= expected);
  await consumer.disconnect();
  return seen;
}

function segmentFile(dataDir: string, topic: string, partition: number): string {
  const topicsDir = path.join(dataDir, 'topics');
  const dir = readdirSync(topicsDir).find((d) => d.startsWith(`${topic}-`)) as string;
  const partitionDir = path.join(topicsDir, dir, String(partition));
  const log = readdirSync(partitionDir)
    .filter((f) => f.endsWith('.log'))
    .sort()
    .pop() as string;
  return path.join(partitionDir, log);
}

describe('durability', () => {
  it('keeps committed offsets across consumer restarts (with fsync always)', async () => {
    const env = await startTestBroker({ fsync: 'always' });
    const topic = uniqueName('restart');
    const groupId = uniqueName('restart-group');
    const producer = env.kafka().producer();
    await producer.connect();
    await producer.send({ topic, messages: Array.from({ length: 10 }, (_, i) => ({ value: `m${i}` })) });

    const firstRun: string[] = [];
    const first = env.kafka().consumer({ groupId, maxWaitTimeInMs: 100, heartbeatInterval: 500 });
    await first.connect();
    await first.subscribe({ topic, fromBeginning: true });
    await first.run({ eachMessage: async ({ message }) => void firstRun.push(String(message.value)) });
    await waitFor('first run', () => firstRun.length === 10);
    await first.disconnect();

    await producer.send({ topic, messages: Array.from({ length: 5 }, (_, i) => ({ value: `n${i}` })) });
    const secondRun: string[] = [];
    const second = env.kafka().consumer({ groupId, maxWaitTimeInMs: 100, heartbeatInterval: 500 });
    await second.connect();
    await second.subscribe({ topic, fromBeginning: true });
    await second.run({ eachMessage: async ({ message }) => void secondRun.push(String(message.value)) });
    await waitFor('second run', () => secondRun.length === 5);
    await second.disconnect();
    await producer.disconnect();

    expect(firstRun).toEqual(Array.from({ length: 10 }, (_, i) => `m${i}`));
    expect(secondRun).toEqual(Array.from({ length: 5 }, (_, i) => `n${i}`));
    await env.dispose();
  });

  it('loses no acks=-1 message and no committed offset when the broker is killed with SIGKILL', async () => {
    const dataDir = freshDataDir();
    let broker = await startCliBroker(dataDir);
    let kafka = kafkaClient(broker.address);
    const topic = uniqueName('kill');
    const streamTopic = uniqueName('kill-stream');
    const groupId = uniqueName('kill-group');
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({
      topics: [
        { topic, numPartitions: 3 },
        { topic: streamTopic, numPartitions: 2 },
      ],
    });

    const producer = kafka.producer();
    await producer.connect();
    const acked: Acked[] = [];
    const record = (values: string[], results: Array<{ partition: number; baseOffset?: string }>, partition: number) =>
      results.forEach((r) => values.forEach((value, i) => acked.push({ partition, offset: Number(r.baseOffset) + i, value })));
    for (let batch = 0; batch < 30; batch++) {
      const partition = batch % 3;
      const values = Array.from({ length: 20 }, (_, i) => `b${batch}-${i}`);
      record(values, await producer.send({ topic, acks: -1, messages: values.map((value) => ({ value, partition })) }), partition);
    }

    const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 100, heartbeatInterval: 500 });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({ autoCommit: false, eachMessage: async () => undefined });
    await consumer.commitOffsets([
      { topic, partition: 0, offset: '57' },
      { topic, partition: 1, offset: '3' },
      { topic, partition: 2, offset: '200' },
    ]);
    await consumer.disconnect();

    // A producer keeps writing while the broker dies; whatever it got acknowledged must survive.
    const streamAcked: Acked[] = [];
    let streaming = true;
    const stream = (async () => {
      const streamer = kafkaClient(broker.address, { retry: { retries: 0 } }).producer();
      await streamer.connect();
      for (let n = 0; streaming; n++) {
        const values = Array.from({ length: 10 }, (_, i) => `s${n}-${i}`);
        const partition = n % 2;
        try {
          const results = await streamer.send({ topic: streamTopic, acks: -1, messages: values.map((value) => ({ value, partition })) });
          results.forEach((r) => values.forEach((value, i) => streamAcked.push({ partition, offset: Number(r.baseOffset) + i, value })));
        } catch {
          break;
        }
      }
      await streamer.disconnect().catch(() => undefined);
    })();
    await waitFor('the stream to be under way', () => streamAcked.length >= 500);
    broker.child.kill('SIGKILL');
    await exited(broker.child);
    streaming = false;
    await stream;
    await Promise.all([producer.disconnect().catch(() => undefined), admin.disconnect().catch(() => undefined)]);

    broker = await startCliBroker(dataDir);
    kafka = kafkaClient(broker.address);
    const after = kafka.admin();
    await after.connect();
    const offsets = await after.fetchOffsets({ groupId, topics: [topic] });
    expect(offsets[0].partitions.sort((x, y) => x.partition - y.partition).map((p) => p.offset)).toEqual(['57', '3', '200']);
    const seen = await readAll(kafka, topic, acked.length);
    acked.forEach((a) => expect(seen.get(`${a.partition}:${a.offset}`)).toBe(a.value));
    const streamSeen = await readAll(kafka, streamTopic, streamAcked.length);
    streamAcked.forEach((a) => expect(streamSeen.get(`${a.partition}:${a.offset}`)).toBe(a.value));

    // The recovered broker keeps appending after the recovered data.
    const resumed = kafka.producer();
    await resumed.connect();
    const [next] = await resumed.send({ topic, messages: [{ value: 'after restart', partition: 0 }] });
    expect(Number(next.baseOffset)).toBe(acked.filter((a) => a.partition === 0).length);
    await Promise.all([resumed.disconnect(), after.disconnect()]);
    broker.child.kill('SIGTERM');
    await exited(broker.child);
    expect(broker.child.exitCode).toBe(0);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('truncates a torn or corrupt tail on recovery, never serves it, and appends after it', async () => {
    let env = await startTestBroker();
    const { dataDir } = env;
    const topic = uniqueName('torn');
    const producer = env.kafka().producer();
    await producer.connect();
    for (let i = 0; i < 10; i++) await producer.send({ topic, messages: [{ value: `v${i}` }] });
    await producer.disconnect();
    await env.broker.stop();

    const file = segmentFile(dataDir, topic, 0);
    const contents = readFileSync(file);
    let lastBatchStart = 0;
    for (let at = 0; at < contents.length; at += batchSizeAt(contents, at)) lastBatchStart = at;
    const lastBatchSize = contents.length - lastBatchStart;
    // A corrupt last batch (one flipped payload byte) followed by half of a duplicate batch.
    const corrupted = Buffer.from(contents);
    corrupted[corrupted.length - 3] ^= 0xff;
    writeFileSync(file, corrupted);
    appendFileSync(file, contents.subarray(0, 40));
    const goodBytes = contents.length - lastBatchSize;

    env = await startTestBroker({ dataDir });
    expect(statSync(file).size).toBe(goodBytes);
    const admin = env.kafka().admin();
    await admin.connect();
    expect(await admin.fetchTopicOffsets(topic)).toEqual([{ partition: 0, offset: '9', high: '9', low: '0' }]);
    await admin.disconnect();

    const appender = env.kafka().producer();
    await appender.connect();
    const [ack] = await appender.send({ topic, messages: [{ value: 'fresh' }] });
    await appender.disconnect();
    expect(ack.baseOffset).toBe('9');
    const seen = await readAll(env.kafka(), topic, 10);
    expect([...seen.values()]).toEqual([...Array.from({ length: 9 }, (_, i) => `v${i}`), 'fresh']);
    await env.dispose();
  });

  it('recovers the offset journal after a torn write', async () => {
    let env = await startTestBroker();
    const { dataDir } = env;
    const topic = uniqueName('journal');
    const groupId = uniqueName('journal-group');
    const admin = env.kafka().admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic }] });
    await admin.disconnect();
    const producer = env.kafka().producer();
    await producer.connect();
    await producer.send({ topic, messages: Array.from({ length: 50 }, (_, i) => ({ value: `m${i}` })) });
    await producer.disconnect();
    const consumer = env.kafka().consumer({ groupId, maxWaitTimeInMs: 100 });
    await consumer.connect();
    await consumer.subscribe({ topic });
    await consumer.run({ autoCommit: false, eachMessage: async () => undefined });
    await consumer.commitOffsets([{ topic, partition: 0, offset: '42' }]);
    await consumer.disconnect();
    await env.broker.stop();
    appendFileSync(path.join(dataDir, 'offsets', 'commits.journal'), Buffer.from([0, 0, 1, 0, 9, 9]));

    env = await startTestBroker({ dataDir });
    const reader = env.kafka().admin();
    await reader.connect();
    const [offsets] = await reader.fetchOffsets({ groupId, topics: [topic] });
    expect(offsets.partitions).toEqual([{ partition: 0, offset: '42', metadata: null }]);
    await reader.disconnect();
    await env.dispose();
  });

  it('locks the data directory against a second broker and takes over a stale lock', async () => {
    const env = await startTestBroker();
    await expect(startTestBroker({ dataDir: env.dataDir })).rejects.toThrow(/in use/);
    await env.broker.stop();
    // A lock naming a process that no longer exists, as kill -9 leaves it.
    writeFileSync(path.join(env.dataDir, '.lock'), '999999999');
    const again = await startTestBroker({ dataDir: env.dataDir });
    await again.dispose();
  });
});
