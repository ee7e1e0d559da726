import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import {
  EVALUATION_RECORDED,
  EVALUATION_SUBMITTED,
  PETITION_CLOSED,
  REPLY_DELIVERED,
  Satisfaction,
  Topics,
  type EvaluationSubmittedPayload,
} from '@petition/contracts';
import { eventually } from '@petition/testing';
import { clerk, startFlowFixture, type FlowFixture } from './reviews-flow.fixture';

const MONDAY = '2026-11-23T09:00:00+08:00';

describe('callbacks and petitioners’ evaluations', () => {
  let f: FlowFixture;
  const unitId = randomUUID();

  beforeAll(async () => {
    f = await startFlowFixture(MONDAY);
  });
  afterAll(async () => {
    await f?.stop();
  });

  async function delivered(petitionId: string, round = 1): Promise<string> {
    const reply = await f.reply(petitionId, unitId, round);
    const review = await f.pendingReview(reply.replyId);
    await f.post(`/api/reviews/${review.id}/approve`, { delivery: 'online' }).expect(200);
    await f.event(REPLY_DELIVERED, petitionId, round - 1);
    return reply.replyId;
  }

  function submitted(petitionId: string, satisfaction: Satisfaction, solved: boolean) {
    const payload: EvaluationSubmittedPayload = {
      petitionId,
      trackingNo: '440106-20261123-000009',
      satisfaction,
      solved,
      comment: '',
      submittedAt: MONDAY,
    };
    return f.publish(Topics.intake, EVALUATION_SUBMITTED, petitionId, payload);
  }

  it('records the petitioner’s evaluation from intake; the latest one counts, all are kept, the matter closes once', async () => {
    const petitionId = randomUUID();
    const replyId = await delivered(petitionId);
    const callback = await f
      .post(
        '/api/evaluations',
        { petitionId, satisfaction: 'dissatisfied', solved: false, method: 'visit', summary: '上门回访，信访人不满意。' },
        clerk,
      )
      .expect(201);
    await f.event(PETITION_CLOSED, petitionId);
    const sent = await submitted(petitionId, Satisfaction.BasicallySatisfied, true);
    const fromPetitioner = await f.event(EVALUATION_RECORDED, petitionId, 1);
    expect(fromPetitioner).toMatchObject({
      causationId: sent.eventId,
      payload: { source: 'petitioner', satisfaction: 'basically_satisfied', solved: true, replyId, round: 1, unitId },
    });

    const list = await f.get(`/api/evaluations?petitionId=${petitionId}`).expect(200);
    expect(list.body.items.map((e: { id: string; current: boolean; source: string }) => [e.source, e.current])).toEqual([
      ['callback', false],
      ['petitioner', true],
    ]);
    expect(list.body.items[0].id).toBe(callback.body.id);
    const byUnit = await f.get(`/api/evaluations?unitId=${unitId}&limit=200`).expect(200);
    expect(byUnit.body.items.length).toBeGreaterThanOrEqual(2);
    expect(f.published.filter((e) => e.type === PETITION_CLOSED && e.petitionId === petitionId)).toHaveLength(1);
  });

  it('after a new round is delivered, evaluations name that round and the newest counts', async () => {
    const petitionId = randomUUID();
    await delivered(petitionId);
    await f
      .post('/api/evaluations', {
        petitionId,
        satisfaction: 'dissatisfied',
        solved: false,
        method: 'phone',
        summary: '不满意，要求重新处理。',
      })
      .expect(201);
    const round2 = await delivered(petitionId, 2);
    const again = await f
      .post('/api/evaluations', { petitionId, satisfaction: 'satisfied', solved: true, method: 'phone', summary: '重新处理后满意。' })
      .expect(201);
    expect(again.body).toMatchObject({ round: 2, replyId: round2, current: true });
    const closed = await f.event(PETITION_CLOSED, petitionId, 1);
    expect(closed.payload).toMatchObject({ petitionId });
    const list = await f.get(`/api/evaluations?petitionId=${petitionId}`).expect(200);
    expect(list.body.items.filter((e: { current: boolean }) => e.current)).toEqual([
      expect.objectContaining({ id: again.body.id, round: 2 }),
    ]);
  });

  it('retries an evaluation of an undelivered reply, then dead-letters it without recording anything', async () => {
    const petitionId = randomUUID();
    const reply = await f.reply(petitionId, unitId);
    await f.pendingReview(reply.replyId);
    const sent = await submitted(petitionId, Satisfaction.Satisfied, true);

    const kafka = new Kafka({ clientId: 'evaluations-dlq-reader', brokers: [f.stack.kafkaBrokers], logLevel: logLevel.NOTHING });
    const consumer = kafka.consumer({ groupId: `dlq-reader-${randomUUID()}` });
    const dead: string[] = [];
    await consumer.connect();
    await consumer.subscribe({ topic: 'supervision.dlq', fromBeginning: true });
    await consumer.run({ eachMessage: async ({ message }) => void dead.push(message.value?.toString() ?? '') });
    await eventually(async () => (dead.some((v) => v.includes(sent.eventId)) ? true : undefined), { timeoutMs: 30000 });
    await consumer.disconnect();
    const list = await f.get(`/api/evaluations?petitionId=${petitionId}`).expect(200);
    expect(list.body.items).toEqual([]);
    expect(f.published.some((e) => e.petitionId === petitionId)).toBe(false);
  });
});
