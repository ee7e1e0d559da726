import { startTestBroker, uniqueName, waitFor } from './broker-test-kit';
import type { TestBroker } from './broker-test-kit';

describe('admin operations', () => {
  let env: TestBroker;

  beforeAll(async () => {
    env = await startTestBroker({ partitions: 2 });
  });

  afterAll(async () => {
    await env.dispose();
  });

  it('creates, describes, offsets, lists groups and deletes', async () => {
    const admin = env.kafka({ retry: { retries: 1 } }).admin();
    await admin.connect();
    const topic = uniqueName('admin');
    const compacted = uniqueName('admin-compacted');
    expect(
      await admin.createTopics({
        topics: [
          { topic, numPartitions: 4, replicationFactor: 3 },
          { topic: compacted, configEntries: [{ name: 'cleanup.policy', value: 'compact' }] },
        ],
      }),
    ).toBe(true);
    expect(await admin.createTopics({ topics: [{ topic, numPartitions: 4 }] })).toBe(false);
    expect(await admin.listTopics()).toEqual(expect.arrayContaining([topic, compacted]));

    const metadata = await admin.fetchTopicMetadata({ topics: [topic, compacted] });
    const partitionCounts = new Map(metadata.topics.map((t) => [t.name, t.partitions.length]));
    expect(partitionCounts).toEqual(
      new Map([
        [topic, 4],
        [compacted, 2],
      ]),
    );
    expect(metadata.topics.find((t) => t.name === topic)?.partitions[0]).toMatchObject({
      partitionErrorCode: 0,
      leader: env.broker.nodeId,
      isr: [env.broker.nodeId],
    });

    const producer = env.kafka().producer();
    await producer.connect();
    await producer.send({ topic, messages: Array.from({ length: 7 }, (_, i) => ({ value: `v${i}`, partition: i % 2 })) });
    await producer.disconnect();
    const offsets = await admin.fetchTopicOffsets(topic);
    expect(offsets.sort((a, b) => a.partition - b.partition)).toEqual([
      { partition: 0, offset: '4', high: '4', low: '0' },
      { partition: 1, offset: '3', high: '3', low: '0' },
      { partition: 2, offset: '0', high: '0', low: '0' },
      { partition: 3, offset: '0', high: '0', low: '0' },
    ]);
    const byTime = await admin.fetchTopicOffsetsByTimestamp(topic, Date.now() + 60_000);
    expect(byTime.find((p) => p.partition === 0)?.offset).toBe('4');

    const groupId = uniqueName('admin-group');
    const consumer = env.kafka().consumer({ groupId, maxWaitTimeInMs: 100, heartbeatInterval: 500 });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    let consumed = 0;
    await consumer.run({ eachMessage: async () => void consumed++ });
    await waitFor('consumption', () => consumed === 7);

    const [described] = (await admin.describeGroups([groupId])).groups;
    expect(described).toMatchObject({ groupId, state: 'Stable', protocolType: 'consumer', protocol: 'RoundRobinAssigner' });
    expect(described.members).toHaveLength(1);
    expect(described.members[0].memberAssignment.length).toBeGreaterThan(0);
    expect((await admin.listGroups()).groups).toEqual(expect.arrayContaining([{ groupId, protocolType: 'consumer' }]));
    await expect(admin.deleteGroups([groupId])).rejects.toThrow();

    await consumer.disconnect();
    const committed = await admin.fetchOffsets({ groupId, topics: [topic] });
    expect(committed[0].partitions.sort((a, b) => a.partition - b.partition).map((p) => p.offset)).toEqual(['4', '3', '-1', '-1']);
    expect((await admin.describeGroups([groupId])).groups[0]).toMatchObject({ state: 'Empty', members: [] });
    expect((await admin.describeGroups([uniqueName('never')])).groups[0]).toMatchObject({ state: 'Dead', members: [] });

    expect(await admin.deleteGroups([groupId])).toEqual([{ groupId, errorCode: 0 }]);
    expect((await admin.listGroups()).groups.map((g) => g.groupId)).not.toContain(groupId);

    await admin.deleteTopics({ topics: [topic, compacted] });
    expect(await admin.listTopics()).not.toEqual(expect.arrayContaining([topic]));
    // The admin client never asks for auto-creation.
    await expect(admin.fetchTopicMetadata({ topics: [topic] })).rejects.toThrow(/does not host this topic-partition/);
    await admin.disconnect();
  });

  it('refuses illegal topic names like Apache Kafka does', async () => {
    const admin = env.kafka({ retry: { retries: 0 } }).admin();
    await admin.connect();
    await expect(admin.createTopics({ topics: [{ topic: '{"cmd":"sum"}' }] })).rejects.toThrow(/Topic creation errors/);
    await expect(admin.createTopics({ topics: [{ topic: 'x'.repeat(250) }] })).rejects.toThrow(/Topic creation errors/);
    await expect(admin.createTopics({ topics: [{ topic: uniqueName('bad-partitions'), numPartitions: 0 }] })).rejects.toThrow(
      /Topic creation errors/,
    );
    await admin.disconnect();
  });

  it('does not auto-create topics for an all-topics request or when auto-creation is off', async () => {
    const kafka = env.kafka({ retry: { retries: 0 } });
    const admin = kafka.admin();
    await admin.connect();
    const before = await admin.listTopics();
    const consumer = kafka.consumer({ groupId: uniqueName('no-auto'), allowAutoTopicCreation: false });
    await consumer.connect();
    await expect(consumer.subscribe({ topic: uniqueName('not-there') })).rejects.toThrow(/does not host this topic-partition/);
    await consumer.disconnect();
    expect(await admin.listTopics()).toEqual(before);
    await admin.disconnect();
  });
});
