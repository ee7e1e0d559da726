import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { Role } from '@petition/contracts';
import { chineseDate } from '@petition/documents';
import { bearer, binaryBody, docxText, eventually } from '@petition/testing';
import { unitIdFor } from '../../dispatch/src/directory/seed/stable-id';
import { withCheckDigit } from '../../intake/src/pii/resident-id';
import { registerPetition, startPlatform, workItemOf, type ApiBody, type Platform } from './platform.fixture';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const ID_NUMBER = withCheckDigit('44010619870315123');
const PHONE = '13955556666';
const CONTENT =
  '天河区五山街道华工社区东门外雨水井长期堵塞，每逢大雨积水半米深，居民出行困难，已多次向物业反映未解决，请求疏通并加装排水设施。';
const reason = { reason: '打印交办单归档' };

/** The last day of a period due at `due` (exclusive), as a document writes it. */
const lastDay = (due: string) => chineseDate(new Date(Date.parse(due) - 1));

/**
 * A unit's documents of the matter it handles, through handling: its own 交办单 (issued at the first
 * download from a versioned template, kept, and the same file ever after; never the petitioner's ID
 * number or phone), and the petitioner's documents, which intake issues and handling passes on.
 */
describe('a unit’s documents: its 交办单 and the petitioner’s', () => {
  let platform: Platform;
  const tianheId = unitIdFor('GZ-440106');
  const waterId = unitIdFor('GZ-SWJ');
  const tianhe = bearer([Role.Handler], tianheId, 'handler-tianhe');
  const water = bearer([Role.Handler], waterId, 'handler-water');
  const outsider = bearer([Role.Handler], unitIdFor('GZ-CGJ'), 'handler-cgj');
  let petition: { id: string; trackingNo: string; registeredAt: string };
  let leadItem: ApiBody;
  let leadSheet: Buffer;
  const names = new Map<string, string>();

  const get = (path: string, auth: string, query: object = reason) =>
    request(platform.handling.url()).get(path).query(query).set('Authorization', auth).buffer(true).parse(binaryBody);
  const sheetOf = (itemId: string, auth: string, query: object = reason) =>
    get(`/api/work-items/${itemId}/documents/assignment-sheet`, auth, query);
  const petitionerDocument = (itemId: string, kind: string, auth: string) =>
    get(`/api/work-items/${itemId}/documents/petitioner/${kind}`, auth);
  /** A JSON error body, which binaryBody left as bytes. */
  const errorOf = (res: { body: unknown }) => JSON.parse((res.body as Buffer).toString('utf8')) as ApiBody;

  beforeAll(async () => {
    platform = await startPlatform();
    // Drainage in a Tianhe street: Tianhe district leads, the water bureau co-handles (demo rules).
    const fields = {
      petitionerName: '李文书',
      petitionerPhone: PHONE,
      petitionerIdNumber: ID_NUMBER,
      title: '小区雨水井堵塞积水',
      content: CONTENT,
      categoryCode: 'URBAN.DRAINAGE',
      regionCode: '440106001',
    };
    petition = (await registerPetition(platform, fields)) as typeof petition;
    leadItem = await workItemOf(platform, tianhe, petition.id);
    // The units as the directory names them, and handling has learnt them from directory.v1.
    const rows = await platform.sql<{ id: string; name: string }>('SELECT id, name FROM dispatch.units WHERE id = ANY($1)', [
      [tianheId, waterId],
    ]);
    for (const r of rows) names.set(r.id, r.name);
    expect(names.size).toBe(2);
    await eventually(async () => {
      const known = await platform.sql('SELECT 1 FROM handling.units WHERE unit_id = ANY($1)', [[tianheId, waterId]]);
      return known.length === 2 ? true : undefined;
    });
  });
  afterAll(async () => {
    await platform?.stop();
  });

  it('the lead unit downloads its 交办单: the matter, both units, the dates in Chinese, the content and the legal basis, no ID number or phone', async () => {
    const res = await sheetOf(leadItem.id, tianhe).expect(200);
    expect(res.headers['content-type']).toContain(DOCX);
    expect(res.headers['content-disposition']).toContain(encodeURIComponent(`交办单-${petition.trackingNo}.docx`));
    leadSheet = res.body as Buffer;
    const text = await docxText(leadSheet);
    for (const expected of [
      '交办单',
      petition.trackingNo,
      names.get(tianheId) as string,
      names.get(waterId) as string,
      chineseDate(petition.registeredAt),
      lastDay(leadItem.acceptDue),
      CONTENT,
      '《信访工作条例》第二十二条',
      '广州市信访局',
      '自受理之日起六十日',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).toMatch(/本单位职责\n承办/);
    expect(text).toMatch(/信访渠道\n来访/);
    expect(text).not.toContain(ID_NUMBER);
    expect(text).not.toContain(PHONE);
    expect(text).not.toContain('李文书');
  });

  it('a second download is the same file, and every download is logged with its reason', async () => {
    const again = await sheetOf(leadItem.id, tianhe).expect(200);
    expect((again.body as Buffer).equals(leadSheet)).toBe(true);
    const log = await platform.sql<{ actor: string; reason: string }>(
      'SELECT actor, reason FROM handling.document_downloads WHERE work_item_id = $1 ORDER BY at',
      [leadItem.id],
    );
    expect(log).toEqual([
      { actor: 'handler-tianhe', reason: reason.reason },
      { actor: 'handler-tianhe', reason: reason.reason },
    ]);
  });

  it('another unit gets the same 404 as for nothing (audited); a missing reason or an unknown kind is a 400 naming the field', async () => {
    const denied = await sheetOf(leadItem.id, outsider).expect(404);
    expect(errorOf(denied).code).toBe('WORK_ITEM_NOT_FOUND');
    expect(errorOf(await sheetOf(randomUUID(), outsider).expect(404)).code).toBe('WORK_ITEM_NOT_FOUND');
    await petitionerDocument(leadItem.id, 'acceptance_notice', outsider).expect(404);
    const audit = await platform.sql<{ action: string }>('SELECT action FROM handling.access_audit WHERE work_item_id = $1 ORDER BY id', [
      leadItem.id,
    ]);
    expect(audit.map((a) => a.action)).toEqual(['documents.assignment-sheet', 'documents.petitioner.acceptance_notice']);

    const noReason = await sheetOf(leadItem.id, tianhe, {}).expect(400);
    expect(errorOf(noReason).details).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'reason' })]));
    const badKind = await petitionerDocument(leadItem.id, 'birth_certificate', tianhe).expect(400);
    expect(errorOf(badKind).details).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'kind' })]));
  });

  it('the petitioner’s acceptance notice comes through handling once the lead accepted (intake’s 409 passed on before)', async () => {
    const early = await petitionerDocument(leadItem.id, 'acceptance_notice', tianhe).expect(409);
    expect(errorOf(early).code).toBe('DOCUMENT_NOT_AVAILABLE');
    const accepted = await request(platform.handling.url())
      .post(`/api/work-items/${leadItem.id}/accept`)
      .set('Authorization', tianhe)
      .set('Idempotency-Key', randomUUID())
      .expect(200);
    leadItem = accepted.body as ApiBody;
    // Intake learns of the acceptance from handling's event.
    const notice = await eventually(
      async () => {
        const res = await petitionerDocument(leadItem.id, 'acceptance_notice', tianhe);
        return res.status === 200 ? res : undefined;
      },
      { timeoutMs: 30000 },
    );
    expect(notice.headers['content-type']).toContain(DOCX);
    const text = await docxText(notice.body as Buffer);
    expect(text).toContain(petition.trackingNo);
    expect(text).toContain('受理告知书');

    // The lead's sheet was issued before: it stays the same file.
    expect(((await sheetOf(leadItem.id, tianhe).expect(200)).body as Buffer).equals(leadSheet)).toBe(true);
  });

  it('the co-handler downloads the sheet of its own item: 协办, and the handling deadline now the lead accepted', async () => {
    const coItem = await workItemOf(platform, water, petition.id, 'co_handler');
    // The lead's item is not the co-handler's to read.
    await sheetOf(leadItem.id, water).expect(404);
    const res = await sheetOf(coItem.id, water).expect(200);
    expect((res.body as Buffer).equals(leadSheet)).toBe(false);
    const text = await docxText(res.body as Buffer);
    expect(text).toMatch(/本单位职责\n协办/);
    expect(text).toContain(names.get(tianheId) as string);
    expect(text).toContain(names.get(waterId) as string);
    expect(text).toContain(lastDay(leadItem.handlingDue as string));
    expect(text).not.toContain(ID_NUMBER);
    expect(text).not.toContain(PHONE);
  });

  it('an accusation’s accused unit never gets a sheet: it has no work item, and the leading discipline unit does', async () => {
    const accusation = await registerPetition(platform, {
      title: '反映街道干部违规收费',
      content: '天河区某街道干部在办理证明时违规收取费用，请求调查。',
      categoryCode: 'DISCIPLINE.OFFICIALS',
      regionCode: '440106',
      nature: 'accusation',
      accusedUnitId: tianheId,
    });
    const discipline = bearer([Role.Handler], unitIdFor('GZ-JW-440106'), 'handler-jw');
    const item = await workItemOf(platform, discipline, accusation.id);
    await eventually(async () => {
      const known = await platform.sql('SELECT 1 FROM handling.units WHERE unit_id = $1', [unitIdFor('GZ-JW-440106')]);
      return known.length ? true : undefined;
    });
    const own = await sheetOf(item.id, discipline).expect(200);
    expect(await docxText(own.body as Buffer)).toContain(accusation.trackingNo);
    const inbox = await request(platform.handling.url()).get('/api/work-items?limit=200').set('Authorization', tianhe).expect(200);
    expect(inbox.body.items.map((w: { petitionId: string }) => w.petitionId)).not.toContain(accusation.id);
    expect(errorOf(await sheetOf(item.id, tianhe).expect(404)).code).toBe('WORK_ITEM_NOT_FOUND');
  });
});
