import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { Role } from '@petition/contracts';
import { bearer, eventually } from '@petition/testing';
import { unitIdFor } from '../../dispatch/src/directory/seed/stable-id';
import { startPlatform, type Platform, registerPetition, workItemOf } from './platform.fixture';

interface Item {
  id: string;
  petitionId: string;
  assignmentId: string;
  role: string;
  status: string;
  returnRequestedAt: string | null;
  returnDecisionNote: string | null;
}

describe('a unit returns a misrouted assignment from its workbench', () => {
  let platform: Platform;
  const tianhe = bearer([Role.Handler], unitIdFor('GZ-440106'));
  const swj = bearer([Role.Handler], unitIdFor('GZ-SWJ'));
  const dispatcher = bearer([Role.Dispatcher]);

  beforeAll(async () => {
    platform = await startPlatform();
  });
  afterAll(async () => {
    await platform?.stop();
  });

  const inboxOf = async (auth: string, petitionId: string): Promise<Item[]> => {
    const res = await request(platform.handling.url()).get('/api/work-items?limit=200').set('Authorization', auth).expect(200);
    return res.body.items.filter((w: Item) => w.petitionId === petitionId);
  };

  async function registered(title: string): Promise<{ petitionId: string; item: Item }> {
    const petition = await registerPetition(platform, {
      petitionerName: '郑一',
      title,
      content: `${title}，请求处理。`,
      categoryCode: 'URBAN.DRAINAGE',
      regionCode: '440106001',
    });
    return { petitionId: petition.id, item: (await workItemOf(platform, tianhe, petition.id)) as Item };
  }

  const pendingReturnOf = (petitionId: string) =>
    eventually(async () => {
      const res = await request(platform.dispatch.url())
        .get('/api/returns?status=requested&limit=200')
        .set('Authorization', dispatcher)
        .expect(200);
      return res.body.items.find((r: { petitionId: string }) => r.petitionId === petitionId) as { id: string; reason: string } | undefined;
    });

  it('return → confirmed → re-dispatched to the competent unit', async () => {
    const { petitionId, item } = await registered('市政主干道排水管破裂');
    const returned = await request(platform.handling.url())
      .post(`/api/work-items/${item.id}/return`)
      .set('Authorization', tianhe)
      .set('Idempotency-Key', randomUUID())
      .send({ reason: '该管道属市水务局管养，非本区职责。' })
      .expect(200);
    expect(returned.body.returnRequestedAt).not.toBeNull();
    const twice = await request(platform.handling.url())
      .post(`/api/work-items/${item.id}/return`)
      .set('Authorization', tianhe)
      .set('Idempotency-Key', randomUUID())
      .send({ reason: '再次退回。' })
      .expect(409);
    expect(twice.body.code).toBe('WORK_ITEM_WRONG_STATE');

    const pending = await pendingReturnOf(petitionId);
    expect(pending.reason).toBe('该管道属市水务局管养，非本区职责。');
    await request(platform.dispatch.url())
      .post(`/api/returns/${pending.id}/confirm`)
      .set('Authorization', dispatcher)
      .set('Idempotency-Key', randomUUID())
      .send({ leadUnitId: unitIdFor('GZ-SWJ'), coHandlerUnitIds: [], note: '改由市水务局主办。' })
      .expect(200);

    await eventually(async () => ((await inboxOf(tianhe, petitionId)).every((w) => w.status === 'returned') ? true : undefined));
    const swjItems = await eventually(async () => {
      const items = await inboxOf(swj, petitionId);
      return items.some((w) => w.role === 'lead' && w.status === 'assigned') ? items : undefined;
    });
    const newLead = swjItems.find((w) => w.role === 'lead') as Item;
    expect(newLead.assignmentId).not.toBe(item.assignmentId);
    // SWJ's co-handler part of the old assignment is closed with it.
    expect(swjItems.filter((w) => w.assignmentId === item.assignmentId).every((w) => w.status === 'returned')).toBe(true);
  });

  it('return → rejected: the matter stays with the unit, which is told why', async () => {
    const { petitionId, item } = await registered('小区雨水井反复堵塞');
    await request(platform.handling.url())
      .post(`/api/work-items/${item.id}/return`)
      .set('Authorization', tianhe)
      .set('Idempotency-Key', randomUUID())
      .send({ reason: '应由物业处理。' })
      .expect(200);
    const pending = await pendingReturnOf(petitionId);
    await request(platform.dispatch.url())
      .post(`/api/returns/${pending.id}/reject`)
      .set('Authorization', dispatcher)
      .set('Idempotency-Key', randomUUID())
      .send({ note: '属地职责，请依法受理。' })
      .expect(200);
    const back = await eventually(async () =>
      (await inboxOf(tianhe, petitionId)).find((w) => w.role === 'lead' && w.returnDecisionNote !== null),
    );
    expect(back).toMatchObject({ status: 'assigned', returnRequestedAt: null, returnDecisionNote: '属地职责，请依法受理。' });
    await request(platform.handling.url())
      .post(`/api/work-items/${item.id}/accept`)
      .set('Authorization', tianhe)
      .set('Idempotency-Key', randomUUID())
      .expect(200);
    const coHandler = (await inboxOf(swj, petitionId)).find((w) => w.role === 'co_handler') as Item;
    const refused = await request(platform.handling.url())
      .post(`/api/work-items/${coHandler.id}/return`)
      .set('Authorization', swj)
      .set('Idempotency-Key', randomUUID())
      .send({ reason: '协办不退回。' })
      .expect(403);
    expect(refused.body.code).toBe('WORK_ITEM_NOT_LEAD');
  });
});
