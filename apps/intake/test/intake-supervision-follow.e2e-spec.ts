import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import request from 'supertest';
import {
  APPEAL_DECIDED,
  APPEAL_FILED,
  AppealKind,
  AppealOutcome,
  EVALUATION_RECORDED,
  EvaluationSource,
  PETITION_CLOSED,
  PETITION_CONCLUDED,
  PETITION_REPLIED,
  REPLY_DELIVERED,
  REVIEW_APPROVED,
  ReplyOutcome,
  Satisfaction,
  Topics,
  createEnvelope,
  toOffsetIso,
} from '@petition/contracts';
import { eventually } from '@petition/testing';
import { clerk, lookup, mobile, post, residentId, startIntake, type IntakeHarness } from './intake-harness';

const facts = {
  categoryCode: 'URBAN.DRAINAGE',
  regionCode: '440106001',
  title: '小区化粪池满溢',
  content: '小区化粪池长期满溢，污水流到路面，臭味严重，请求清掏并修复管道。',
};
const DAY = 86_400_000;
const iso = (ms: number) => toOffsetIso(new Date(ms));
const ref = (stage: string, startMs: number, dueMs: number) => ({
  stage,
  startedAt: iso(startMs),
  due: iso(dueMs),
  ruleSet: 'default-2026',
  provisional: false,
});

/** The decision letter as the unit wrote it for the petitioner. */
const LETTER = '处理意见书：您反映的化粪池满溢问题，已安排清掏并加装液位报警，予以支持。';

