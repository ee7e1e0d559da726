import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { Role } from '@petition/contracts';
import { Deadline, defaultRuleSet, loadCalendar } from '@petition/deadlines';
import { bearer } from '@petition/testing';
import { unitIdFor } from '../../dispatch/src/directory/seed/stable-id';
import { startPlatform, type Platform, acceptedItem as acceptItem } from './platform.fixture';

describe('extension of the handling deadline', () => {
  let platform: Platform;
  const cgj = unitIdFor('GZ-CGJ');
  const handler = bearer([Role.Handler], cgj);
  const head = bearer([Role.UnitHead], cgj, 'head-of-cgj');
  const post = (path: string, auth: string, body: object = {}) =>
    request(platform.handling.url()).post(path).set('Authorization', auth).set('Idempotency-Key', randomUUID()).send(body);

  beforeAll(async () => {
    platform = await startPlatform();
  });
  afterAll(async () => {
    await platform?.stop();
  });

  const acceptedItem = (categoryCode: string) => acceptItem(platform, handler, { categoryCode });

  it('moves the deadline as libs/deadlines extends it, once, on the unit head’s approval', async () => {
    const item = await acceptedItem('URBAN.ILLEGAL_BUILDING');
    expect(item.handlingStage).toBe('handling_standard');
    const asked = await post(`/api/work-items/${item.id}/extension-requests`, handler, { days: 20, reason: '需等待测绘报告。' }).expect(
      201,
    );
    expect(asked.body).toMatchObject({ status: 'pending', days: 20, dueBefore: item.handlingDue });
    const again = await post(`/api/work-items/${item.id}/extension-requests`, handler, { days: 5, reason: '再等等。' }).expect(409);
    expect(again.body.code).toBe('EXTENSION_NOT_ALLOWED');

    // The unit head's queue: what waits, oldest first, with the matter; other units see none of it.
    const list = (auth: string, status = 'pending') =>
      request(platform.handling.url()).get(`/api/extension-requests?status=${status}`).set('Authorization', auth).expect(200);
    const waiting = (await list(head)).body.items.find((r: { id: string }) => r.id === asked.body.id);
    expect(waiting).toMatchObject({
      status: 'pending',
      days: 20,
      reason: '需等待测绘报告。',
      trackingNo: item.trackingNo,
      title: item.title,
    });
    expect((await list(bearer([Role.UnitHead], unitIdFor('GZ-SWJ')))).body.items.map((r: { id: string }) => r.id)).not.toContain(
      asked.body.id,
    );
    await request(platform.handling.url()).get('/api/extension-requests?status=maybe').set('Authorization', head).expect(400);

    await post(`/api/extension-requests/${asked.body.id}/approve`, handler).expect(403);
    await post(`/api/extension-requests/${asked.body.id}/approve`, bearer([Role.UnitHead], unitIdFor('GZ-SWJ'))).expect(404);
    const approved = await post(`/api/extension-requests/${asked.body.id}/approve`, head, { note: '同意。' }).expect(200);
    const expected = Deadline.start({
      start: item.acceptedAt,
      stage: 'handling_standard',
      rules: defaultRuleSet(),
      calendar: loadCalendar(),
    }).extend({ days: 20, at: approved.body.decidedAt, by: 'head-of-cgj', reason: '需等待测绘报告。' });
    expect(approved.body).toMatchObject({ status: 'approved', decidedBy: 'head-of-cgj', dueAfter: expected.due });
    expect((await list(head)).body.items.map((r: { id: string }) => r.id)).not.toContain(asked.body.id);
    expect((await list(head, 'approved')).body.items.map((r: { id: string }) => r.id)).toContain(asked.body.id);
    const shown = await request(platform.handling.url()).get(`/api/work-items/${item.id}`).set('Authorization', handler).expect(200);
    expect(shown.body).toMatchObject({ handlingDue: expected.due, currentDue: expected.due });

    const decidedTwice = await post(`/api/extension-requests/${asked.body.id}/deny`, head).expect(409);
    expect(decidedTwice.body.code).toBe('EXTENSION_ALREADY_DECIDED');
    const secondExtension = await post(`/api/work-items/${item.id}/extension-requests`, handler, { days: 5, reason: '仍需时间。' }).expect(
      409,
    );
    expect(secondExtension.body.message).toMatch(/once/);
  });

  it('leaves the deadline alone when denied, and refuses stages that cannot be extended', async () => {
    const item = await acceptedItem('URBAN.ILLEGAL_BUILDING');
    const asked = await post(`/api/work-items/${item.id}/extension-requests`, handler, { days: 10, reason: '人手不足。' }).expect(201);
    const denied = await post(`/api/extension-requests/${asked.body.id}/deny`, head, { note: '请按期办结。' }).expect(200);
    expect(denied.body).toMatchObject({ status: 'denied', dueAfter: null, decisionNote: '请按期办结。' });
    const shown = await request(platform.handling.url()).get(`/api/work-items/${item.id}`).set('Authorization', handler).expect(200);
    expect(shown.body.handlingDue).toBe(item.handlingDue);

    await post(`/api/work-items/${item.id}/extension-requests`, handler, { days: 31, reason: '太多' }).expect(400);
    const fast = await acceptedItem('URBAN.SANITATION');
    expect(fast.handlingStage).toBe('handling_fast');
    const refused = await post(`/api/work-items/${fast.id}/extension-requests`, handler, { days: 5, reason: '需要时间。' }).expect(409);
    expect(refused.body.code).toBe('EXTENSION_NOT_ALLOWED');
  });
});
