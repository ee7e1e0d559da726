import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { Role } from '@petition/contracts';
import { bearer, bootService, clockStartingAt, eventually, startTestStack, type ServiceApp, type TestStack } from '@petition/testing';
import { createApp as createDispatch } from '../../dispatch/src/bootstrap';
import { unitIdFor } from '../../dispatch/src/directory/seed/stable-id';
import { createApp as createHandling } from '../../handling/src/bootstrap';
import { createApp as createIntake } from '../../intake/src/bootstrap';
import { prepareDatabase } from './platform.fixture';

/** A work item as the inbox shows it (the fields this test reads). */
interface Item {
  id: string;
  petitionId: string;
  deadlineState: string;
  currentDue: string;
}

describe('a unit inbox filtered by deadline state, on a moving clock', () => {
  let stack: TestStack;
  const apps: ServiceApp[] = [];
  let intake: ServiceApp;
  let handling: ServiceApp;
  const unit = unitIdFor('GZ-SWJ');
  const handler = bearer([Role.Handler], unit);
  const admin = bearer([Role.Admin]);

  beforeAll(async () => {
    stack = await startTestStack();
    await prepareDatabase(stack);
    // Every service's clock starts on one Monday, so the deadlines do not depend on today's date.
    const env = { ...stack.env, ...clockStartingAt('2026-11-23T09:00:00+08:00') };
    intake = await bootService(createIntake, env);
    apps.push(intake, await bootService(createDispatch, env));
    handling = await bootService(createHandling, env);
    apps.push(handling);
  });
  afterAll(async () => {
    for (const app of apps.reverse()) await app.shutdown();
    await stack?.stop();
  });

  const inbox = (query: string) =>
    request(handling.url())
      .get(`/api/work-items?${query}`)
      .set('Authorization', handler)
      .expect(200)
      .then((r) => r.body);

  it('sorts by the current deadline and finds warning and overdue items as the clock moves', async () => {
    const ids: string[] = [];
    for (const title of ['排水管道堵塞', '雨水井盖缺失']) {
      const res = await request(intake.url())
        .post('/api/petitions')
        .set('Authorization', bearer([Role.Clerk]))
        .set('Idempotency-Key', randomUUID())
        .send({
          channel: 'call',
          petitionerName: '周九',
          title,
          content: `${title}，请求处理。`,
          categoryCode: 'URBAN.DRAINAGE',
          regionCode: '440111',
        })
        .expect(201);
      ids.push(res.body.id);
    }
    const mine = (body: { items: Item[] }): Item[] => body.items.filter((w) => ids.includes(w.petitionId));
    const items = await eventually(async () => {
      const found = mine(await inbox('limit=200'));
      return found.length === 2 ? found : undefined;
    });
    expect(items.every((w) => w.deadlineState !== 'overdue')).toBe(true);
    expect(mine(await inbox('state=overdue'))).toHaveLength(0);

    // Past the acceptance deadline: both overdue.
    const latest = Math.max(...items.map((w) => Date.parse(w.currentDue)));
    await request(handling.url())
      .put('/internal/clock')
      .set('Authorization', admin)
      .send({ set: new Date(latest + 3600_000).toISOString() })
      .expect(200);
    const overdue = mine(await inbox('state=overdue'));
    expect(overdue).toHaveLength(2);
    expect(overdue.every((w) => w.deadlineState === 'overdue')).toBe(true);

    // Accepting one (late) starts its 60-day handling clock: it leaves the overdue list.
    const first = overdue[0];
    await request(handling.url())
      .post(`/api/work-items/${first.id}/accept`)
      .set('Authorization', handler)
      .set('Idempotency-Key', randomUUID())
      .expect(200);
    expect(mine(await inbox('state=overdue')).map((w) => w.id)).not.toContain(first.id);
    expect(mine(await inbox('state=on_track')).map((w) => w.id)).toContain(first.id);
    expect(mine(await inbox('status=accepted')).map((w) => w.id)).toEqual([first.id]);

    // Two days before its handling deadline it is in the warning window.
    const accepted = await request(handling.url()).get(`/api/work-items/${first.id}`).set('Authorization', handler).expect(200);
    await request(handling.url())
      .put('/internal/clock')
      .set('Authorization', admin)
      .send({ set: new Date(Date.parse(accepted.body.handlingDue) - 86_400_000).toISOString() })
      .expect(200);
    expect(mine(await inbox('state=warning')).map((w) => w.id)).toEqual([first.id]);

    // Weeks past its unit_return window, the other item can no longer be returned as misrouted:
    // a passed legal window is 422 on every service.
    const other = items.find((w) => w.id !== first.id) as Item;
    const late = await request(handling.url())
      .post(`/api/work-items/${other.id}/return`)
      .set('Authorization', handler)
      .set('Idempotency-Key', randomUUID())
      .send({ reason: '不属于本单位职责。' })
      .expect(422);
    expect(late.body.code).toBe('WORK_ITEM_RETURN_WINDOW_CLOSED');

    // Sorted by current deadline, paginated.
    const page1 = await inbox('limit=1');
    const page2 = await inbox(`limit=1&cursor=${page1.nextCursor}`);
    expect(Date.parse(page2.items[0].currentDue)).toBeGreaterThanOrEqual(Date.parse(page1.items[0].currentDue));
    expect(mine(await inbox(`dueBefore=${encodeURIComponent(accepted.body.handlingDue)}`)).map((w) => w.id)).not.toContain(first.id);
  });

  it('marks emergencies and finds items by tracking number or words of the title', async () => {
    const register = (title: string, emergency: boolean) =>
      request(intake.url())
        .post('/api/petitions')
        .set('Authorization', bearer([Role.Clerk]))
        .set('Idempotency-Key', randomUUID())
        .send({
          channel: 'visit',
          petitionerName: '钱七',
          title,
          content: `${title}，请求尽快处理。`,
          categoryCode: 'URBAN.DRAINAGE',
          regionCode: '440111',
          emergency,
        })
        .expect(201)
        .then((r) => r.body as { id: string; trackingNo: string });
    const urgent = await register('地下通道水位上涨有人被困', true);
    const plain = await register('小区化粪池满溢_100%', false);
    // An emergency waits for a dispatcher (leaders see it first); assign it to the unit by hand.
    const dispatcher = bearer([Role.Dispatcher]);
    await eventually(async () => {
      const res = await request(apps[1].url())
        .post('/api/assignments')
        .set('Authorization', dispatcher)
        .set('Idempotency-Key', randomUUID())
        .send({ petitionId: urgent.id, leadUnitId: unit, track: 'fast' });
      return res.status === 201 ? true : undefined;
    });
    const ids = [urgent.id, plain.id];
    const mine = (body: { items: Array<Item & { emergency: boolean }> }) => body.items.filter((w) => ids.includes(w.petitionId));
    const both = await eventually(async () => {
      const found = mine(await inbox('limit=200'));
      return found.length === 2 ? found : undefined;
    });
    expect(Object.fromEntries(both.map((w) => [w.petitionId, w.emergency]))).toEqual({ [urgent.id]: true, [plain.id]: false });
    expect(mine(await inbox('emergency=true&limit=200')).map((w) => w.petitionId)).toEqual([urgent.id]);
    expect(mine(await inbox('emergency=false&limit=200')).map((w) => w.petitionId)).toEqual([plain.id]);

    expect((await inbox(`q=${plain.trackingNo}`)).items.map((w: Item) => w.petitionId)).toEqual([plain.id]);
    expect(mine(await inbox(`q=${encodeURIComponent('有人被困')}`)).map((w) => w.petitionId)).toEqual([urgent.id]);
    // LIKE's wildcards in the words are taken literally: "_100%" matches only the title that has it.
    expect((await inbox(`q=${encodeURIComponent('_100%')}`)).items.map((w: Item) => w.petitionId)).toEqual([plain.id]);
    expect((await inbox(`q=${encodeURIComponent('%')}`)).items.map((w: Item) => w.petitionId)).toEqual([plain.id]);
  });

  it('refuses unknown filter values with field reasons', async () => {
    const res = await request(handling.url())
      .get('/api/work-items?state=late&track=slow&dueBefore=tomorrow&emergency=yes')
      .set('Authorization', handler)
      .expect(400);
    expect(res.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['dueBefore', 'emergency', 'state', 'track']);
  });
});
