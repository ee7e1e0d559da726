import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, type Consumer, type Producer } from 'kafkajs';
import request from 'supertest';
import {
  PETITION_REPLIED,
  REVIEW_APPROVED,
  REVIEW_RETURNED,
  Role,
  Topics,
  WORK_ITEM_REWORK_STARTED,
  createEnvelope,
  toOffsetIso,
  type DeadlineRef,
  type EventEnvelope,
  type PetitionRepliedPayload,
  type ReviewApprovedPayload,
  type ReviewReturnedPayload,
  type WorkItemReworkStartedPayload,
} from '@petition/contracts';
import { computeDue, defaultRuleSet, loadCalendar } from '@petition/deadlines';
import { bearer, eventually } from '@petition/testing';
import { unitIdFor } from '../../dispatch/src/directory/seed/stable-id';
import { startPlatform, type Platform } from './platform.fixture';

/** A work item as the API shows it (the fields this test reads). */
interface Item {
  id: string;
  petitionId: string;
  assignmentId: string;
  status: string;
  currentDue: string;
}

describe('rework after supervision returns a reply', () => {
  let platform: Platform;
  let consumer: Consumer;
  let producer: Producer;
  const events: EventEnvelope[] = [];
  const lead = unitIdFor('GZ-440106');
  const coUnit = unitIdFor('GZ-SWJ');
  const handler = bearer([Role.Handler], lead, 'handler-of-440106');
  const coHandler = bearer([Role.Handler], coUnit);
  const rules = defaultRuleSet();
  const calendar = loadCalendar();
  const post = (path: string, auth: string, body: object = {}) =>
    request(platform.handling.url()).post(path).set('Authorization', auth).set('Idempotency-Key', randomUUID()).send(body);
  const get = (path: string, auth = handler) =>
    request(platform.handling.url())
      .get(path)
      .set('Authorization', auth)
      .expect(200)
      .then((r) => r.body);
  const letter = (facts: string) => ({
    outcome: 'explain',
    facts,
    decision: '已安排排水公司疏通，并纳入月度巡查。',
    legalBasis: '《城镇排水与污水处理条例》第二十八条',
    text: '您反映的积水问题已处理。',
    attachments: [],
  });

  beforeAll(async () => {
    platform = await startPlatform();
    const kafka = new Kafka({ clientId: 'rework-test', brokers: [platform.stack.kafkaBrokers], logLevel: logLevel.NOTHING });
    consumer = kafka.consumer({ groupId: `rework-reader-${randomUUID()}` });
    await consumer.connect();
    await consumer.subscribe({ topic: Topics.handling, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => void events.push(JSON.parse(message.value?.toString() ?? '{}') as EventEnvelope),
    });
    producer = kafka.producer();
    await producer.connect();
  });
  afterAll(async () => {
    await producer?.disconnect();
    await consumer?.disconnect();
    await platform?.stop();
  });

  /** Publishes a review decision on the supervision topic, as the supervision service does. */
  async function publishReview(envelope: EventEnvelope): Promise<void> {
    await producer.send({ topic: Topics.supervision, messages: [{ key: envelope.petitionId, value: JSON.stringify(envelope) }] });
  }

  const eventOf = <P>(type: string, petitionId: string, round?: number) =>
    eventually(
      async () =>
        events.find(
          (e) =>
            e.type === type && e.petitionId === petitionId && (round === undefined || (e.payload as { round: number }).round === round),
        ) as EventEnvelope<P> | undefined,
    );

  it('reopens the lead’s item with the reason and the rework deadline, takes the second reply on it, and closes the assignment on approval', async () => {
    const res = await request(platform.intake.url())
      .post('/api/petitions')
      .set('Authorization', bearer([Role.Clerk]))
      .set('Idempotency-Key', randomUUID())
      .send({
        channel: 'call',
        petitionerName: '郑十一',
        title: '小区门口长期积水',
        content: '小区门口下雨即积水，请求疏通。',
        categoryCode: 'URBAN.DRAINAGE',
        regionCode: '440106001',
      })
      .expect(201);
    const item = await eventually(
      async () => (await get('/api/work-items?limit=200')).items.find((w: Item) => w.petitionId === res.body.id) as Item | undefined,
    );
    const coItem = await eventually(
      async () =>
        (await get('/api/work-items?limit=200', coHandler)).items.find((w: Item) => w.petitionId === res.body.id) as Item | undefined,
    );
    await post(`/api/work-items/${item.id}/accept`, handler).expect(200);
    const first = await post(`/api/work-items/${item.id}/reply`, handler, letter('现场查看属实。')).expect(201);
    const replied = await eventOf<PetitionRepliedPayload>(PETITION_REPLIED, item.petitionId, 1);

    // Supervision returns it: 10 working days of rework (handling_fast), from now.
    const decidedAt = new Date();
    const rework = computeDue({ start: decidedAt, stage: 'handling_fast', rules, calendar });
    const reworkDeadline: DeadlineRef = {
      stage: 'handling_fast',
      startedAt: toOffsetIso(decidedAt),
      due: rework.due,
      ruleSet: rework.ruleSetVersion,
      provisional: rework.provisional,
    };
    const returned: ReviewReturnedPayload = {
      reviewId: randomUUID(),
      replyId: first.body.id,
      workItemId: item.id,
      petitionId: item.petitionId,
      unitId: lead,
      round: 1,
      reason: '答复未说明后续防范措施，请补充。',
      reworkDeadline,
      decidedAt: toOffsetIso(decidedAt),
    };
    const returnedEvent = createEnvelope('supervision', decidedAt, {
      type: REVIEW_RETURNED,
      petitionId: item.petitionId,
      payload: returned,
      cause: replied,
    });
    await publishReview(returnedEvent);
    // Delivered twice (at-least-once): the second changes nothing.
    await publishReview(returnedEvent);

    const started = await eventOf<WorkItemReworkStartedPayload>(WORK_ITEM_REWORK_STARTED, item.petitionId);
    expect(started.payload).toMatchObject({
      workItemId: item.id,
      unitId: lead,
      reviewId: returned.reviewId,
      round: 2,
      reason: returned.reason,
      reworkDeadline,
    });
    expect(started.causationId).toBe(returnedEvent.eventId);
    const reopened = await get(`/api/work-items/${item.id}`);
    expect(reopened).toMatchObject({
      status: 'accepted',
      reworkReason: returned.reason,
      reworkDue: rework.due,
      currentDue: rework.due,
      replyCount: 1,
      deadlineState: 'on_track',
    });
    // The inbox sorts and filters by the rework deadline now.
    const before = (
      await get(
        `/api/work-items?status=accepted&dueBefore=${encodeURIComponent(new Date(Date.parse(rework.due) + 1000).toISOString())}&limit=200`,
      )
    ).items.map((w: Item) => w.id);
    expect(before).toContain(item.id);
    const notYet = (await get(`/api/work-items?dueBefore=${encodeURIComponent(rework.due)}&limit=200`)).items.map((w: Item) => w.id);
    expect(notYet).not.toContain(item.id);

    const second = await post(`/api/work-items/${item.id}/reply`, handler, letter('现场查看属实，已补充防范措施。')).expect(201);
    expect(second.body).toMatchObject({ round: 2, repliedOnTime: true, handlingDeadline: reworkDeadline });
    const secondEvent = await eventOf<PetitionRepliedPayload>(PETITION_REPLIED, item.petitionId, 2);
    expect(secondEvent.payload).toMatchObject({ replyId: second.body.id, round: 2, handlingDeadline: reworkDeadline, repliedOnTime: true });
    expect(events.filter((e) => e.type === WORK_ITEM_REWORK_STARTED && e.petitionId === item.petitionId)).toHaveLength(1);

    // A stale approval of the first reply changes nothing; the approval of the second closes every part.
    const approve = (replyId: string, round: number) => {
      const payload: ReviewApprovedPayload = {
        reviewId: randomUUID(),
        replyId,
        workItemId: item.id,
        petitionId: item.petitionId,
        unitId: lead,
        round,
        firstReview: false,
        deliveryDeadline: reworkDeadline,
        decidedAt: toOffsetIso(new Date()),
      };
      return createEnvelope('supervision', new Date(), { type: REVIEW_APPROVED, petitionId: item.petitionId, payload });
    };
    await publishReview(approve(first.body.id, 1));
    await publishReview(approve(second.body.id, 2));
    const closed = await eventually(async () => {
      const shown = await get(`/api/work-items/${item.id}`);
      return shown.status === 'closed' ? shown : undefined;
    });
    expect(closed.replies.map((r: { round: number }) => r.round)).toEqual([1, 2]);
    expect(closed.closedAt).toEqual(expect.any(String));
    expect((await get(`/api/work-items/${coItem.id}`, coHandler)).status).toBe('closed');
    const open = (await get('/api/work-items?state=on_track&limit=200')).items.map((w: Item) => w.id);
    expect(open).not.toContain(item.id);
  });

  it('retries a review whose reply is not stored here, then dead-letters it: never applied, never dropped silently', async () => {
    const res = await request(platform.intake.url())
      .post('/api/petitions')
      .set('Authorization', bearer([Role.Clerk]))
      .set('Idempotency-Key', randomUUID())
      .send({
        channel: 'call',
        petitionerName: '王十二',
        title: '雨水井盖缺失',
        content: '路口雨水井盖缺失，存在安全隐患。',
        categoryCode: 'URBAN.DRAINAGE',
        regionCode: '440106001',
      })
      .expect(201);
    const item = await eventually(
      async () => (await get('/api/work-items?limit=200')).items.find((w: Item) => w.petitionId === res.body.id) as Item | undefined,
    );
    await post(`/api/work-items/${item.id}/accept`, handler).expect(200);
    // The review names a reply id handling has not stored (as if it arrived first): retried, then dead-lettered, never applied.
    const decidedAt = new Date();
    const rework = computeDue({ start: decidedAt, stage: 'handling_fast', rules, calendar });
    const early: ReviewReturnedPayload = {
      reviewId: randomUUID(),
      replyId: randomUUID(),
      workItemId: item.id,
      petitionId: item.petitionId,
      unitId: lead,
      round: 1,
      reason: '请补充。',
      reworkDeadline: {
        stage: 'handling_fast',
        startedAt: toOffsetIso(decidedAt),
        due: rework.due,
        ruleSet: rework.ruleSetVersion,
        provisional: false,
      },
      decidedAt: toOffsetIso(decidedAt),
    };
    await publishReview(createEnvelope('supervision', decidedAt, { type: REVIEW_RETURNED, petitionId: item.petitionId, payload: early }));
    const kafka = new Kafka({ clientId: 'rework-dlq', brokers: [platform.stack.kafkaBrokers], logLevel: logLevel.NOTHING });
    const dlq = kafka.consumer({ groupId: `rework-dlq-${randomUUID()}` });
    const dead: string[] = [];
    await dlq.connect();
    await dlq.subscribe({ topic: 'handling.dlq', fromBeginning: true });
    await dlq.run({ eachMessage: async ({ message }) => void dead.push(message.headers?.['dlq-error']?.toString() ?? '') });
    const error = await eventually(async () => dead.find((d) => d.includes(early.replyId)), { timeoutMs: 30000 });
    await dlq.disconnect();
    expect(error).toContain('not stored yet');
    expect((await get(`/api/work-items/${item.id}`)).status).toBe('accepted');
    expect((await get(`/api/work-items/${item.id}`)).reworkReason).toBeNull();
  });
});
