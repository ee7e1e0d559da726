import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { Role } from '@petition/contracts';
import { encodeCursor } from '@petition/service-kit';
import { bearer } from '@petition/testing';
import { unitIdFor } from '../../dispatch/src/directory/seed/stable-id';
import { acceptedItem, registerPetition, startPlatform, workItemOf, type Platform } from './platform.fixture';

const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from('勘查笔录'.repeat(20))]);
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);

describe('handling and dispatch: idempotency keys, uploads, extensions and cursors (#20)', () => {
  let platform: Platform;
  const cgj = unitIdFor('GZ-CGJ');
  const handler = bearer([Role.Handler], cgj, 'handler-of-cgj');
  const head = bearer([Role.UnitHead], cgj, 'head-of-cgj');
  const deputyHead = bearer([Role.UnitHead], cgj, 'deputy-head-of-cgj');
  const handling = () => request(platform.handling.url());

  beforeAll(async () => {
    // A small upload limit, so that reading a body before the token check would show as a 413.
    platform = await startPlatform(['intake', 'dispatch', 'handling'], { handling: { ATTACHMENT_MAX_BYTES: '2048' } });
  });
  afterAll(async () => {
    await platform?.stop();
  });

  it('refuses an Idempotency-Key used for W1’s acceptance on W2, which stays to be accepted', async () => {
    const w1 = await workItemOf(platform, handler, (await registerPetition(platform)).id);
    const w2 = await workItemOf(platform, handler, (await registerPetition(platform)).id);
    const key = randomUUID();
    const accept = (id: string, k: string) =>
      handling().post(`/api/work-items/${id}/accept`).set('Authorization', handler).set('Idempotency-Key', k);
    const first = await accept(w1.id, key).expect(200);
    expect(first.body).toMatchObject({ id: w1.id, status: 'accepted' });
    // A retry of the same request gets the same answer...
    expect((await accept(w1.id, key).expect(200)).body).toEqual(first.body);
    // ...but the same key on another work item is not a retry: refused, never W1's answer.
    const reused = await accept(w2.id, key).expect(422);
    expect(reused.body).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED', details: [{ field: 'Idempotency-Key' }] });
    const shown = await handling().get(`/api/work-items/${w2.id}`).set('Authorization', handler).expect(200);
    expect(shown.body.status).not.toBe('accepted');
    expect((await accept(w2.id, randomUUID()).expect(200)).body).toMatchObject({ id: w2.id, status: 'accepted' });
  });

  it('stores an upload as what its bytes are, and refuses bytes that contradict the declared type or are no accepted type', async () => {
    const item = await acceptedItem(platform, handler);
    const upload = (bytes: Buffer, type: string, auth: string | null = handler) => {
      const r = handling()
        .post(`/api/work-items/${item.id}/attachments?fileName=x.pdf`)
        .set('Idempotency-Key', randomUUID())
        .set('Content-Type', type);
      return (auth ? r.set('Authorization', auth) : r).send(bytes);
    };
    const mismatch = await upload(PNG, 'application/pdf').expect(422);
    expect(mismatch.body).toMatchObject({ code: 'ATTACHMENT_TYPE_MISMATCH', details: [{ field: 'Content-Type' }] });
    const html = Buffer.from('<html><script>alert(document.cookie)</script></html>');
    expect((await upload(html, 'application/pdf').expect(422)).body.code).toBe('ATTACHMENT_TYPE_NOT_ALLOWED');
    expect((await upload(html, 'text/html').expect(422)).body.code).toBe('ATTACHMENT_TYPE_NOT_ALLOWED');
    expect((await upload(PDF, 'application/pdf').expect(201)).body.contentType).toBe('application/pdf');
    expect((await upload(PNG, 'application/octet-stream').expect(201)).body.contentType).toBe('image/png');
    // Over the limit: the token and role are checked first, the size only for an entitled caller.
    const large = Buffer.concat([PDF, Buffer.alloc(4096, 0x20)]);
    expect((await upload(large, 'application/pdf', null).expect(401)).body.code).toBe('AUTH_UNAUTHENTICATED');
    expect((await upload(large, 'application/pdf', bearer([Role.Clerk])).expect(403)).body.code).toBe('AUTH_FORBIDDEN');
    expect((await upload(large, 'application/pdf').expect(413)).body.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('lets no unit head decide their own extension request; another head of the unit does', async () => {
    const item = await acceptedItem(platform, handler);
    const post = (path: string, auth: string, body: object = {}) =>
      handling().post(path).set('Authorization', auth).set('Idempotency-Key', randomUUID()).send(body);
    const asked = await post(`/api/work-items/${item.id}/extension-requests`, head, { days: 10, reason: '需补充现场测绘。' }).expect(201);
    for (const decision of ['approve', 'deny']) {
      const own = await post(`/api/extension-requests/${asked.body.id}/${decision}`, head, { note: '同意。' }).expect(403);
      expect(own.body.code).toBe('EXTENSION_OWN_REQUEST');
    }
    const pending = await handling().get('/api/extension-requests?status=pending').set('Authorization', head).expect(200);
    expect(pending.body.items.find((r: { id: string }) => r.id === asked.body.id)).toMatchObject({ status: 'pending' });
    const approved = await post(`/api/extension-requests/${asked.body.id}/approve`, deputyHead, { note: '同意。' }).expect(200);
    expect(approved.body).toMatchObject({ status: 'approved', decidedBy: 'deputy-head-of-cgj' });
  });

  it.each([
    ['handling', '/api/work-items', () => handler],
    ['handling', '/api/extension-requests', () => head],
    ['dispatch', '/api/dispatch-queue', () => bearer([Role.Dispatcher])],
    ['dispatch', '/api/units', () => bearer([Role.Dispatcher])],
    ['dispatch', '/api/units/load', () => bearer([Role.Dispatcher])],
  ] as const)('%s %s answers a cursor that decodes but carries wrong values with 400 on `cursor`', async (service, path, auth) => {
    const url = service === 'handling' ? platform.handling.url() : platform.dispatch.url();
    for (const cursor of [encodeCursor(['not-a-date', 'not-an-id']), encodeCursor([-20]), encodeCursor(['2026-11-22T00:00:00.000Z', 7])]) {
      const res = await request(url).get(path).query({ cursor }).set('Authorization', auth()).expect(400);
      expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'cursor', reason: expect.any(String) }] });
    }
  });
});
