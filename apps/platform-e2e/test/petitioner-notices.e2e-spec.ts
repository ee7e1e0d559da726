import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { Role } from '@petition/contracts';
import { bearer, eventually } from '@petition/testing';
import { unitIdFor } from '../../dispatch/src/directory/seed/stable-id';
import { withCheckDigit } from '../../intake/src/pii/resident-id';
import { startPlatform, workItemOf, type ApiBody, type Platform } from './platform.fixture';

const PHONE = '13912345678';
const ID_NUMBER = withCheckDigit('44010319850607123');
const LETTER = '处理意见书：经现场勘查，邻居加建属实，已责令限期拆除，您的诉求予以支持。';
const EXTENSION_REASON = '需等待第三方测绘报告';
const REVIEW_REASON = '原处理意见认定事实清楚，适用依据正确，予以维持。';

/**
 * The petitioner is told every step (条例: written notice of acceptance, extension, decisions):
 * one matter is driven from the window through acceptance, an extension, the reply, its delivery,
 * the callback that closes it and a review, and every notice must be in the sent-messages store
 * at its step — in Chinese, masked, never an ID number or a full phone — while the public page
 * shows acceptance, the extension with its reason and the letter once delivered.
 */
describe('petitioner notices and what the public page shows', () => {
  let platform: Platform;
  const cgj = unitIdFor('GZ-CGJ');
  const handler = bearer([Role.Handler], cgj);
  const head = bearer([Role.UnitHead], cgj);
  const clerk = bearer([Role.Clerk], null, 'clerk-window');
  const supervisor = bearer([Role.Supervisor], null, 'supervisor-notices');
  const post = (url: string, path: string, auth: string | null, body: object = {}) => {
    const r = request(url).post(path).set('Idempotency-Key', randomUUID());
    return (auth ? r.set('Authorization', auth) : r).send(body);
  };

  beforeAll(async () => {
    platform = await startPlatform(['intake', 'dispatch', 'handling', 'supervision']);
  });
  afterAll(async () => {
    await platform?.stop();
  });

  /** The petition's notices once one of `kind` is sent. */
  async function noticesOnceSent(petitionId: string, kind: string): Promise<ApiBody[]> {
    return eventually(
      async () => {
        const res = await request(platform.intake.url())
          .get(`/api/petitions/${petitionId}/notices`)
          .set('Authorization', clerk)
          .expect(200);
        return res.body.some((n: ApiBody) => n.kind === kind && n.status === 'sent') ? (res.body as ApiBody[]) : undefined;
      },
      { timeoutMs: 40000 },
    );
  }
  const publicView = async (trackingNo: string, queryCode: string): Promise<ApiBody> =>
    (await post(platform.intake.url(), '/api/public/petitions/lookup', null, { trackingNo, queryCode }).expect(200)).body;

  it('tells the petitioner of registration, acceptance, extension, delivery, closure and the review decision', async () => {
    const registered = await post(platform.intake.url(), '/api/petitions', clerk, {
      channel: 'visit',
      petitionerName: '钱多多',
      petitionerPhone: PHONE,
      petitionerIdNumber: ID_NUMBER,
      title: '邻居违建阻挡采光',
      content: '邻居加建两层阻挡采光，请求依法处理。',
      categoryCode: 'URBAN.ILLEGAL_BUILDING',
      regionCode: '440103',
    }).expect(201);
    const { id: petitionId, trackingNo, queryCode } = registered.body as { id: string; trackingNo: string; queryCode: string };

    const [registration] = await noticesOnceSent(petitionId, 'registration');
    expect(registration).toMatchObject({ templateId: 'registration', templateVersion: 1, recipient: '139****5678', provider: 'local' });
    expect(registration.text).toBe(
      `钱**您好：您的信访事项已登记，编号${trackingNo}。请凭编号和登记时告知的查询码在网上信访平台查询办理进展。`,
    );

    const item = await workItemOf(platform, handler, petitionId);
    await post(platform.handling.url(), `/api/work-items/${item.id}/accept`, handler).expect(200);
    const accepted = (await noticesOnceSent(petitionId, 'acceptance')).find((n) => n.kind === 'acceptance') as ApiBody;
    expect(accepted.text).toMatch(
      new RegExp(`^钱\\*\\*您好：您的信访事项（${trackingNo}）承办单位已受理，将于 \\d{4}-\\d{2}-\\d{2} 前办结。$`),
    );
    const afterAcceptance = await publicView(trackingNo, queryCode);
    expect(afterAcceptance).toMatchObject({ status: 'accepted', acceptance: { handleBy: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) } });

    const asked = await post(platform.handling.url(), `/api/work-items/${item.id}/extension-requests`, handler, {
      days: 20,
      reason: EXTENSION_REASON,
    }).expect(201);
    await post(platform.handling.url(), `/api/extension-requests/${asked.body.id}/approve`, head, { note: '同意。' }).expect(200);
    const extension = (await noticesOnceSent(petitionId, 'extension')).find((n) => n.kind === 'extension') as ApiBody;
    expect(extension.text).toMatch(/办理期限延长至 \d{4}-\d{2}-\d{2}，理由：需等待第三方测绘报告。$/);
    const extended = await publicView(trackingNo, queryCode);
    expect(extended.extensions).toEqual([{ approvedAt: expect.any(String), handleBy: expect.any(String), reason: EXTENSION_REASON }]);
    expect(extended.acceptance.handleBy).toBe(extended.extensions[0].handleBy);
    expect(extension.text).toContain(extended.extensions[0].handleBy);

    await post(platform.handling.url(), `/api/work-items/${item.id}/reply`, handler, {
      outcome: 'support',
      facts: '经现场勘查，邻居加建属实。',
      decision: '责令限期拆除。',
      legalBasis: '《城乡规划法》第六十四条',
      text: LETTER,
      attachments: [],
    }).expect(201);
    const review = await eventually(
      async () => {
        const res = await request(platform.supervision.url())
          .get(`/api/reviews?status=pending&petitionId=${petitionId}`)
          .set('Authorization', supervisor)
          .expect(200);
        return res.body.items[0] as ApiBody | undefined;
      },
      { timeoutMs: 40000 },
    );
    // Reviewed but not delivered: the petitioner does not see the letter yet.
    expect((await publicView(trackingNo, queryCode)).decisionLetter).toBeNull();
    await post(platform.supervision.url(), `/api/reviews/${review.id}/approve`, supervisor, { delivery: 'online' }).expect(200);
    const delivered = (await noticesOnceSent(petitionId, 'reply_delivered')).find((n) => n.kind === 'reply_delivered') as ApiBody;
    expect(delivered.text).toMatch(/处理意见已送达，全文可在网上信访平台查看。如对答复不服，可于 \d{4}-\d{2}-\d{2} 前申请复查。$/);
    const withLetter = await publicView(trackingNo, queryCode);
    expect(withLetter.decisionLetter).toMatchObject({ outcome: 'support', outcomeLabel: '予以支持', text: LETTER });

    await post(platform.supervision.url(), '/api/evaluations', supervisor, {
      petitionId,
      satisfaction: 'dissatisfied',
      solved: false,
      method: 'phone',
      summary: '电话回访，信访人认为拆除不彻底。',
    }).expect(201);
    const closure = (await noticesOnceSent(petitionId, 'closure')).find((n) => n.kind === 'closure') as ApiBody;
    expect(closure.text).toBe(`钱**您好：您的信访事项（${trackingNo}）已办结。感谢您的理解与支持。`);

    const appeal = await post(platform.supervision.url(), '/api/appeals', clerk, {
      petitionId,
      kind: 'review',
      grounds: '认为拆除不彻底，申请复查。',
      receivedAt: new Date().toISOString(),
    }).expect(201);
    await post(platform.supervision.url(), `/api/appeals/${appeal.body.id}/decide`, supervisor, {
      outcome: 'upheld',
      reason: REVIEW_REASON,
    }).expect(200);
    const all = await noticesOnceSent(petitionId, 'appeal_decision');
    const decision = all.find((n) => n.kind === 'appeal_decision') as ApiBody;
    expect(decision.text).toMatch(/复查意见：维持原处理意见；如不服，可于 \d{4}-\d{2}-\d{2} 前申请复核。理由全文可在网上信访平台查看。$/);
    const decided = await publicView(trackingNo, queryCode);
    expect(decided.appealDecisions).toEqual([
      expect.objectContaining({
        kind: 'review',
        kindLabel: '复查',
        outcome: 'upheld',
        outcomeLabel: '维持原处理意见',
        reason: REVIEW_REASON,
      }),
    ]);

    // Every step in order, each once, all sent, all Chinese, none with the ID number or the full phone.
    expect(all.map((n) => n.kind)).toEqual(['registration', 'acceptance', 'extension', 'reply_delivered', 'closure', 'appeal_decision']);
    for (const n of all) {
      expect(n).toMatchObject({ status: 'sent', recipient: '139****5678', attempts: 1 });
      expect(n.text).toMatch(/^钱\*\*您好：/);
      for (const secret of [PHONE, ID_NUMBER, '钱多多']) expect(n.text).not.toContain(secret);
    }
    // The embedded gateway's store holds exactly what was sent, to the masked number.
    const store = await platform.sql<{ id: string; to_masked: string; text: string }>(
      `SELECT id, to_masked, text FROM intake.local_sms_messages WHERE id = ANY($1::text[])`,
      [all.map((n) => n.id)],
    );
    expect(store.map((m) => m.text).sort()).toEqual(all.map((n) => n.text).sort());
    expect(new Set(store.map((m) => m.to_masked))).toEqual(new Set(['139****5678']));
  });

  it('tells of a decision not to accept, and lists the petitioners who can only be told in writing', async () => {
    const held = await post(platform.intake.url(), '/api/petitions', clerk, {
      channel: 'visit',
      petitionerName: '孙小美',
      petitionerPhone: '13700001111',
      title: '劳动合同纠纷',
      content: '公司解除劳动合同不支付经济补偿，联系我请打13700001111。',
      categoryCode: 'LABOR.WAGES',
      regionCode: '440103',
      route: 'triage',
    }).expect(201);
    await post(platform.intake.url(), `/api/petitions/${held.body.id}/triage`, clerk, {
      outcome: 'inform',
      properChannel: 'labor_arbitration',
      authority: '越秀区劳动人事争议仲裁委员会',
    }).expect(200);
    const informed = (await noticesOnceSent(held.body.id, 'non_acceptance')).find((n) => n.kind === 'non_acceptance') as ApiBody;
    expect(informed.text).toBe(
      `孙**您好：您的信访事项（${held.body.trackingNo}）经审查，请通过以下途径解决：申请劳动人事争议仲裁：越秀区劳动人事争议仲裁委员会。书面告知另行送达。`,
    );

    const letter = await post(platform.intake.url(), '/api/petitions', clerk, {
      channel: 'letter',
      letter: { receivedDate: '2026-11-20' },
      petitionerName: '周大福',
      petitionerAddress: '广州市越秀区某街1号',
      title: '来信反映噪音扰民',
      content: '楼下商铺夜间噪音扰民，请求处理。',
      categoryCode: 'URBAN.ILLEGAL_BUILDING',
      regionCode: '440103',
    }).expect(201);
    const unreachable = await eventually(async () => {
      const res = await request(platform.intake.url())
        .get('/api/notices?status=no_recipient&limit=200')
        .set('Authorization', supervisor)
        .expect(200);
      return res.body.items.find((n: ApiBody) => n.petitionId === letter.body.id);
    });
    expect(unreachable).toMatchObject({
      kind: 'registration',
      recipient: null,
      attempts: 0,
      lastError: expect.stringContaining('notify in writing'),
    });
    await request(platform.intake.url()).get('/api/notices?status=lost').set('Authorization', supervisor).expect(400);
    await request(platform.intake.url()).get(`/api/petitions/${randomUUID()}/notices`).set('Authorization', clerk).expect(404);
    await request(platform.intake.url()).get(`/api/petitions/${held.body.id}/notices`).set('Authorization', handler).expect(403);
  });
});
