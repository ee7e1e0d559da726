import { randomUUID } from 'node:crypto';
import { EVALUATION_RECORDED, PETITION_CLOSED, REPLY_DELIVERED, REVIEW_APPROVED, REVIEW_RETURNED, Role } from '@petition/contracts';
import { computeDue, defaultRuleSet, loadCalendar } from '@petition/deadlines';
import { bearer, eventually } from '@petition/testing';
import { clerk, startFlowFixture, type FlowFixture } from './reviews-flow.fixture';

/** Monday 23 November 2026, 09:00 in Guangzhou. */
const MONDAY = '2026-11-23T09:00:00+08:00';
const rules = defaultRuleSet();
const calendar = loadCalendar();
const due = (stage: string, start: string) => computeDue({ start, stage, rules, calendar }).due;

describe('result review, delivery and callback', () => {
  let f: FlowFixture;
  const unitId = randomUUID();

  beforeAll(async () => {
    f = await startFlowFixture(MONDAY);
  });
  afterAll(async () => {
    await f?.stop();
  });

  it('approve online → delivered at once → callback → closed', async () => {
    const petitionId = randomUUID();
    const reply = await f.reply(petitionId, unitId);
    const review = await f.pendingReview(reply.replyId);
    expect(review).toMatchObject({
      petitionId,
      unitId,
      round: 1,
      status: 'pending',
      facts: reply.facts,
      legalBasis: reply.legalBasis,
      attachments: reply.attachments,
    });
    expect((await f.get(`/api/reviews/${review.id}`).expect(200)).body.text).toBe(reply.text);

    const approved = await f.post(`/api/reviews/${review.id}/approve`, { comment: '同意。', delivery: 'online' }).expect(200);
    // The controllable clock keeps running from where it was set: read the instant from the answer.
    const at: string = approved.body.decidedAt;
    expect(at.startsWith('2026-11-23T09:00')).toBe(true);
    expect(approved.body).toMatchObject({ status: 'approved', firstReview: true, deliveredAt: at, decidedBy: 'supervisor-1' });
    const a = await f.event(REVIEW_APPROVED, petitionId);
    expect(a.payload).toMatchObject({ reviewId: review.id, replyId: reply.replyId, round: 1, firstReview: true, decidedAt: at });
    expect(a.payload.deliveryDeadline).toMatchObject({ stage: 'reply_delivery', startedAt: at, due: '2026-11-26T00:00:00+08:00' });
    const d = await f.event(REPLY_DELIVERED, petitionId);
    expect(d.payload).toMatchObject({ replyId: reply.replyId, unitId, round: 1, deliveredAt: at });
    // callback: 5 working days (Tue–Mon); review_request: 30 calendar days, ends 23 December 24:00.
    expect(d.payload).toMatchObject({
      callbackDeadline: { stage: 'callback', due: due('callback', at) },
      reviewRequestDeadline: { stage: 'review_request', due: '2026-12-24T00:00:00+08:00' },
    });
    expect(due('callback', at)).toBe('2026-12-01T00:00:00+08:00');

    await f.post(`/api/reviews/${review.id}/approve`, { delivery: 'online' }).expect(409);
    await f.post(`/api/reviews/${review.id}/delivered`, { deliveredAt: MONDAY }).expect(409);

    const callback = await f
      .post(
        '/api/evaluations',
        { petitionId, satisfaction: 'satisfied', solved: true, method: 'phone', summary: '电话回访，表示满意。' },
        clerk,
      )
      .expect(201);
    expect(callback.body).toMatchObject({ source: 'callback', round: 1, replyId: reply.replyId, unitId, current: true });
    const e = await f.event(EVALUATION_RECORDED, petitionId);
    expect(e.payload).toMatchObject({
      evaluationId: callback.body.id,
      source: 'callback',
      satisfaction: 'satisfied',
      solved: true,
      round: 1,
    });
    const closed = await f.event(PETITION_CLOSED, petitionId);
    expect(closed.payload).toMatchObject({ petitionId, unitId });
  });

  it('by post: nothing to evaluate until the delivery is recorded; the deadlines run from the delivery instant', async () => {
    const petitionId = randomUUID();
    const reply = await f.reply(petitionId, unitId);
    const review = await f.pendingReview(reply.replyId);
    await f.post(`/api/reviews/${review.id}/delivered`, { deliveredAt: MONDAY }).expect(409);
    await f.post(`/api/reviews/${review.id}/approve`, { delivery: 'post' }).expect(200);
    await f.event(REVIEW_APPROVED, petitionId);
    const early = await f
      .post('/api/evaluations', { petitionId, satisfaction: 'satisfied', solved: true, method: 'phone', summary: '尚未送达。' })
      .expect(409);
    expect(early.body.code).toBe('MATTER_NOT_DELIVERED');

    await f.setClock('2026-11-25T16:00:00+08:00');
    const future = await f.post(`/api/reviews/${review.id}/delivered`, { deliveredAt: '2026-11-26T10:00:00+08:00' }).expect(400);
    expect(future.body.details).toEqual([expect.objectContaining({ field: 'deliveredAt' })]);
    const before = await f.post(`/api/reviews/${review.id}/delivered`, { deliveredAt: '2026-11-20T10:00:00+08:00' }).expect(400);
    expect(before.body.details[0].field).toBe('deliveredAt');
    const deliveredAt = '2026-11-24T15:30:00+08:00';
    const delivered = await f.post(`/api/reviews/${review.id}/delivered`, { deliveredAt }, clerk).expect(200);
    expect(delivered.body).toMatchObject({ deliveredAt, deliveryMethod: 'post' });
    const d = await f.event(REPLY_DELIVERED, petitionId);
    expect(d.payload).toMatchObject({
      deliveredAt,
      callbackDeadline: { startedAt: deliveredAt, due: due('callback', deliveredAt) },
      reviewRequestDeadline: { due: due('review_request', deliveredAt) },
    });
    await f.post(`/api/reviews/${review.id}/delivered`, { deliveredAt }).expect(409);
    expect(f.published.filter((e) => e.type === REPLY_DELIVERED && e.petitionId === petitionId)).toHaveLength(1);
  });

  it('return → rework deadline (handling_fast) → second round → approved, not at the first review', async () => {
    const petitionId = randomUUID();
    const first = await f.reply(petitionId, unitId);
    const r1 = await f.pendingReview(first.replyId);
    const returned = await f.post(`/api/reviews/${r1.id}/return`, { reason: '未说明法律依据，请补充。' }).expect(200);
    expect(returned.body).toMatchObject({ status: 'returned', returnReason: '未说明法律依据，请补充。' });
    const now: string = returned.body.decidedAt;
    const ret = await f.event(REVIEW_RETURNED, petitionId);
    expect(ret.payload).toMatchObject({
      reviewId: r1.id,
      round: 1,
      reason: '未说明法律依据，请补充。',
      reworkDeadline: { stage: 'handling_fast', startedAt: now, due: due('handling_fast', now) },
    });
    expect(returned.body.reworkDeadline).toEqual(ret.payload.reworkDeadline);
    const twice = await f.post(`/api/reviews/${r1.id}/approve`, { delivery: 'online' }).expect(409);
    expect(twice.body.code).toBe('REVIEW_ALREADY_DECIDED');

    const second = await f.reply(petitionId, unitId, 2);
    const r2 = await f.pendingReview(second.replyId);
    expect(r2).toMatchObject({ round: 2 });
    await f.post(`/api/reviews/${r2.id}/approve`, { delivery: 'online' }).expect(200);
    const a = await f.event(REVIEW_APPROVED, petitionId);
    expect(a.payload).toMatchObject({ round: 2, firstReview: false });
    const returnedList = await f.get(`/api/reviews?status=returned&unitId=${unitId}&limit=200`).expect(200);
    expect(returnedList.body.items.map((r: { id: string }) => r.id)).toContain(r1.id);
  });

  it('a newer round supersedes an undecided older one', async () => {
    const petitionId = randomUUID();
    const first = await f.reply(petitionId, unitId);
    const r1 = await f.pendingReview(first.replyId);
    const second = await f.reply(petitionId, unitId, 2);
    await f.pendingReview(second.replyId);
    const old = await f.get(`/api/reviews/${r1.id}`).expect(200);
    expect(old.body.status).toBe('superseded');
    await f.post(`/api/reviews/${r1.id}/approve`, { delivery: 'online' }).expect(409);
  });

  it('an older round arriving after a newer one is kept, already superseded', async () => {
    const petitionId = randomUUID();
    const second = await f.reply(petitionId, unitId, 2);
    await f.pendingReview(second.replyId);
    const late = await f.reply(petitionId, unitId, 1);
    const stale = await eventually(async () => {
      const res = await f.get(`/api/reviews?petitionId=${petitionId}&status=superseded`).expect(200);
      return res.body.items.find((r: { replyId: string }) => r.replyId === late.replyId);
    });
    expect(stale).toMatchObject({ round: 1, status: 'superseded' });
  });

  it('two supervisors deciding at once: one wins, the other gets 409, one event', async () => {
    const petitionId = randomUUID();
    const reply = await f.reply(petitionId, unitId);
    const review = await f.pendingReview(reply.replyId);
    const answers = await Promise.all([
      f.post(`/api/reviews/${review.id}/approve`, { delivery: 'post' }),
      f.post(`/api/reviews/${review.id}/return`, { reason: '同时退回。' }, bearer([Role.Supervisor], null, 'supervisor-2')),
    ]);
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);
    await eventually(async () => (f.published.some((e) => e.petitionId === petitionId) ? true : undefined));
    const decided = f.published.filter((e) => e.petitionId === petitionId && (e.type === REVIEW_APPROVED || e.type === REVIEW_RETURNED));
    expect(decided).toHaveLength(1);
  });

  it('lists oldest first, page by page', async () => {
    const page1 = await f.get(`/api/reviews?unitId=${unitId}&limit=2`).expect(200);
    expect(page1.body.items).toHaveLength(2);
    const page2 = await f.get(`/api/reviews?unitId=${unitId}&limit=2&cursor=${page1.body.nextCursor}`).expect(200);
    const all = [...page1.body.items, ...page2.body.items];
    const times = all.map((r: { receivedAt: string }) => Date.parse(r.receivedAt));
    expect([...times].sort((x, y) => x - y)).toEqual(times);
    expect(new Set(all.map((r: { id: string }) => r.id)).size).toBe(all.length);
  });

  it('refuses bad input with field reasons and changes nothing', async () => {
    const petitionId = randomUUID();
    const reply = await f.reply(petitionId, unitId);
    const review = await f.pendingReview(reply.replyId);
    const bad = await f.post(`/api/reviews/${review.id}/approve`, { delivery: 'fax' }).expect(400);
    expect(bad.body).toMatchObject({ code: 'VALIDATION_FAILED', details: [expect.objectContaining({ field: 'delivery' })] });
    const noReason = await f.post(`/api/reviews/${review.id}/return`, { reason: ' ' }).expect(400);
    expect(noReason.body.details[0].field).toBe('reason');
    const days = await f.post(`/api/reviews/${review.id}/return`, { reason: '补充依据。', reworkDays: 5 }).expect(400);
    expect(days.body.details[0].field).toBe('reworkDays');
    await f.post(`/api/reviews/${randomUUID()}/approve`, { delivery: 'online' }).expect(404);
    await f.post(`/api/reviews/${review.id}/approve`, { delivery: 'online' }, bearer([Role.Handler], unitId)).expect(403);
    await f.get('/api/reviews?status=lost').expect(400);
    await f.get('/api/reviews?cursor=xyz').expect(400);
    const ev = await f
      .post('/api/evaluations', { petitionId, satisfaction: 'ok', solved: 'yes', method: 'pigeon', summary: '' })
      .expect(400);
    expect(ev.body.details.map((d: { field: string }) => d.field)).toEqual(
      expect.arrayContaining(['satisfaction', 'solved', 'method', 'summary']),
    );
    await f
      .post('/api/evaluations', {
        petitionId: randomUUID(),
        satisfaction: 'satisfied',
        solved: true,
        method: 'phone',
        summary: '无此事项。',
      })
      .expect(404);
    const still = await eventually(async () => (await f.get(`/api/reviews/${review.id}`).expect(200)).body);
    expect(still).toMatchObject({ status: 'pending', decidedAt: null });
    expect(f.published.some((e) => e.petitionId === petitionId)).toBe(false);
  });
});
