import { randomUUID } from 'node:crypto';
import {
  APPEAL_DECIDED,
  APPEAL_FILED,
  APPEAL_HEARING_RECORDED,
  APPEAL_REQUESTED,
  AppealKind,
  PETITION_CONCLUDED,
  REPLY_DELIVERED,
  Topics,
  type AppealRequestedPayload,
} from '@petition/contracts';
import { Deadline, computeDue, defaultRuleSet, loadCalendar } from '@petition/deadlines';
import { eventually } from '@petition/testing';
import { clerk, startFlowFixture, type FlowFixture } from './reviews-flow.fixture';

const MONDAY = '2026-11-23T09:00:00+08:00';
const rules = defaultRuleSet();
const calendar = loadCalendar();
const due = (stage: string, start: string) => computeDue({ start, stage, rules, calendar }).due;

describe('review and re-examination appeals', () => {
  let f: FlowFixture;
  const unitId = randomUUID();
  const a = randomUUID();
  const b = randomUUID();
  let deliveredA: string;

  async function deliver(petitionId: string): Promise<string> {
    const reply = await f.reply(petitionId, unitId);
    const review = await f.pendingReview(reply.replyId);
    await f.post(`/api/reviews/${review.id}/approve`, { delivery: 'online' }).expect(200);
    return (await f.event<{ deliveredAt: string }>(REPLY_DELIVERED, petitionId)).payload.deliveredAt;
  }

  function requested(petitionId: string, kind: AppealKind, requestedAt: string) {
    const payload: AppealRequestedPayload = {
      petitionId,
      trackingNo: '440106-20261123-000042',
      kind,
      grounds: '对处理意见不服，请求复查复核。',
      requestedAt,
    };
    return f.publish(Topics.intake, APPEAL_REQUESTED, petitionId, payload);
  }

  beforeAll(async () => {
    f = await startFlowFixture(MONDAY);
    deliveredA = await deliver(a);
    await deliver(b);
  });
  afterAll(async () => {
    await f?.stop();
  });

  it('files a review within review_request with its decision deadline; refuses a second one and an early re-examination', async () => {
    const receivedAt = await f.now();
    expect(Date.parse(receivedAt)).toBeGreaterThanOrEqual(Date.parse(deliveredA));
    const filed = await f
      .post('/api/appeals', { petitionId: a, kind: 'review', grounds: '认为未查明事实，请求复查。', receivedAt }, clerk)
      .expect(201);
    expect(filed.body).toMatchObject({
      status: 'filed',
      kind: 'review',
      source: 'staff',
      unitId,
      decisionDeadline: { stage: 'review_decision', due: due('review_decision', receivedAt) },
    });
    const event = await f.event(APPEAL_FILED, a);
    expect(event.payload).toMatchObject({ appealId: filed.body.id, kind: 'review', unitId, decisionDeadline: filed.body.decisionDeadline });

    const twice = await f.post('/api/appeals', { petitionId: a, kind: 'review', grounds: '再次申请复查。', receivedAt }).expect(409);
    expect(twice.body.code).toBe('APPEAL_ALREADY_FILED');
    const early = await f.post('/api/appeals', { petitionId: a, kind: 'reexamination', grounds: '申请复核。', receivedAt }).expect(409);
    expect(early.body).toMatchObject({ code: 'APPEAL_REVIEW_NOT_DECIDED', details: [expect.objectContaining({ field: 'kind' })] });
    const hearing = await f.post(`/api/appeals/${filed.body.id}/hearings`, { from: receivedAt, to: await f.now() }).expect(409);
    expect(hearing.body.code).toBe('APPEAL_NOT_REEXAMINATION');
  });

  it('review decided → re-examination requested online → hearing paused → decided and concluded', async () => {
    const review = (await f.get(`/api/appeals?petitionId=${a}&kind=review`).expect(200)).body.items[0];
    const decided = await f
      .post(`/api/appeals/${review.id}/decide`, { outcome: 'upheld', reason: '原处理意见事实清楚，予以维持。' })
      .expect(200);
    const decidedAt: string = decided.body.decidedAt;
    expect(decided.body.nextRequestDeadline).toMatchObject({
      stage: 'reexam_request',
      startedAt: decidedAt,
      due: due('reexam_request', decidedAt),
    });
    const d1 = await f.event(APPEAL_DECIDED, a);
    expect(d1.payload).toMatchObject({
      appealId: review.id,
      kind: 'review',
      outcome: 'upheld',
      nextRequestDeadline: decided.body.nextRequestDeadline,
    });

    const requestedAt = await f.now();
    await requested(a, AppealKind.Reexamination, requestedAt);
    const filed = await f.event<{ appealId: string; decisionDeadline: { due: string } }>(APPEAL_FILED, a, 1);
    expect(filed.payload).toMatchObject({
      kind: 'reexamination',
      decisionDeadline: { stage: 'reexam_decision', due: due('reexam_decision', requestedAt) },
    });
    const id = filed.payload.appealId;
    expect((await f.get(`/api/appeals/${id}`).expect(200)).body).toMatchObject({ source: 'petitioner', status: 'filed' });

    await f.setClock('2026-11-27T09:00:00+08:00');
    const from = '2026-11-24T09:00:00+08:00';
    const to = '2026-11-25T18:00:00+08:00';
    const bad = await f.post(`/api/appeals/${id}/hearings`, { from: to, to: from }).expect(400);
    expect(bad.body.details[0].field).toBe('to');
    await f.post(`/api/appeals/${id}/hearings`, { from, to: '2026-11-28T18:00:00+08:00' }).expect(400);
    const heard = await f.post(`/api/appeals/${id}/hearings`, { from, to }).expect(200);
    const expected = Deadline.start({ start: requestedAt, stage: 'reexam_decision', rules, calendar }).pause({
      from,
      to,
      by: 'supervisor-1',
      reason: '听证',
    });
    expect(heard.body.decisionDeadline.due).toBe(expected.due);
    expect(Date.parse(heard.body.decisionDeadline.due)).toBeGreaterThan(Date.parse(filed.payload.decisionDeadline.due));
    expect(heard.body.hearings).toEqual([expect.objectContaining({ from, to, by: 'supervisor-1' })]);
    const h = await f.event(APPEAL_HEARING_RECORDED, a);
    expect(h.payload).toMatchObject({ appealId: id, from, to, decisionDeadline: heard.body.decisionDeadline });

    const outOfOrder = await f
      .post(`/api/appeals/${id}/hearings`, { from: '2026-11-24T08:00:00+08:00', to: '2026-11-24T08:30:00+08:00' })
      .expect(409);
    expect(outOfOrder.body.code).toBe('APPEAL_HEARING_REJECTED');
    expect((await f.get(`/api/appeals/${id}`).expect(200)).body.decisionDeadline).toEqual(heard.body.decisionDeadline);

    const final = await f.post(`/api/appeals/${id}/decide`, { outcome: 'changed', reason: '部分变更原处理意见。' }).expect(200);
    expect(final.body).toMatchObject({ status: 'decided', outcome: 'changed', nextRequestDeadline: null });
    expect((await f.event(APPEAL_DECIDED, a, 1)).payload).toMatchObject({
      kind: 'reexamination',
      outcome: 'changed',
      nextRequestDeadline: null,
    });
    expect((await f.event(PETITION_CONCLUDED, a)).payload).toMatchObject({ petitionId: a, reason: 'reexamination_decided' });
    expect((await f.post(`/api/appeals/${id}/decide`, { outcome: 'upheld', reason: '再次决定。' }).expect(409)).body.code).toBe(
      'APPEAL_NOT_OPEN',
    );
    expect(
      (await f.post('/api/appeals', { petitionId: a, kind: 'review', grounds: '终结后再申请。', receivedAt: await f.now() }).expect(409))
        .body.code,
    ).toBe('APPEAL_MATTER_CONCLUDED');
  });

  it('past 30 days: a late request is refused (422 for staff, stored as refused for the online one); a timely postmarked one is filed', async () => {
    await f.setClock('2026-12-24T10:00:00+08:00');
    const now = await f.now();
    await requested(b, AppealKind.Review, now);
    const refused = await eventually(async () => (await f.get(`/api/appeals?petitionId=${b}&status=refused`).expect(200)).body.items[0]);
    expect(refused).toMatchObject({ kind: 'review', source: 'petitioner', refusalCode: 'APPEAL_WINDOW_CLOSED', decisionDeadline: null });

    const late = await f.post('/api/appeals', { petitionId: b, kind: 'review', grounds: '逾期申请复查。', receivedAt: now }).expect(422);
    expect(late.body).toMatchObject({ code: 'APPEAL_WINDOW_CLOSED', details: [expect.objectContaining({ field: 'receivedAt' })] });
    expect((await f.get(`/api/appeals?petitionId=${b}&status=filed`).expect(200)).body.items).toEqual([]);

    const postmarked = await f
      .post('/api/appeals', { petitionId: b, kind: 'review', grounds: '信件邮戳在期限内。', receivedAt: '2026-12-20T10:00:00+08:00' })
      .expect(201);
    expect(postmarked.body).toMatchObject({
      status: 'filed',
      decisionDeadline: { startedAt: '2026-12-20T10:00:00+08:00', due: due('review_decision', '2026-12-20T10:00:00+08:00') },
    });
    const filed = await f.event<{ appealId: string }>(APPEAL_FILED, b);
    expect(filed.payload.appealId).toBe(postmarked.body.id);
    expect(f.published.filter((e) => e.type === APPEAL_FILED && e.petitionId === b)).toHaveLength(1);
  });

  it('refuses bad input with field reasons and changes nothing', async () => {
    const bad = await f.post('/api/appeals', { petitionId: 'x', kind: 'appeal', grounds: '短', receivedAt: 'yesterday' }).expect(400);
    expect(bad.body.details.map((d: { field: string }) => d.field)).toEqual(
      expect.arrayContaining(['petitionId', 'kind', 'grounds', 'receivedAt']),
    );
    const future = await f
      .post('/api/appeals', { petitionId: b, kind: 'reexamination', grounds: '未来的申请。', receivedAt: '2027-03-01T10:00:00+08:00' })
      .expect(400);
    expect(future.body.details[0].field).toBe('receivedAt');
    await f
      .post('/api/appeals', { petitionId: randomUUID(), kind: 'review', grounds: '无此事项。', receivedAt: await f.now() })
      .expect(404);
    await f.post(`/api/appeals/${randomUUID()}/decide`, { outcome: 'upheld', reason: '不存在。' }).expect(404);
    await f.post(`/api/appeals/${randomUUID()}/decide`, { outcome: 'maybe', reason: '' }).expect(400);
    await f.get('/api/appeals?kind=other').expect(400);
    expect((await f.get(`/api/appeals?petitionId=${b}&kind=reexamination`).expect(200)).body.items).toEqual([]);
  });
});
