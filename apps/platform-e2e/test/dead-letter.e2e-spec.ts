import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import request from 'supertest';
import { Channel, Nature, PETITION_REGISTERED, Role, Topics, createEnvelope, type PetitionRegisteredPayload } from '@petition/contracts';
import { bearer, bootService, eventually, startTestStack, type ServiceApp, type TestStack } from '@petition/testing';
import { createApp as createDispatch } from '../../dispatch/src/bootstrap';
import { prepareDatabase } from './platform.fixture';

describe('a consumer meeting malformed events', () => {
  let stack: TestStack;
  let dispatch: ServiceApp;
  let kafka: Kafka;

  beforeAll(async () => {
    stack = await startTestStack();
    await prepareDatabase(stack);
    dispatch = await bootService(createDispatch, stack.env);
    kafka = new Kafka({ clientId: 'dlq-test', brokers: [stack.kafkaBrokers], logLevel: logLevel.NOTHING });
  });
  afterAll(async () => {
    await dispatch?.shutdown();
    await stack?.stop();
  });

  it('sends each to dispatch.dlq with the error, and goes on with the next ones', async () => {
    const petitionId = randomUUID();
    const payload: PetitionRegisteredPayload = {
      petitionId,
      trackingNo: '440106-20261122-900001',
      channel: Channel.Online,
      nature: Nature.Claim,
      title: '拖欠工资',
      categoryCode: 'LABOR.WAGES',
      regionCode: '440106',
      petitionerRef: 'ptr_test',
      petitionerNameMasked: '王*',
      headcount: 1,
      emergency: false,
      accusedUnitId: null,
      registeredAt: '2026-11-22T10:00:00+08:00',
    };
    const valid = createEnvelope('intake', new Date(), { type: PETITION_REGISTERED, petitionId, payload });
    const badPayload = createEnvelope('intake', new Date(), {
      type: PETITION_REGISTERED,
      petitionId: randomUUID(),
      payload: { ...payload, channel: 'pigeon', regionCode: 'x' },
    });
    const producer = kafka.producer();
    await producer.connect();
    // All on the same key, so they share a partition and the valid one waits behind the poison ones.
    await producer.send({
      topic: Topics.intake,
      messages: [
        { key: petitionId, value: 'this is not json {' },
        { key: petitionId, value: JSON.stringify({ eventId: 'nope', type: 42 }) },
        { key: petitionId, value: JSON.stringify(badPayload) },
        { key: petitionId, value: JSON.stringify(valid) },
      ],
    });
    await producer.disconnect();

    const assignment = await eventually(async () => {
      const res = await request(dispatch.url())
        .get(`/api/assignments?petitionId=${petitionId}`)
        .set('Authorization', bearer([Role.Dispatcher]))
        .expect(200);
      return res.body.items[0];
    });
    expect(assignment.leadUnitId).toBeDefined();

    const consumer = kafka.consumer({ groupId: `dlq-reader-${randomUUID()}` });
    const dead: Array<{ value: string; error: { message: string; issues: Array<{ field: string }> }; sourceTopic: string }> = [];
    await consumer.connect();
    await consumer.subscribe({ topic: 'dispatch.dlq', fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        dead.push({
          value: message.value?.toString() ?? '',
          error: JSON.parse(message.headers?.['dlq-error']?.toString() ?? '{}'),
          sourceTopic: message.headers?.['dlq-source-topic']?.toString() ?? '',
        });
      },
    });
    await eventually(async () => (dead.length >= 3 ? true : undefined));
    await consumer.disconnect();
    expect(dead).toHaveLength(3);
    expect(dead.every((d) => d.sourceTopic === Topics.intake)).toBe(true);
    expect(dead[0]).toMatchObject({ value: 'this is not json {', error: { message: 'event value is not JSON' } });
    expect(dead[1].error.issues.map((i) => i.field)).toEqual(expect.arrayContaining(['eventId', 'type']));
    expect(dead[2].error.issues.map((i) => i.field)).toEqual(expect.arrayContaining(['payload.channel', 'payload.regionCode']));
  });
});
