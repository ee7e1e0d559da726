import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { Role } from '@petition/contracts';
import { computeDue, defaultRuleSet, loadCalendar } from '@petition/deadlines';
import { bearer, eventually } from '@petition/testing';
import { unitIdFor } from '../../dispatch/src/directory/seed/stable-id';
import { startPlatform, type Platform, registerPetition, workItemOf } from './platform.fixture';

describe('a unit accepts its matter', () => {
  let platform: Platform;
  const rules = defaultRuleSet();
  const calendar = loadCalendar();
  const due = (stage: string, start: string) => computeDue({ start, stage, rules, calendar }).due;

  beforeAll(async () => {
    platform = await startPlatform();
  });
  afterAll(async () => {
    await platform?.stop();
  });

  async function registerAndWait(categoryCode: string, regionCode: string, unitCode: string) {
    const petition = await registerPetition(platform, {
      petitionerName: '孙八',
      title: '工资被拖欠三个月',
      content: '公司拖欠工资三个月，请求帮助追讨。',
      categoryCode,
      regionCode,
    });
    const handler = bearer([Role.Handler], unitIdFor(unitCode));
    return { item: await workItemOf(platform, handler, petition.id), handler };
  }

  it('fixes the handling and first-contact deadlines exactly as libs/deadlines computes them', async () => {
    const { item, handler } = await registerAndWait('LABOR.WAGES', '440106002', 'GZ-RSJ');
    // The inbox shows the acceptance deadline libs/deadlines gives for the assignment time.
    expect(item.acceptDue).toBe(due('unit_accept', item.assignedAt));
    expect(item.handlingDue).toBeNull();

    const accepted = await request(platform.handling.url())
      .post(`/api/work-items/${item.id}/accept`)
      .set('Authorization', handler)
      .set('Idempotency-Key', randomUUID())
      .expect(200);
    expect(accepted.body).toMatchObject({ status: 'accepted', handlingStage: 'handling_fast', handlingRuleSet: 'default@2022.1' });
    expect(accepted.body.handlingDue).toBe(due('handling_fast', accepted.body.acceptedAt));
    expect(accepted.body.firstContactDue).toBe(due('first_contact', accepted.body.acceptedAt));
    const again = await request(platform.handling.url()).get(`/api/work-items/${item.id}`).set('Authorization', handler).expect(200);
    expect(again.body.handlingDue).toBe(accepted.body.handlingDue);

    const twice = await request(platform.handling.url())
      .post(`/api/work-items/${item.id}/accept`)
      .set('Authorization', handler)
      .set('Idempotency-Key', randomUUID())
      .expect(409);
    expect(twice.body.code).toBe('WORK_ITEM_WRONG_STATE');
  });

  it('lets only the lead accept, and hides other units’ items', async () => {
    const { item } = await registerAndWait('URBAN.DRAINAGE', '440106001', 'GZ-440106');
    const coHandler = bearer([Role.Handler], unitIdFor('GZ-SWJ'));
    const coItem = await eventually(async () => {
      const inbox = await request(platform.handling.url()).get('/api/work-items').set('Authorization', coHandler).expect(200);
      return inbox.body.items.find((w: { petitionId: string }) => w.petitionId === item.petitionId);
    });
    const refused = await request(platform.handling.url())
      .post(`/api/work-items/${coItem.id}/accept`)
      .set('Authorization', coHandler)
      .set('Idempotency-Key', randomUUID())
      .expect(403);
    expect(refused.body.code).toBe('WORK_ITEM_NOT_LEAD');
    const stranger = bearer([Role.UnitHead], unitIdFor('GZ-440104'));
    const hidden = await request(platform.handling.url())
      .post(`/api/work-items/${item.id}/accept`)
      .set('Authorization', stranger)
      .set('Idempotency-Key', randomUUID())
      .expect(404);
    expect(hidden.body.code).toBe('WORK_ITEM_NOT_FOUND');
    await request(platform.handling.url())
      .post(`/api/work-items/${item.id}/accept`)
      .set('Authorization', bearer([Role.Clerk]))
      .set('Idempotency-Key', randomUUID())
      .expect(403);
  });

  it("holds the co-handlers to the lead's deadline once the lead accepts, not to an acceptance they cannot make", async () => {
    const { item, handler } = await registerAndWait('URBAN.DRAINAGE', '440106001', 'GZ-440106');
    const coHandler = bearer([Role.Handler], unitIdFor('GZ-SWJ'));
    const coItemOf = async () => {
      const inbox = await request(platform.handling.url()).get('/api/work-items').set('Authorization', coHandler).expect(200);
      return inbox.body.items.find((w: { petitionId: string }) => w.petitionId === item.petitionId);
    };
    const before = await eventually(coItemOf);
    expect(before).toMatchObject({ role: 'co_handler', status: 'assigned', currentDue: item.acceptDue });

    const accepted = await request(platform.handling.url())
      .post(`/api/work-items/${item.id}/accept`)
      .set('Authorization', handler)
      .set('Idempotency-Key', randomUUID())
      .expect(200);
    const after = await coItemOf();
    expect(after).toMatchObject({
      status: 'accepted',
      acceptedAt: accepted.body.acceptedAt,
      handlingDue: accepted.body.handlingDue,
      currentDue: accepted.body.handlingDue,
      deadlineState: 'on_track',
    });
    // Still a co-handler: it contributes, it does not accept.
    await request(platform.handling.url())
      .post(`/api/work-items/${after.id}/contributions`)
      .set('Authorization', coHandler)
      .set('Idempotency-Key', randomUUID())
      .send({ summary: '水务局已安排排水管道疏通' })
      .expect(201);
  });

  it('records contacts and notes, and audits every refused cross-unit read or write', async () => {
    const { item, handler } = await registerAndWait('LABOR.SOCIAL_SECURITY', '440103', 'GZ-RSJ');
    const key = () => randomUUID();
    const early = await request(platform.handling.url())
      .post(`/api/work-items/${item.id}/contacts`)
      .set('Authorization', handler)
      .set('Idempotency-Key', key())
      .send({ contactedAt: new Date().toISOString(), method: 'phone', summary: '电话联系信访人' })
      .expect(409);
    expect(early.body.code).toBe('WORK_ITEM_WRONG_STATE');
    const accepted = await request(platform.handling.url())
      .post(`/api/work-items/${item.id}/accept`)
      .set('Authorization', handler)
      .set('Idempotency-Key', key())
      .expect(200);
    const contact = (contactedAt: number) =>
      request(platform.handling.url())
        .post(`/api/work-items/${item.id}/contacts`)
        .set('Authorization', handler)
        .set('Idempotency-Key', key())
        .send({ contactedAt: new Date(contactedAt).toISOString(), method: 'phone', summary: '电话联系信访人' });
    // A contact before the acceptance is refused; one given to the minute of the acceptance is not.
    const acceptedAt = Date.parse(accepted.body.acceptedAt);
    const before = await contact(acceptedAt - 3_600_000).expect(400);
    expect(before.body.details).toEqual([{ field: 'contactedAt', reason: 'must not be before the acceptance (to the minute)' }]);
    await contact(Math.floor(acceptedAt / 60_000) * 60_000).expect(201);
    const future = await request(platform.handling.url())
      .post(`/api/work-items/${item.id}/contacts`)
      .set('Authorization', handler)
      .set('Idempotency-Key', key())
      .send({ contactedAt: new Date(Date.now() + 86_400_000).toISOString(), method: 'phone', summary: '电话联系信访人' })
      .expect(400);
    expect(future.body.details).toEqual([{ field: 'contactedAt', reason: 'must not be in the future' }]);
    await request(platform.handling.url())
      .post(`/api/work-items/${item.id}/contacts`)
      .set('Authorization', handler)
      .set('Idempotency-Key', key())
      .send({ contactedAt: new Date().toISOString(), method: 'pigeon', summary: '' })
      .expect(400);
    await request(platform.handling.url())
      .post(`/api/work-items/${item.id}/contacts`)
      .set('Authorization', handler)
      .set('Idempotency-Key', key())
      .send({ contactedAt: new Date().toISOString(), method: 'phone', summary: '电话联系信访人，了解社保断缴情况。' })
      .expect(201);
    await request(platform.handling.url())
      .post(`/api/work-items/${item.id}/notes`)
      .set('Authorization', handler)
      .set('Idempotency-Key', key())
      .send({ text: '需调取缴费记录。' })
      .expect(201);
    const detail = await request(platform.handling.url()).get(`/api/work-items/${item.id}`).set('Authorization', handler).expect(200);
    // The contact given to the minute of the acceptance, then this one.
    expect(detail.body.contacts).toHaveLength(2);
    expect(detail.body.contacts[1]).toMatchObject({ method: 'phone', summary: '电话联系信访人，了解社保断缴情况。' });
    expect(detail.body.notes.map((n: { text: string }) => n.text)).toEqual(['需调取缴费记录。']);

    const strangerUnit = unitIdFor('GZ-440104');
    const stranger = bearer([Role.Handler], strangerUnit, 'stranger-1');
    await request(platform.handling.url()).get(`/api/work-items/${item.id}`).set('Authorization', stranger).expect(404);
    await request(platform.handling.url())
      .post(`/api/work-items/${item.id}/notes`)
      .set('Authorization', stranger)
      .set('Idempotency-Key', key())
      .send({ text: '看看' })
      .expect(404);
    await request(platform.handling.url())
      .post(`/api/work-items/${item.id}/contacts`)
      .set('Authorization', stranger)
      .set('Idempotency-Key', key())
      .send({ contactedAt: new Date().toISOString(), method: 'phone', summary: '冒充联系' })
      .expect(404);
    await request(platform.handling.url())
      .post(`/api/work-items/${item.id}/accept`)
      .set('Authorization', stranger)
      .set('Idempotency-Key', key())
      .expect(404);
    const audit = await platform.sql<{ actor: string; actor_unit_id: string; action: string; outcome: string }>(
      'SELECT actor, actor_unit_id, action, outcome FROM handling.access_audit WHERE work_item_id = $1 ORDER BY id',
      [item.id],
    );
    expect(audit).toEqual(
      ['read', 'notes.create', 'contacts.create', 'accept'].map((action) => ({
        actor: 'stranger-1',
        actor_unit_id: strangerUnit,
        action,
        outcome: 'denied',
      })),
    );
    const after = await request(platform.handling.url()).get(`/api/work-items/${item.id}`).set('Authorization', handler).expect(200);
    expect(after.body.notes).toHaveLength(1);
    expect(after.body.contacts).toHaveLength(2);
    // A missing id is a 404 too, and leaves no audit entry (nothing was reached).
    await request(platform.handling.url()).get(`/api/work-items/${randomUUID()}`).set('Authorization', stranger).expect(404);
  });
});