describe('intake: follows replies, reviews, appeals and conclusion for the petitioner', () => {
  let h: IntakeHarness;
  let producer: Producer;
  const unitId = randomUUID();
  const replyId = randomUUID();

  beforeAll(async () => {
    h = await startIntake();
    producer = new Kafka({ clientId: 'supervision-stand-in', brokers: [h.stack.kafkaBrokers], logLevel: logLevel.NOTHING }).producer();
    await producer.connect();
  });
  afterAll(async () => {
    await producer?.disconnect();
    await h?.stop();
  });

  /** Publishes what handling or supervision would (supervision is being built alongside). */
  async function publish(topic: string, type: string, petitionId: string, payload: object): Promise<void> {
    const envelope = createEnvelope('supervision', new Date(), { type, petitionId, payload });
    await producer.send({ topic, messages: [{ key: petitionId, value: JSON.stringify(envelope) }] });
  }
  const view = async (p: { trackingNo: string; queryCode: string }) => (await lookup(h.url, p).expect(200)).body;
  const kinds = (v: { timeline: Array<{ kind: string }> }) => v.timeline.map((s) => s.kind);
  /** Waits (reading the table, so the public lookup's rate limit is not spent) until a step is recorded, then reads the public view once. */
  async function viewOnce(p: { id: string; trackingNo: string; queryCode: string }, kind: string) {
    await eventually(async () =>
      (await h.sql('SELECT 1 FROM intake.petition_timeline WHERE petition_id = $1 AND kind = $2', [p.id, kind])).length ? true : undefined,
    );
    return view(p);
  }
  const evaluate = (p: { trackingNo: string; queryCode: string }) =>
    post(
      h.url,
      `/api/public/petitions/${p.trackingNo}/evaluations`,
      { queryCode: p.queryCode, satisfaction: 'dissatisfied', solved: false },
      null,
    );
  const appeal = (p: { trackingNo: string; queryCode: string }, kind: string) =>
    post(
      h.url,
      `/api/public/petitions/${p.trackingNo}/appeals`,
      { queryCode: p.queryCode, kind, grounds: '对处理意见不服，申请复查复核。' },
      null,
    );

  async function register(n: number) {
    const res = await post(h.url, '/api/petitions', {
      ...facts,
      channel: 'visit',
      petitionerName: '黄一',
      petitionerIdNumber: residentId(n),
      petitionerPhone: mobile(n),
    }).expect(201);
    return res.body as { id: string; trackingNo: string; queryCode: string };
  }

  async function replyAndDeliver(petitionId: string, t0: number, reviewDue: number): Promise<void> {
    await publish(Topics.handling, PETITION_REPLIED, petitionId, {
      replyId,
      workItemId: randomUUID(),
      petitionId,
      assignmentId: randomUUID(),
      unitId,
      round: 1,
      outcome: ReplyOutcome.Support,
      facts: '经查，化粪池满溢属实。',
      decision: '已安排清掏。',
      legalBasis: '《城镇排水与污水处理条例》',
      text: LETTER,
      attachments: [],
      handlingDeadline: ref('handling_standard', t0 - 10 * DAY, t0 + 50 * DAY),
      repliedOnTime: true,
      repliedAt: iso(t0),
    });
    await publish(Topics.supervision, REVIEW_APPROVED, petitionId, {
      reviewId: randomUUID(),
      replyId,
      workItemId: randomUUID(),
      petitionId,
      unitId,
      round: 1,
      firstReview: true,
      deliveryDeadline: ref('reply_delivery', t0 + 60_000, t0 + 2 * DAY),
      decidedAt: iso(t0 + 60_000),
    });
    await publish(Topics.supervision, REPLY_DELIVERED, petitionId, {
      replyId,
      petitionId,
      unitId,
      round: 1,
      callbackDeadline: ref('callback', t0 + 120_000, t0 + 5 * DAY),
      reviewRequestDeadline: ref('review_request', t0 + 120_000, reviewDue),
      deliveredAt: iso(t0 + 120_000),
    });
  }

  it('shows each step in Chinese, takes evaluation and appeals only in their windows, and refuses the same facts after conclusion', async () => {
    const p = await register(701);
    expect((await evaluate(p).expect(409)).body.code).toBe('PUBLIC_EVALUATION_NOT_POSSIBLE');
    expect((await appeal(p, 'review').expect(409)).body.code).toBe('PUBLIC_APPEAL_NOT_POSSIBLE');

    // Steps after the registration (the timeline is ordered by when each happened).
    const t0 = Date.now() + 1000;
    await replyAndDeliver(p.id, t0, Date.now() + 30 * DAY);
    const delivered = await viewOnce(p, 'reply_delivered');
    expect(delivered.status).toBe('approved');
    expect(kinds(delivered)).toEqual(['registered', 'dispatched', 'replied', 'reply_approved', 'reply_delivered']);
    // The letter is written for the petitioner and shown once delivered; the facts and basis stay with the staff.
    expect(delivered.decisionLetter).toMatchObject({ outcome: 'support', outcomeLabel: '予以支持', text: LETTER });
    expect(delivered.timeline.find((s: { kind: string }) => s.kind === 'reply_delivered')).toMatchObject({
      label: '答复已送达',
      note: expect.stringMatching(/^如对答复不服，可于 \d{4}-\d{2}-\d{2} 前申请复查$/),
    });

    await evaluate(p).expect(201);
    expect((await appeal(p, 'reexamination').expect(409)).body.code).toBe('PUBLIC_APPEAL_NOT_POSSIBLE');
    // (A tracking number allows ten requests in a burst; this test spends exactly ten.)
    await appeal(p, 'review').expect(201);

    const appealId = randomUUID();
    await publish(Topics.supervision, EVALUATION_RECORDED, p.id, {
      evaluationId: randomUUID(),
      petitionId: p.id,
      unitId,
      replyId,
      round: 1,
      satisfaction: Satisfaction.Dissatisfied,
      solved: false,
      source: EvaluationSource.Petitioner,
      recordedAt: iso(t0 + 180_000),
    });
    await publish(Topics.supervision, PETITION_CLOSED, p.id, { petitionId: p.id, unitId, closedAt: iso(t0 + 240_000) });
    await publish(Topics.supervision, APPEAL_FILED, p.id, {
      appealId,
      petitionId: p.id,
      kind: AppealKind.Review,
      unitId: null,
      decisionDeadline: ref('review_decision', t0 + 300_000, t0 + 30 * DAY),
      filedAt: iso(t0 + 300_000),
    });
    await publish(Topics.supervision, APPEAL_DECIDED, p.id, {
      appealId,
      petitionId: p.id,
      kind: AppealKind.Review,
      outcome: AppealOutcome.Upheld,
      nextRequestDeadline: ref('reexam_request', t0 + 360_000, Date.now() + 30 * DAY),
      decidedAt: iso(t0 + 360_000),
    });
    const decided = await viewOnce(p, 'appeal_decided');
    expect(decided.status).toBe('closed');
    expect(decided.timeline.find((s: { kind: string }) => s.kind === 'appeal_decided').note).toMatch(
      /^复查意见：维持原处理意见；如不服，可于 \d{4}-\d{2}-\d{2} 前申请复核$/,
    );
    expect(decided.timeline.find((s: { kind: string }) => s.kind === 'evaluation_recorded').note).toBe('评价：不满意');
    await appeal(p, 'reexamination').expect(201);

    await publish(Topics.supervision, PETITION_CONCLUDED, p.id, {
      petitionId: p.id,
      reason: 'reexamination_decided',
      concludedAt: iso(t0 + 420_000),
    });
    const concluded = await viewOnce(p, 'concluded');
    expect(concluded.statusLabel).toBe('终结');
    expect(concluded.timeline.every((s: { label: string }) => /[\u4e00-\u9fff]/.test(s.label))).toBe(true);
    const text = JSON.stringify(concluded);
    for (const secret of ['黄一', mobile(701), residentId(701), unitId, '经查']) expect(text).not.toContain(secret);
    expect((await appeal(p, 'reexamination').expect(409)).body.code).toBe('PUBLIC_APPEAL_NOT_POSSIBLE');

    // 条例 Art. 36: the same facts again, from the same petitioner, are refused.
    const again = await post(h.url, '/api/petitions', {
      ...facts,
      channel: 'visit',
      petitionerName: '黄一',
      petitionerIdNumber: residentId(701),
      title: '化粪池满溢问题再次反映',
    }).expect(201);
    expect(again.body).toMatchObject({ status: 'ended', triage: { outcome: 'refuse', relatedPetitionId: p.id } });
    const staff = await request(h.url).get(`/api/petitions/${p.id}`).set('Authorization', clerk).expect(200);
    expect(staff.body.status).toBe('concluded');
  });

  it('refuses evaluation and review once the 30-day window supervision fixed has passed', async () => {
    const p = await register(702);
    const t0 = Date.now() - 40 * DAY;
    await replyAndDeliver(p.id, t0, Date.now() - 10 * DAY);
    await viewOnce(p, 'reply_delivered');
    // A passed legal window is 422 everywhere on the platform (returns, appeals, requests).
    const late = await appeal(p, 'review').expect(422);
    expect(late.body).toMatchObject({ code: 'PUBLIC_REQUEST_WINDOW_CLOSED', details: [expect.objectContaining({ field: 'kind' })] });
    expect((await evaluate(p).expect(422)).body.code).toBe('PUBLIC_REQUEST_WINDOW_CLOSED');
    expect((await appeal(p, 'reexamination').expect(409)).body.code).toBe('PUBLIC_APPEAL_NOT_POSSIBLE');
  });
});
