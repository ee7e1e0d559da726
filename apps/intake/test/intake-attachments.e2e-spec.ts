import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import request from 'supertest';
import { Role } from '@petition/contracts';
import { bearer, binaryBody } from '@petition/testing';
import { clerk, post, startIntake, type IntakeHarness } from './intake-harness';

const base = {
  title: '小区门口道路长期积水',
  content: '每逢下雨积水严重，请求疏通排水管道。',
  categoryCode: 'URBAN.DRAINAGE',
  regionCode: '440106001',
};
const MAX = 64 * 1024;
const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2000, 0x41)]);
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(500, 1)]);
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(500, 0x90)]);

function upload(url: string, petitionId: string, data: Buffer, contentType: string, fileName = '材料.pdf', auth: string = clerk) {
  return request(url)
    .post(`/api/petitions/${petitionId}/attachments`)
    .query({ fileName })
    .set('Authorization', auth)
    .set('Idempotency-Key', randomUUID())
    .set('Content-Type', contentType)
    .send(data);
}

describe('intake: attachments', () => {
  let h: IntakeHarness;
  let dir: string;
  let petition: { id: string; trackingNo: string; queryCode: string };
  const stored = (petitionId: string) =>
    existsSync(path.join(dir, petitionId)) ? readdirSync(path.join(dir, petitionId)).filter((f) => !f.endsWith('.part')) : [];
  const rows = async (petitionId: string) =>
    (await h.sql<{ n: number }>('SELECT count(*)::int AS n FROM intake.attachments WHERE petition_id = $1', [petitionId]))[0].n;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'intake-attachments-'));
    h = await startIntake({ ATTACHMENT_DIR: dir, ATTACHMENT_MAX_BYTES: String(MAX) });
    const res = await post(h.url, '/api/petitions', { ...base, channel: 'visit', petitionerName: '张三' }).expect(201);
    petition = res.body;
  });
  afterAll(async () => {
    await h?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stores a PDF under the data dir with its SHA-256, recognised from its bytes', async () => {
    const res = await upload(h.url, petition.id, PDF, 'application/pdf', '现场照片 说明.pdf').expect(201);
    expect(res.body).toMatchObject({
      petitionId: petition.id,
      fileName: '现场照片 说明.pdf',
      contentType: 'application/pdf',
      sizeBytes: PDF.length,
      uploadedBy: 'clerk-1',
    });
    expect(res.body.sha256).toBe(createHash('sha256').update(PDF).digest('hex'));
    expect(readFileSync(path.join(dir, petition.id, res.body.id)).equals(PDF)).toBe(true);
    const list = await request(h.url).get(`/api/petitions/${petition.id}/attachments`).set('Authorization', clerk).expect(200);
    expect(list.body.map((a: { id: string }) => a.id)).toEqual([res.body.id]);
  });

  it('refuses a disallowed type, a type that contradicts its bytes, an empty body and an oversize file — storing nothing', async () => {
    const before = await rows(petition.id);
    const files = stored(petition.id).length;
    const exe = await upload(h.url, petition.id, EXE, 'application/pdf').expect(422);
    expect(exe.body.code).toBe('ATTACHMENT_TYPE_NOT_ALLOWED');
    const mismatch = await upload(h.url, petition.id, PNG, 'application/pdf').expect(422);
    expect(mismatch.body).toMatchObject({
      code: 'ATTACHMENT_TYPE_MISMATCH',
      details: [expect.objectContaining({ field: 'Content-Type' })],
    });
    const empty = await upload(h.url, petition.id, Buffer.alloc(0), 'application/pdf').expect(400);
    expect(empty.body.code).toBe('ATTACHMENT_EMPTY');
    const big = await upload(h.url, petition.id, Buffer.concat([PDF, Buffer.alloc(MAX)]), 'application/pdf').expect(413);
    expect(big.body.code).toBe('PAYLOAD_TOO_LARGE');
    const badName = await upload(h.url, petition.id, PDF, 'application/pdf', '../../etc/passwd').expect(400);
    expect(badName.body.details.map((d: { field: string }) => d.field)).toContain('fileName');
    const unknown = await upload(h.url, randomUUID(), PDF, 'application/pdf').expect(404);
    expect(unknown.body.code).toBe('PETITION_NOT_FOUND');
    expect(await rows(petition.id)).toBe(before);
    expect(stored(petition.id)).toHaveLength(files);
  });

  it('lets bureau staff download with a reason, audited; others are refused', async () => {
    const up = await upload(h.url, petition.id, PNG, 'image/png', 'photo.png').expect(201);
    const url = `/api/petitions/${petition.id}/attachments/${up.body.id}/content`;
    const res = await request(h.url)
      .get(url)
      .query({ reason: '核实证据材料' })
      .set('Authorization', clerk)
      .buffer(true)
      .parse(binaryBody)
      .expect(200);
    expect(res.headers['content-type']).toContain('image/png');
    expect((res.body as Buffer).equals(PNG)).toBe(true);
    const audit = await h.sql<{ actor: string; reason: string; fields: string[] }>(
      'SELECT actor, reason, fields FROM intake.contact_access_log WHERE petition_id = $1',
      [petition.id],
    );
    expect(audit).toEqual([{ actor: 'clerk-1', reason: '核实证据材料', fields: [`attachment:${up.body.id}`] }]);
    await request(h.url).get(url).set('Authorization', clerk).expect(400);
    await request(h.url)
      .get(url)
      .query({ reason: '核实证据材料' })
      .set('Authorization', bearer([Role.Handler], randomUUID()))
      .expect(403);
    await request(h.url)
      .get(url)
      .query({ reason: '核实证据材料' })
      .set('Authorization', bearer([Role.Dispatcher]))
      .expect(403);
    await request(h.url).get(url).query({ reason: '核实证据材料' }).expect(401);
  });

  it('lets the petitioner add a file to their own matter with the query code (in a header, never in the URL)', async () => {
    const online = await post(
      h.url,
      '/api/public/petitions',
      { ...base, petitionerName: '李四', petitionerPhone: '13900002222' },
      null,
    ).expect(201);
    const path_ = `/api/public/petitions/${online.body.trackingNo}/attachments`;
    const ok = await request(h.url)
      .post(path_)
      .query({ fileName: 'recording.amr' })
      .set('X-Query-Code', online.body.queryCode)
      .set('Idempotency-Key', randomUUID())
      .set('Content-Type', 'audio/amr')
      .send(Buffer.concat([Buffer.from('#!AMR\n'), Buffer.alloc(300, 3)]))
      .expect(201);
    expect(ok.body).toMatchObject({ contentType: 'audio/amr', uploadedBy: 'public' });
    const wrong = await request(h.url)
      .post(path_)
      .query({ fileName: 'x.pdf' })
      .set('X-Query-Code', 'ZZZZZZZZ')
      .set('Idempotency-Key', randomUUID())
      .set('Content-Type', 'application/pdf')
      .send(PDF)
      .expect(404);
    expect(wrong.body.code).toBe('PUBLIC_PETITION_NOT_FOUND');
    // The code in the URL, as before, is refused: URLs end up in proxy logs and traces.
    const inUrl = await request(h.url)
      .post(path_)
      .query({ queryCode: online.body.queryCode, fileName: 'x.pdf' })
      .set('Idempotency-Key', randomUUID())
      .set('Content-Type', 'application/pdf')
      .send(PDF)
      .expect(400);
    expect(inUrl.body.code).toBe('VALIDATION_FAILED');
  });
});
