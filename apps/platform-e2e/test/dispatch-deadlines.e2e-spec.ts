import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import request from 'supertest';
import { Channel, Nature, PETITION_REGISTERED, Role, Topics, createEnvelope, type PetitionRegisteredPayload } from '@petition/contracts';
import { bearer, bootService, clockStartingAt, eventually, startTestStack, type ServiceApp, type TestStack } from '@petition/testing';
import { createApp as createDispatch } from '../../dispatch/src/bootstrap';
import { unitIdFor } from '../../dispatch/src/directory/seed/stable-id';
import { prepareDatabase } from './platform.fixture';

describe("dispatch's own deadlines on the demo clock", () => {
  let stack: TestStack;
  let dispatch: ServiceApp;
  let producer: Producer;
  const dispatcher = bearer([Role.Dispatcher]);
  const admin = bearer([Role.Admin]);
  /** Monday 23 November 2026, 09:00 in Guangzhou. */
  const MONDAY = '2026-11-23T09:00:00+08:00';

  async function register(fields: Partial<PetitionRegisteredPayload>): Promise<string> {
    const petitionId = randomUUID();
    const payload: PetitionRegisteredPayload = {
      petitionId,
      trackingNo: '440106-20261123-000001',
      channel: Channel.Visit,
      nature: Nature.Claim,
      title: '测试事项',
      categoryCode: 'URBAN.DRAINAGE',
      regionCode: '440106001',
      petitionerRef: 'ptr_test',
      petitionerNameMasked: '李*',
      headcount: 1,
      emergency: false,
      accusedUnitId: null,
      registeredAt: MONDAY,
      ...fields,
    };
    await producer.send({
      topic: Topics.intake,
      messages: [
        {
          key: petitionId,
          value: JSON.stringify(createEnvelope('intake', new Date(MONDAY), { type: PETITION_REGISTERED, petitionId, payload })),
        },
      ],
    });
    return petitionId;
  }

  beforeAll(async () => {
    stack = await startTestStack();
    await prepareDatabase(stack);
    dispatch = await bootService(createDispatch, { ...stack.env, ...clockStartingAt(MONDAY) });
    producer = new Kafka({ clientId: 'dispatch-deadlines-e2e', brokers: [stack.kafkaBrokers], logLevel: logLevel.NOTHING }).producer();
    await producer.connect();
  });
  afterAll(async () => {
    await producer?.disconnect();
    await dispatch?.shutdown();
    await stack?.stop();
  });

  it('fixes acceptance and return windows in working days, refuses a late return, and shows the queue past its triage deadline', async () => {
    const assigned = await register({});
    const queued = await register({ categoryCode: 'EDU.SCHOOL' });
    const a = await eventually(async () => {
      const res = await request(dispatch.url()).get(`/api/assignments?petitionId=${assigned}`).set('Authorization', dispatcher).expect(200);
      return res.body.items[0];
    });
    // Start day not counted: 3 working days end Thursday 24:00, 5 working days end the next Monday 24:00.
    expect(a.acceptDue).toBe('2026-11-27T00:00:00+08:00');
    expect(a.returnDue).toBe('2026-12-01T00:00:00+08:00');
    const entry = await eventually(async () => {
      const res = await request(dispatch.url()).get('/api/dispatch-queue').set('Authorization', dispatcher).expect(200);
      return res.body.items.find((q: { petitionId: string }) => q.petitionId === queued);
    });
    expect(entry).toMatchObject({ triageDue: '2026-11-25T00:00:00+08:00', overdue: false });

    await request(dispatch.url()).put('/internal/clock').set('Authorization', admin).send({ set: '2026-12-01T09:00:00+08:00' }).expect(200);
    const late = await request(dispatch.url())
      .post(`/api/assignments/${a.id}/returns`)
      .set('Authorization', bearer([Role.UnitHead], unitIdFor('GZ-440106')))
      .set('Idempotency-Key', randomUUID())
      .send({ reason: '超期退回' })
      .expect(422);
    expect(late.body.code).toBe('RETURN_WINDOW_CLOSED');
    const overdue = await request(dispatch.url()).get('/api/dispatch-queue?overdue=true').set('Authorization', dispatcher).expect(200);
    expect(overdue.body.items.find((q: { petitionId: string }) => q.petitionId === queued)).toMatchObject({ overdue: true });
  });
});
