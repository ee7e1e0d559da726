import type { Consumer } from 'kafkajs';
import { exited, libraryPath, spawnTypeScript, startTestBroker, uniqueName, waitFor } from './broker-test-kit';
import type { TestBroker } from './broker-test-kit';

interface Delivery {
  member: string;
  /** How many times this member had joined when the message arrived. */
  epoch: number;
  key: string;
  seq: number;
}

const KEYS = 30;
const PER_PHASE = 600;

describe('consumer groups', () => {
  let env: TestBroker;

  beforeAll(async () => {
    env = await startTestBroker();
  });

  afterAll(async () => {
    await env.dispose();
  });

  it('shares partitions, rebalances on leave and on a killed member, and loses nothing', async () => {
    const topic = uniqueName('group-topic');
    const groupId = uniqueName('group');
    const admin = env.kafka().admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic, numPartitions: 6 }] });

    const deliveries: Delivery[] = [];
    const epochs = new Map<string, number>();
    const assignments = new Map<string, number[]>();
    const onJoin = (member: string, partitions: number[]): void => {
      epochs.set(member, (epochs.get(member) ?? 0) + 1);
      assignments.set(member, partitions);
    };
    const onMessage = (member: string, value: string): void => {
      const [key, seq] = value.split(':');
      deliveries.push({ member, epoch: epochs.get(member) ?? 0, key, seq: Number(seq) });
    };

    const startMember = async (member: string): Promise<Consumer> => {
      const consumer = env.kafka().consumer({ groupId, sessionTimeout: 6000, heartbeatInterval: 500, maxWaitTimeInMs: 200 });
      consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => onJoin(member, payload.memberAssignment[topic] ?? []));
      await consumer.connect();
      await consumer.subscribe({ topic, fromBeginning: true });
      await consumer.run({ eachMessage: async ({ message }) => onMessage(member, String(message.value)) });
      return consumer;
    };

    const killable = spawnTypeScript(
      libraryPath('test', 'fixtures', 'group-member.fixture.ts'),
      [env.broker.address, topic, groupId],
      (line) => {
        const event = JSON.parse(line) as { event: string; partitions?: number[]; value?: string };
        if (event.event === 'join') onJoin('killed', event.partitions ?? []);
        else onMessage('killed', event.value ?? '');
      },
    );
    const a = await startMember('a');
    const b = await startMember('b');

    const describe = async () => (await admin.describeGroups([groupId])).groups[0];
    const assignedTo = (members: string[]) => members.flatMap((m) => assignments.get(m) ?? []).sort();
    await waitFor('three members sharing six partitions', async () => {
      const group = await describe();
      return (
        group.state === 'Stable' && group.members.length === 3 && ['a', 'b', 'killed'].every((m) => (assignments.get(m) ?? []).length > 0)
      );
    });
    expect(assignedTo(['a', 'b', 'killed'])).toEqual([0, 1, 2, 3, 4, 5]);

    const producer = env.kafka().producer();
    await producer.connect();
    let produced = 0;
    const producePhase = async (): Promise<void> => {
      for (let i = 0; i < PER_PHASE; i += 50) {
        const messages = Array.from({ length: 50 }, (_, j) => {
          const n = produced + i + j;
          return { key: `k${n % KEYS}`, value: `k${n % KEYS}:${n}` };
        });
        await producer.send({ topic, messages });
      }
      produced += PER_PHASE;
    };
    const deliveredAll = (): boolean => new Set(deliveries.map((d) => d.seq)).size === produced;

    await producePhase();
    await waitFor('phase 1 delivered', deliveredAll);
    expect(new Set(deliveries.filter((d) => d.member === 'killed').map((d) => d.key)).size).toBeGreaterThan(0);

    killable.kill('SIGKILL');
    await exited(killable);
    await producePhase();
    await waitFor('phase 2 delivered after the killed member expired', deliveredAll);
    await waitFor('two members after the rebalance', async () => (await describe()).members.length === 2);
    expect(assignedTo(['a', 'b'])).toEqual([0, 1, 2, 3, 4, 5]);

    await b.disconnect();
    await producePhase();
    await waitFor('phase 3 delivered after a clean leave', deliveredAll);
    await waitFor('one member left', async () => (await describe()).members.length === 1);
    expect(assignments.get('a')).toEqual([0, 1, 2, 3, 4, 5]);

    // Per key, each member saw increasing sequence numbers within each assignment it held.
    const runs = new Map<string, number>();
    for (const d of deliveries) {
      const run = `${d.member}/${d.epoch}/${d.key}`;
      expect(d.seq).toBeGreaterThan(runs.get(run) ?? -1);
      runs.set(run, d.seq);
    }
    expect(new Set(deliveries.map((d) => d.seq)).size).toBe(3 * PER_PHASE);

    await Promise.all([a.disconnect(), producer.disconnect()]);
    expect((await describe()).state).toBe('Empty');
    await admin.disconnect();
  });
});
