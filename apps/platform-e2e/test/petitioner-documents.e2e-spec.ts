import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { Role } from '@petition/contracts';
import { chineseDate } from '@petition/documents';
import { bearer, binaryBody, docxText, eventually } from '@petition/testing';
import { unitIdFor } from '../../dispatch/src/directory/seed/stable-id';
import { withCheckDigit } from '../../intake/src/pii/resident-id';
import { startPlatform, workItemOf, type ApiBody, type Platform } from './platform.fixture';

const ID_NUMBER = withCheckDigit('44010319800101123');
const PHONE = '13922223333';
const ADDRESS = '广州市越秀区东风中路100号';

/**
 * The documents addressed to the petitioner (docs/documents.md), for a matter walked through the
 * embedded stack: each is a DOCX that a parser opens and that states the tracking number, the
 * units, the dates in Chinese, the legal basis and the next remedy; a second download is the same
 * file; the petitioner downloads their own with the query code in the body; the units that handle
 * the matter may, others may not; every download is logged.
 */
describe('documents the offices print and file: the petitioner’s', () => {
  let platform: Platform;
  const cgj = unitIdFor('GZ-CGJ');
  const handler = bearer([Role.Handler], cgj);
  const clerk = bearer([Role.Clerk], null, 'clerk-documents');
  const supervisor = bearer([Role.Supervisor], null, 'supervisor-documents');
  const reason = { reason: '当面送达信访人' };
  const post = (url: string, path: string, auth: string | null, body: object = {}) => {
    const r = request(url).post(path).set('Idempotency-Key', randomUUID());
    return (auth ? r.set('Authorization', auth) : r).send(body);
  };
  const download = (petitionId: string, kind: string, auth = clerk) =>
    request(platform.intake.url())
      .get(`/api/petitions/${petitionId}/documents/${kind}`)
      .query(reason)
      .set('Authorization', auth)
      .buffer(true)
      .parse(binaryBody);
  /** The error code of a refused download (the body came back as bytes). */
  const codeOf = (res: { body: Buffer }) => (JSON.parse(res.body.toString('utf8')) as { code: string }).code;
  /** Downloads once the petition has reached the step the document states. */
  const downloadWhenReady = (petitionId: string, kind: string): Promise<Buffer> =>
    eventually(
      async () => {
        const res = await download(petitionId, kind);
        return res.status === 200 ? (res.body as Buffer) : undefined;
      },
      { timeoutMs: 40000 },
    );

  beforeAll(async () => {
    platform = await startPlatform(['intake', 'dispatch', 'handling', 'supervision']);
  });
  afterAll(async () => {
    await platform?.stop();
  });

  it('issues each document of a matter walked from registration to re-examination', async () => {
    const registered = await post(platform.intake.url(), '/api/petitions', clerk, {
      channel: 'visit',
      petitionerName: '赵文书',
      petitionerPhone: PHONE,
      petitionerIdNumber: ID_NUMBER,
      petitionerAddress: ADDRESS,
      title: '邻居违建阻挡采光',
      content: '邻居加建两层阻挡采光，请求依法处理。',
      categoryCode: 'URBAN.ILLEGAL_BUILDING',
      regionCode: '440103',
    }).expect(201);
    const { id, trackingNo, queryCode, registeredAt } = registered.body as ApiBody;
    const [cgjName] = (await platform.sql<{ name: string }>('SELECT name FROM dispatch.units WHERE id = $1', [cgj])).map((u) => u.name);

    // Nothing to state yet: no acceptance.
    const early = await download(id, 'acceptance_notice').expect(409);
    expect(codeOf(early)).toBe('DOCUMENT_NOT_AVAILABLE');

    const item = await workItemOf(platform, handler, id);
    const accepted = await post(platform.handling.url(), `/api/work-items/${item.id}/accept`, handler).expect(200);
    const acceptance = await docxText(await downloadWhenReady(id, 'acceptance_notice'));
    const handleBy = chineseDate(new Date(Date.parse(accepted.body.handlingDue) - 1));
    for (const expected of [
      '受理告知书',
      trackingNo,
      '赵文书：',
      `你于${chineseDate(registeredAt)}提出的信访事项（“邻居违建阻挡采光”）已收悉`,
      '《信访工作条例》第二十三条',
      `于${handleBy}前办结`,
      cgjName,
      `送达地址：${ADDRESS}`,
    ])
      expect(acceptance).toContain(expected);
    for (const secret of [ID_NUMBER, PHONE]) expect(acceptance).not.toContain(secret);

    await post(platform.handling.url(), `/api/work-items/${item.id}/reply`, handler, {
      outcome: 'support',
      facts: '经现场勘查，邻居加建两层属实，未取得规划许可。',
      decision: '责令当事人于三十日内自行拆除违法加建部分。',
      legalBasis: '《中华人民共和国城乡规划法》第六十四条',
      text: '您反映的违建问题已查实并依法处理。',
      attachments: [],
    }).expect(201);
    const review = await eventually(
      async () => {
        const res = await request(platform.supervision.url())
          .get(`/api/reviews?status=pending&petitionId=${id}`)
          .set('Authorization', supervisor);
        return res.body.items?.[0] as ApiBody | undefined;
      },
      { timeoutMs: 40000 },
    );
    await post(platform.supervision.url(), `/api/reviews/${review.id}/approve`, supervisor, { delivery: 'online' }).expect(200);
    const letter = await docxText(await downloadWhenReady(id, 'decision_letter'));
    for (const expected of [
      '信访事项处理意见书',
      trackingNo,
      '一、信访请求：邻居加建两层阻挡采光，请求依法处理。',
      '二、查明事实：经现场勘查，邻居加建两层属实，未取得规划许可。',
      '三、处理意见：责令当事人于三十日内自行拆除违法加建部分。（予以支持）',
      '四、法律政策依据：《中华人民共和国城乡规划法》第六十四条',
      '《信访工作条例》第三十五条',
      cgjName,
    ])
      expect(letter).toContain(expected);
    expect(letter).toMatch(/即\d{4}年\d{1,2}月\d{1,2}日前，向本机关的上一级机关申请复查/);

    const appeal = await post(platform.supervision.url(), '/api/appeals', clerk, {
      petitionId: id,
      kind: 'review',
      grounds: '认为拆除不彻底，申请复查。',
      receivedAt: new Date().toISOString(),
    }).expect(201);
    const decided = await post(platform.supervision.url(), `/api/appeals/${appeal.body.id}/decide`, supervisor, {
      outcome: 'upheld',
      reason: '原处理意见认定事实清楚，适用依据正确，予以维持。',
    }).expect(200);
    const reviewText = await docxText(await downloadWhenReady(id, 'review_decision'));
    for (const expected of [
      '信访事项复查意见书',
      trackingNo,
      '《信访工作条例》第三十五条',
      '维持原处理意见。原处理意见认定事实清楚，适用依据正确，予以维持。',
      '《信访工作条例》第三十六条',
      `于${chineseDate(decided.body.decidedAt)}提出复查意见`,
      '广州市信访局',
    ])
      expect(reviewText).toContain(expected);
    expect(reviewText).toMatch(/即\d{4}年\d{1,2}月\d{1,2}日前，向复查机关的上一级机关请求复核/);

    const reexam = await post(platform.supervision.url(), '/api/appeals', supervisor, {
      petitionId: id,
      kind: 'reexamination',
      grounds: '对复查意见不服，申请复核。',
      receivedAt: new Date().toISOString(),
    }).expect(201);
    await post(platform.supervision.url(), `/api/appeals/${reexam.body.id}/decide`, supervisor, {
      outcome: 'upheld',
      reason: '复查意见正确，予以维持。',
    }).expect(200);
    const reexamText = await docxText(await downloadWhenReady(id, 'reexam_decision'));
    for (const expected of ['信访事项复核意见书', trackingNo, '《信访工作条例》第三十六条第三款', '不再受理'])
      expect(reexamText).toContain(expected);

    // The same file every time, and in the list with its issue.
    const again = (await download(id, 'acceptance_notice').expect(200)).body as Buffer;
    const first = await downloadWhenReady(id, 'acceptance_notice');
    expect(again.equals(first)).toBe(true);
    const list = await request(platform.intake.url()).get(`/api/petitions/${id}/documents`).set('Authorization', supervisor).expect(200);
    expect(list.body.map((d: ApiBody) => d.kind)).toEqual(['acceptance_notice', 'decision_letter', 'review_decision', 'reexam_decision']);
    expect(list.body.every((d: ApiBody) => d.templateVersion === 1 && /^[0-9a-f]{64}$/.test(d.sha256))).toBe(true);

    // The petitioner's own copy: the query code in the body, the same bytes.
    const mine = await post(platform.intake.url(), '/api/public/petitions/documents', null, {
      trackingNo,
      queryCode,
      kind: 'acceptance_notice',
    })
      .buffer(true)
      .parse(binaryBody)
      .expect(200);
    expect((mine.body as Buffer).equals(first)).toBe(true);
    expect(mine.headers['content-type']).toContain('wordprocessingml');
    await post(platform.intake.url(), '/api/public/petitions/documents', null, {
      trackingNo,
      queryCode: 'WRNGCDEF',
      kind: 'acceptance_notice',
    }).expect(404);
    await post(platform.intake.url(), '/api/public/petitions/documents', null, { trackingNo, queryCode, kind: 'love_letter' }).expect(400);

    // The lead unit may download it; another unit gets the 404 of a petition that does not exist, and that is logged.
    await download(id, 'decision_letter', handler).expect(200);
    const outsider = bearer([Role.Handler], unitIdFor('GZ-SWJ'), 'handler-swj');
    expect(codeOf(await download(id, 'decision_letter', outsider).expect(404))).toBe('PETITION_NOT_FOUND');
    const refusals = await platform.sql<{ reason: string }>(
      `SELECT reason FROM intake.contact_access_log WHERE petition_id = $1 AND actor = 'handler-swj'`,
      [id],
    );
    expect(refusals.map((r) => r.reason)).toEqual(['refused: document decision_letter: 当面送达信访人']);
    const log = await platform.sql<{ actor: string; reason: string }>(
      `SELECT actor, reason FROM intake.document_downloads WHERE petition_id = $1`,
      [id],
    );
    expect(log.filter((l) => l.actor === 'petitioner')).toHaveLength(1);
    expect(log.filter((l) => l.actor === 'clerk-documents').length).toBeGreaterThanOrEqual(5);
    await request(platform.intake.url()).get(`/api/petitions/${id}/documents/acceptance_notice`).set('Authorization', clerk).expect(400);
  });

  it('issues the notices of triage decisions that do not accept the matter', async () => {
    const held = async (title: string) =>
      (
        await post(platform.intake.url(), '/api/petitions', clerk, {
          channel: 'letter',
          letter: { receivedDate: '2026-11-20' },
          petitionerName: '钱告知',
          petitionerAddress: ADDRESS,
          title,
          content: `${title}，请求处理。`,
          categoryCode: 'LABOR.WAGES',
          regionCode: '440103',
          route: 'triage',
        }).expect(201)
      ).body as ApiBody;
    const informed = await held('劳动合同纠纷');
    await post(platform.intake.url(), `/api/petitions/${informed.id}/triage`, clerk, {
      outcome: 'inform',
      properChannel: 'labor_arbitration',
      authority: '越秀区劳动人事争议仲裁委员会',
    }).expect(200);
    const inform = await docxText((await download(informed.id, 'inform_notice').expect(200)).body as Buffer);
    for (const expected of [
      '告知书',
      informed.trackingNo,
      '申请劳动人事争议仲裁：越秀区劳动人事争议仲裁委员会',
      '《信访工作条例》第二十二条第二款',
      '广州市信访局',
    ])
      expect(inform).toContain(expected);

    const forwarded = await held('外省企业欠薪');
    const decided = await post(platform.intake.url(), `/api/petitions/${forwarded.id}/triage`, clerk, {
      outcome: 'forward',
      authority: '某省人力资源和社会保障厅',
    }).expect(200);
    const forward = await docxText((await download(forwarded.id, 'forward_notice').expect(200)).body as Buffer);
    for (const expected of [
      '转送告知书',
      forwarded.trackingNo,
      `本机关已于${chineseDate(decided.body.triage.at)}将该事项转送某省人力资源和社会保障厅办理`,
      '第二十二条第一款',
    ])
      expect(forward).toContain(expected);
    // The same matter again from the same petitioner while it is open: linked, not accepted anew.
    const again = async () =>
      (
        await post(platform.intake.url(), '/api/petitions', clerk, {
          channel: 'visit',
          petitionerName: '钱告知',
          petitionerPhone: '13711112222',
          petitionerAddress: ADDRESS,
          title: '小区排水管道堵塞',
          content: '小区排水管道堵塞多日，污水外溢，请求疏通。',
          categoryCode: 'URBAN.DRAINAGE',
          regionCode: '440103',
        }).expect(201)
      ).body as ApiBody;
    const original = await again();
    const repeat = await again();
    expect(repeat.triage).toMatchObject({ outcome: 'link_repeat', target: original.trackingNo });
    const notAccepted = await docxText((await download(repeat.id, 'non_acceptance_notice').expect(200)).body as Buffer);
    for (const expected of ['不予受理告知书', repeat.trackingNo, '与正在办理中的信访事项属同一事项', '《信访工作条例》第十九条'])
      expect(notAccepted).toContain(expected);
    // Whoever holds the repeat's query code downloads this notice: it never names another petition (issue #20).
    expect(notAccepted).not.toContain(original.trackingNo);

    // A document of another kind than the decision is not available.
    expect(codeOf(await download(forwarded.id, 'inform_notice').expect(409))).toBe('DOCUMENT_NOT_AVAILABLE');
  });
});
