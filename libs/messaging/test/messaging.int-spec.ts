import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { DataSource } from 'typeorm';
import { createEnvelope, deadLetterTopic } from '@petition/contracts';
import { migrateServiceSchema, serviceDataSourceOptions } from '@petition/persistence';
import { eventually, startTestStack, type TestStack } from '@petition/testing';
import {
  EventProcessor,
  EventPublisher,
  OutboxRelay,
  OutboxWriter,
  PermanentEventError,
  PlatformTables1763780000000,
  silentLogger,
} from '../src';

describe('outbox relay and event processor on PostgreSQL and the broker', () => {
  let stack: TestStack;
  let ds: DataSource;
  let kafka: Kafka;
  let publisher: EventPublisher;

  beforeAll(async () => {
    stack = await startTestStack();
    await migrateServiceSchema({ url: stack.databaseUrl, schema: 'svc', entities: [], migrations: [PlatformTables1763780000000] });
    ds = new DataSource(serviceDataSourceOptions({ url: stack.databaseUrl, schema: 'svc', entities: [], migrations: [] }));
    await ds.initialize();
    kafka = new Kafka({ clientId: 'messaging-test', brokers: [stack.kafkaBrokers], logLevel: logLevel.NOTHING });
    publisher = new EventPublisher(kafka);
  });
  afterAll(async () => {
    await publisher?.disconnect();
    await ds?.destroy();
    await stack?.stop();
  });

  it('publishes committed events in order, skips rolled-back ones, and only one relay leads', async () => {
    const topic = `outbox-test-${randomUUID()}`;
    const key = randomUUID();
    const writer = new OutboxWriter();
    const relays = [1, 2].map(
      () =>
        new OutboxRelay({
          dataSource: ds,
          schema: 'svc',
          connectionString: stack.databaseUrl,
          publisher,
          logger: silentLogger,
          pollMs: 200,
        }),
    );
    relays.forEach((r) => r.start());
    for (let i = 0; i < 30; i++) {
      await ds.transaction((m) =>
        writer.append(m, {
          topic,
          key,
          envelope: createEnvelope('svc', new Date(), { type: 'test.step', petitionId: key, payload: { i } }),
        }),
      );
    }
    await ds
      .transaction(async (m) => {
        await writer.append(m, {
          topic,
          key,
          envelope: createEnvelope('svc', new Date(), { type: 'test.step', petitionId: key, payload: { i: -1 } }),
        });
        throw new Error('roll back');
      })
      .catch(() => undefined);

    const seen: number[] = [];
    const consumer = kafka.consumer({ groupId: `reader-${randomUUID()}` });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({ eachMessage: async ({ message }) => void seen.push(JSON.parse(String(message.value)).payload.i) });
    await eventually(async () => (seen.length >= 30 ? true : undefined));
    await new Promise((r) => setTimeout(r, 500));
    await consumer.disconnect();
    expect(seen).toEqual([...Array(30).keys()]);
    expect(relays.map((r) => r.publishedCount).sort((a, b) => a - b)).toEqual([0, 30]);
    expect((await ds.query('SELECT count(*)::int AS n FROM outbox'))[0].n).toBe(0);
    for (const r of relays) await r.stop();
  });

  it('skips a redelivered event, retries transient failures, and dead-letters permanent ones', async () => {
    const processor = new EventProcessor({
      dataSource: ds,
      publisher,
      groupId: `grp-${randomUUID().slice(0, 8)}`,
      logger: silentLogger,
      baseDelayMs: 10,
    });
    const event = createEnvelope('svc', new Date(), { type: 'test.thing', petitionId: randomUUID(), payload: {} });
    const message = { topic: 't', partition: 0, offset: '1', value: JSON.stringify(event) };
    let effects = 0;
    const handler = async () => void effects++;
    expect(await processor.process(message, 'h', handler)).toBe('processed');
    expect(await processor.process(message, 'h', handler)).toBe('duplicate');
    expect(effects).toBe(1);

    let attempts = 0;
    const flaky = createEnvelope('svc', new Date(), { type: 'test.thing', petitionId: randomUUID(), payload: {} });
    const outcome = await processor.process({ ...message, value: JSON.stringify(flaky) }, 'h', async (_e, m) => {
      await m.query('SELECT 1');
      if (++attempts < 3) throw new Error('database hiccup');
    });
    expect(outcome).toBe('processed');
    expect(attempts).toBe(3);

    const doomed = createEnvelope('svc', new Date(), { type: 'test.thing', petitionId: randomUUID(), payload: {} });
    expect(
      await processor.process({ ...message, value: JSON.stringify(doomed) }, 'h', async () => {
        throw new PermanentEventError('cannot ever work');
      }),
    ).toBe('dead_lettered');
    // The failed attempt left no inbox row, so the event is not silently marked done.
    expect((await ds.query('SELECT count(*)::int AS n FROM inbox WHERE event_id = $1', [doomed.eventId]))[0].n).toBe(0);
  });

  it('acknowledges event types a consumer does not handle without a transaction, but still dead-letters malformed ones', async () => {
    const groupId = `grp-${randomUUID().slice(0, 8)}`;
    const processor = new EventProcessor({ dataSource: ds, publisher, groupId, logger: silentLogger, baseDelayMs: 10 });
    let effects = 0;
    const handler = async () => void effects++;
    const wanted = createEnvelope('svc', new Date(), { type: 'test.wanted', petitionId: randomUUID(), payload: {} });
    const other = createEnvelope('svc', new Date(), { type: 'test.other', petitionId: randomUUID(), payload: {} });
    const message = { topic: 't', partition: 0, offset: '7' };
    const only = { types: ['test.wanted'] };
    expect(await processor.process({ ...message, value: JSON.stringify(other) }, 'typed', handler, only)).toBe('skipped');
    expect(await processor.process({ ...message, value: JSON.stringify(wanted) }, 'typed', handler, only)).toBe('processed');
    expect(effects).toBe(1);
    const inbox = await ds.query(`SELECT event_id FROM inbox WHERE consumer = 'typed' ORDER BY event_id`);
    expect(inbox).toEqual([{ event_id: wanted.eventId }]);

    const dlq = kafka.consumer({ groupId: `${groupId}-reader` });
    await dlq.connect();
    await dlq.subscribe({ topic: deadLetterTopic(groupId), fromBeginning: true });
    const dead: string[] = [];
    await dlq.run({ eachMessage: async ({ message: m }) => void dead.push(m.value?.toString() ?? '') });
    expect(await processor.process({ ...message, value: '{"type":"test.other"}' }, 'typed', handler, only)).toBe('dead_lettered');
    expect(await eventually(async () => (dead.length ? dead : undefined))).toEqual(['{"type":"test.other"}']);
    await dlq.disconnect();
  });
});
