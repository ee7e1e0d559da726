import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { Role } from '@petition/contracts';
import { bearer, eventually } from '@petition/testing';
import { unitIdFor } from '../../dispatch/src/directory/seed/stable-id';
import { startPlatform, type Platform } from './platform.fixture';

/**
 * A matter across four services: registered at intake, routed by dispatch, handled and replied in
 * handling, reviewed, returned, reworked, approved, delivered, evaluated and appealed in supervision.
 */
describe('from reply to conclusion across services', () => {
  let platform: Platform;
  const cgj = unitIdFor('GZ-CGJ');
  const handler = bearer([Role.Handler], cgj);
  const supervisor = bearer([Role.Supervisor], null, 'supervisor-flow');
  const post = (url: string, path: string, auth: string, body: object = {}) =>
    request(url).post(path).set('Authorization', auth).set('Idempotency-Key', randomUUID()).send(body);
  const letter = (round: number) => ({
    outcome: 'support',
    facts: '经现场勘查，邻居加建属实。',
    decision: `责令限期拆除（第${round}次答复）。`,
    legalBasis: '《城乡规划法》第六十四条',
    text: '您反映的违建问题已查实并依法处理。',
    attachments: [{ fileName: '勘查报告.pdf', contentType: 'application/pdf', sizeBytes: 2048, sha256: 'b'.repeat(64) }],
  });

  beforeAll(async () => {
    platform = await startPlatform(['intake', 'dispatch', 'handling', 'supervision']);
  });
  afterAll(async () => {
    await platform?.stop();
  });

  async function pendingReview(petitionId: string, round: number) {
    return eventually(
      async () => {
        const res = await request(platform.supervision.url())
          .get(`/api/reviews?status=pending&petitionId=${petitionId}`)
          .set('Authorization', supervisor)
          .expect(200);
        return res.body.items.find((r: { round: number }) => r.round === round);
      },
      { timeoutMs: 40000 },
    );
  }

  it('return → rework → approve → callback closes → review and re-examination conclude the matter', async () => {
    const registered = await request(platform.intake.url())
      .post('/api/petitions')
      .set('Authorization', bearer([Role.Clerk]))
      .set('Idempotency-Key', randomUUID())
      .send({
        channel: 'visit',
        petitionerName: '吴十',
        title: '邻居违建阻挡采光',
        content: '邻居加建两层阻挡采光，请求依法处理。',
        categoryCode: 'URBAN.ILLEGAL_BUILDING',
        regionCode: '440103',
      })
      .expect(201);
    const petitionId: string = registered.body.id;
    const item = await eventually(
      async () => {
        const inbox = await request(platform.handling.url()).get('/api/work-items?limit=200').set('Authorization', handler).expect(200);
        return inbox.body.items.find((w: { petitionId: string }) => w.petitionId === petitionId);
      },
      { timeoutMs: 40000 },
    );
    await post(platform.handling.url(), `/api/work-items/${item.id}/accept`, handler).expect(200);
    await post(platform.handling.url(), `/api/work-items/${item.id}/reply`, handler, letter(1)).expect(201);

    const first = await pendingReview(petitionId, 1);
    expect(first).toMatchObject({ unitId: cgj, workItemId: item.id, legalBasis: '《城乡规划法》第六十四条' });
    await post(platform.supervision.url(), `/api/reviews/${first.id}/return`, supervisor, { reason: '请补充拆除期限与监督措施。' }).expect(
      200,
    );
    // Handling reopens the work item with the rework deadline supervision fixed.
    await eventually(
      async () => {
        const w = await request(platform.handling.url()).get(`/api/work-items/${item.id}`).set('Authorization', handler).expect(200);
        return w.body.status === 'accepted' ? w.body : undefined;
      },
      { timeoutMs: 40000 },
    );
    await post(platform.handling.url(), `/api/work-items/${item.id}/reply`, handler, letter(2)).expect(201);

    const second = await pendingReview(petitionId, 2);
    const approved = await post(platform.supervision.url(), `/api/reviews/${second.id}/approve`, supervisor, { delivery: 'online' }).expect(
      200,
    );
    expect(approved.body).toMatchObject({ status: 'approved', firstReview: false, deliveryMethod: 'online' });
    expect(approved.body.deliveredAt).toBe(approved.body.decidedAt);
    await eventually(
      async () => {
        const w = await request(platform.handling.url()).get(`/api/work-items/${item.id}`).set('Authorization', handler).expect(200);
        return w.body.status === 'closed' ? true : undefined;
      },
      { timeoutMs: 40000 },
    );

    const callback = await post(platform.supervision.url(), '/api/evaluations', supervisor, {
      petitionId,
      satisfaction: 'dissatisfied',
      solved: false,
      method: 'phone',
      summary: '电话回访，信访人认为拆除不彻底。',
    }).expect(201);
    expect(callback.body).toMatchObject({ round: 2, unitId: cgj, current: true });

    const review = await post(platform.supervision.url(), '/api/appeals', bearer([Role.Clerk]), {
      petitionId,
      kind: 'review',
      grounds: '认为拆除不彻底，申请复查。',
      receivedAt: approved.body.decidedAt,
    }).expect(201);
    expect(review.body).toMatchObject({ status: 'filed', unitId: cgj, decisionDeadline: { stage: 'review_decision' } });
    await post(platform.supervision.url(), `/api/appeals/${review.body.id}/decide`, supervisor, {
      outcome: 'upheld',
      reason: '原处理意见正确，予以维持。',
    }).expect(200);
    const reexam = await post(platform.supervision.url(), '/api/appeals', supervisor, {
      petitionId,
      kind: 'reexamination',
      grounds: '对复查意见不服，申请复核。',
      receivedAt: new Date().toISOString(),
    }).expect(201);
    const decided = await post(platform.supervision.url(), `/api/appeals/${reexam.body.id}/decide`, supervisor, {
      outcome: 'upheld',
      reason: '复查意见正确，予以维持。',
    }).expect(200);
    expect(decided.body).toMatchObject({ status: 'decided', nextRequestDeadline: null });
    const again = await post(platform.supervision.url(), '/api/appeals', supervisor, {
      petitionId,
      kind: 'review',
      grounds: '再次申请复查。',
      receivedAt: new Date().toISOString(),
    }).expect(409);
    expect(again.body.code).toBe('APPEAL_MATTER_CONCLUDED');
  });
});
