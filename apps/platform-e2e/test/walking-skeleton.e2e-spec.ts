import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { Role } from '@petition/contracts';
import { bearer, eventually } from '@petition/testing';
import { unitIdFor } from '../../dispatch/src/directory/seed/stable-id';
import { startPlatform, type Platform } from './platform.fixture';

describe('a petition flows intake → dispatch → handling over Kafka', () => {
  let platform: Platform;
  const clerk = bearer([Role.Clerk]);
  const dispatcher = bearer([Role.Dispatcher]);

  beforeAll(async () => {
    platform = await startPlatform();
  });
  afterAll(async () => {
    await platform?.stop();
  });

  it('registers a petition and the lead unit finds it in its inbox, with the assignment visible to dispatchers', async () => {
    const res = await request(platform.intake.url())
      .post('/api/petitions')
      .set('Authorization', clerk)
      .set('Idempotency-Key', randomUUID())
      .send({
        channel: 'visit',
        petitionerName: '张三',
        title: '小区门口道路长期积水',
        content: '每逢下雨积水严重，请求疏通排水管道。',
        categoryCode: 'URBAN.DRAINAGE',
        regionCode: '440106001',
      })
      .expect(201);
    expect(res.body).toMatchObject({ channel: 'visit', petitionerNameMasked: '张*', status: 'dispatched' });
    expect(res.body.trackingNo).toMatch(/^440106-\d{8}-\d{6}$/);
    const petitionId: string = res.body.id;

    const tianhe = unitIdFor('GZ-440106');
    const item = await eventually(async () => {
      const inbox = await request(platform.handling.url())
        .get('/api/work-items')
        .set('Authorization', bearer([Role.Handler], tianhe))
        .expect(200);
      return inbox.body.items.find((w: { petitionId: string }) => w.petitionId === petitionId);
    });
    expect(item).toMatchObject({
      role: 'lead',
      status: 'assigned',
      trackingNo: res.body.trackingNo,
      petitionerNameMasked: '张*',
      title: '小区门口道路长期积水',
    });

    const assignments = await request(platform.dispatch.url())
      .get(`/api/assignments?petitionId=${petitionId}`)
      .set('Authorization', dispatcher)
      .expect(200);
    expect(assignments.body.items).toHaveLength(1);
    expect(assignments.body.items[0]).toMatchObject({
      leadUnitId: tianhe,
      coHandlerUnitIds: [unitIdFor('GZ-SWJ')],
      status: 'active',
      acceptDue: item.acceptDue,
    });

    // The co-handler gets its own part; a third unit sees nothing.
    await eventually(async () => {
      const inbox = await request(platform.handling.url())
        .get('/api/work-items')
        .set('Authorization', bearer([Role.Handler], unitIdFor('GZ-SWJ')))
        .expect(200);
      return inbox.body.items.find((w: { petitionId: string; role: string }) => w.petitionId === petitionId && w.role === 'co_handler');
    });
    const other = await request(platform.handling.url())
      .get('/api/work-items')
      .set('Authorization', bearer([Role.Handler], unitIdFor('GZ-440104')))
      .expect(200);
    expect(other.body.items.find((w: { petitionId: string }) => w.petitionId === petitionId)).toBeUndefined();
    await request(platform.handling.url())
      .get(`/api/work-items/${item.id}`)
      .set('Authorization', bearer([Role.Handler], unitIdFor('GZ-440104')))
      .expect(404);
  });

  it('lists the seeded directory', async () => {
    const units = await request(platform.dispatch.url()).get('/api/units?limit=200').set('Authorization', dispatcher).expect(200);
    expect(units.body.items.map((u: { code: string }) => u.code)).toEqual(expect.arrayContaining(['GZ-SWJ', 'GZ-440106', 'GZ-JWJW']));
    const regions = await request(platform.dispatch.url())
      .get('/api/regions?parentCode=440100')
      .set('Authorization', dispatcher)
      .expect(200);
    expect(regions.body.items).toHaveLength(11);
    const page1 = await request(platform.dispatch.url()).get('/api/categories?limit=5').set('Authorization', dispatcher).expect(200);
    expect(page1.body.items).toHaveLength(5);
    const page2 = await request(platform.dispatch.url())
      .get(`/api/categories?limit=5&cursor=${page1.body.nextCursor}`)
      .set('Authorization', dispatcher)
      .expect(200);
    expect(page2.body.items[0].code > page1.body.items[4].code).toBe(true);
  });

  it('answers bad input with 400 and field-level reasons, and writes nothing', async () => {
    const before = await platform.sql<{ n: string }>('SELECT count(*) AS n FROM intake.petitions');
    const res = await request(platform.intake.url())
      .post('/api/petitions')
      .set('Authorization', clerk)
      .set('Idempotency-Key', randomUUID())
      .send({ channel: 'pigeon', petitionerName: '', title: 'x', content: 12, categoryCode: 'drop table', regionCode: '44', extra: true })
      .expect(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    const fields = res.body.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(
      expect.arrayContaining(['channel', 'petitionerName', 'title', 'content', 'categoryCode', 'regionCode', 'extra']),
    );
    const malformed = await request(platform.intake.url())
      .post('/api/petitions')
      .set('Authorization', clerk)
      .set('Idempotency-Key', randomUUID())
      .set('Content-Type', 'application/json')
      .send('{"channel": ')
      .expect(400);
    expect(malformed.body.code).toBe('BAD_REQUEST');
    await request(platform.intake.url()).post('/api/petitions').set('Idempotency-Key', randomUUID()).send({}).expect(401);
    await request(platform.intake.url())
      .post('/api/petitions')
      .set('Authorization', bearer([Role.Handler], unitIdFor('GZ-SWJ')))
      .set('Idempotency-Key', randomUUID())
      .send({})
      .expect(403);
    const after = await platform.sql<{ n: string }>('SELECT count(*) AS n FROM intake.petitions');
    expect(after[0].n).toBe(before[0].n);
  });

  it('returns the first result when a registration is retried with the same Idempotency-Key', async () => {
    const key = randomUUID();
    const body = {
      channel: 'call',
      petitionerName: '李四',
      title: '噪声扰民',
      content: '夜间施工噪声扰民，请求处理。',
      categoryCode: 'ENV.NOISE',
      regionCode: '440105001',
    };
    const first = await request(platform.intake.url())
      .post('/api/petitions')
      .set('Authorization', clerk)
      .set('Idempotency-Key', key)
      .send(body)
      .expect(201);
    const second = await request(platform.intake.url())
      .post('/api/petitions')
      .set('Authorization', clerk)
      .set('Idempotency-Key', key)
      .send(body)
      .expect(201);
    expect(second.body.id).toBe(first.body.id);
    const rows = await platform.sql('SELECT id FROM intake.petitions WHERE title = $1 AND id = $2', ['噪声扰民', first.body.id]);
    expect(rows).toHaveLength(1);
  });
});
