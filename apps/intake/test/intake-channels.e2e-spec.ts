import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { Role } from '@petition/contracts';
import { bearer } from '@petition/testing';
import { clerk, eventsOf, mobile, post, residentId, startIntake, type IntakeHarness } from './intake-harness';

const base = {
  title: '小区门口道路长期积水',
  content: '每逢下雨积水严重，请求疏通排水管道。',
  categoryCode: 'URBAN.DRAINAGE',
  regionCode: '440106001',
};

describe('intake: every channel, with the petitioner data protected', () => {
  let h: IntakeHarness;
  beforeAll(async () => {
    h = await startIntake();
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('registers a visit with ID number, phone and address: encrypted at rest, masked in the answer, sent to dispatch', async () => {
    const id = residentId(1);
    const res = await post(h.url, '/api/petitions', {
      ...base,
      channel: 'visit',
      petitionerName: '张三',
      petitionerIdNumber: id,
      petitionerPhone: '13812345678',
      petitionerAddress: '天河区五山路1号',
    }).expect(201);
    expect(res.body).toMatchObject({
      channel: 'visit',
      source: 'staff',
      status: 'dispatched',
      petitionerNameMasked: '张*',
      petitionerPhoneMasked: '138****5678',
      petitionerIdMasked: `${id.slice(0, 4)}**********${id.slice(-4)}`,
    });
    expect(res.body.triage).toMatchObject({ outcome: 'dispatch', by: 'system' });
    expect(res.body.queryCode).toMatch(/^[2-9A-HJ-NP-Z]{8}$/);
    const [row] = await h.sql<Record<string, string>>('SELECT * FROM intake.petitions WHERE id = $1', [res.body.id]);
    expect(JSON.stringify(row)).not.toContain(id);
    expect(JSON.stringify(row)).not.toContain('13812345678');
    expect(row.query_code_hash).not.toBe(res.body.queryCode);
    const events = await eventsOf(h, res.body.id, 2);
    expect(events.map((e) => e.type)).toEqual(['petition.registered', 'petition.triaged']);
    expect(events[0].payload).toMatchObject({ petitionerNameMasked: '张*', channel: 'visit' });
  });

  it('registers a letter with its received date and postmark, and a call with the caller number masked', async () => {
    const letter = await post(h.url, '/api/petitions', {
      ...base,
      channel: 'letter',
      petitionerName: '李四',
      letter: { receivedDate: '2026-11-20', postmark: '广州天河 2026-11-18' },
    }).expect(201);
    expect(letter.body).toMatchObject({ channel: 'letter', letterReceivedOn: '2026-11-20', letterPostmark: '广州天河 2026-11-18' });
    const call = await post(h.url, '/api/petitions', {
      ...base,
      channel: 'call',
      petitionerName: '王五',
      call: { callerNumber: '13900001111' },
    }).expect(201);
    expect(call.body).toMatchObject({ channel: 'call', callerNumberMasked: '139****1111' });
    const wrong = await post(h.url, '/api/petitions', {
      ...base,
      channel: 'visit',
      petitionerName: '王五',
      call: { callerNumber: '13900001111' },
    }).expect(400);
    expect(wrong.body.details.map((d: { field: string }) => d.field)).toContain('call');
  });

  it('needs 1–5 representatives when five or more petition together (条例 Art. 20)', async () => {
    const none = await post(h.url, '/api/petitions', { ...base, channel: 'visit', petitionerName: '赵六', headcount: 8 }).expect(400);
    expect(none.body.details.map((d: { field: string }) => d.field)).toContain('representatives');
    const six = Array.from({ length: 6 }, (_, i) => ({ name: `代表${i}` }));
    const tooMany = await post(h.url, '/api/petitions', {
      ...base,
      channel: 'visit',
      petitionerName: '赵六',
      headcount: 8,
      representatives: six,
    }).expect(400);
    expect(tooMany.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'representatives' })]));
    const ok = await post(h.url, '/api/petitions', {
      ...base,
      channel: 'visit',
      petitionerName: '赵六',
      headcount: 8,
      representatives: [{ name: '钱七', phone: '13700002222', idNumber: residentId(7) }],
    }).expect(201);
    expect(ok.body.representatives).toEqual([{ name: '钱*', phone: '137****2222' }]);
  });

  it('refuses unknown regions and categories, bad ID numbers and an accused unit on a claim, with field reasons', async () => {
    const res = await post(h.url, '/api/petitions', {
      ...base,
      channel: 'visit',
      petitionerName: '孙八',
      regionCode: '999999',
      categoryCode: 'NOPE.NOPE',
    }).expect(400);
    expect(res.body.details.map((d: { field: string }) => d.field)).toEqual(expect.arrayContaining(['regionCode', 'categoryCode']));
    const badId = await post(h.url, '/api/petitions', {
      ...base,
      channel: 'visit',
      petitionerName: '孙八',
      petitionerIdNumber: '440106199001011230',
    }).expect(400);
    expect(badId.body.details.map((d: { field: string }) => d.field)).toEqual(['petitionerIdNumber']);
    const accused = await post(h.url, '/api/petitions', {
      ...base,
      channel: 'visit',
      petitionerName: '孙八',
      accusedUnitId: randomUUID(),
    }).expect(400);
    expect(accused.body.details.map((d: { field: string }) => d.field)).toEqual(['accusedUnitId']);
  });

  it('takes an online petition without a staff account; it waits for a clerk, who dispatches it', async () => {
    const res = await post(h.url, '/api/public/petitions', { ...base, petitionerName: '周九', petitionerPhone: mobile(9) }, null).expect(
      201,
    );
    expect(res.body).toMatchObject({ status: 'registered' });
    expect(res.body.queryCode).toMatch(/^[2-9A-HJ-NP-Z]{8}$/);
    const list = await request(h.url).get('/api/petitions?channel=online&status=registered').set('Authorization', clerk).expect(200);
    const petition = list.body.items.find((p: { trackingNo: string }) => p.trackingNo === res.body.trackingNo);
    expect(petition).toMatchObject({ source: 'online', triage: null });
    const triaged = await post(h.url, `/api/petitions/${petition.id}/triage`, { outcome: 'dispatch', note: '属实，转办' }).expect(200);
    expect(triaged.body).toMatchObject({ status: 'dispatched', triage: { outcome: 'dispatch', note: '属实，转办', by: 'clerk-1' } });
    expect((await eventsOf(h, petition.id, 2)).map((e) => e.type)).toEqual(['petition.registered', 'petition.triaged']);
    await post(h.url, `/api/petitions/${petition.id}/triage`, { outcome: 'inform', properChannel: 'litigation' }).expect(409);
  });

  it('imports 12345 work orders once: a re-import returns the first registrations', async () => {
    const orders = [1, 2].map((i) => ({
      ...base,
      externalOrderId: `GZ12345-${randomUUID().slice(0, 8)}-${i}`,
      receivedAt: '2026-11-22T09:30:00+08:00',
      petitionerName: `市民${i}`,
      petitionerPhone: mobile(100 + i),
      title: `热线工单 ${i} 路灯不亮`,
      content: `第${i}号工单：小区路灯损坏，夜间无照明。`,
    }));
    const first = await post(h.url, '/api/petitions/hotline-imports', { orders }).expect(200);
    expect(first.body.results.map((r: { created: boolean; status: string }) => [r.created, r.status])).toEqual([
      [true, 'dispatched'],
      [true, 'dispatched'],
    ]);
    const again = await post(h.url, '/api/petitions/hotline-imports', { orders }).expect(200);
    expect(again.body.results.map((r: { petitionId: string }) => r.petitionId)).toEqual(
      first.body.results.map((r: { petitionId: string }) => r.petitionId),
    );
    expect(again.body.results.every((r: { created: boolean; queryCode: null }) => !r.created && r.queryCode === null)).toBe(true);
    const rows = await h.sql('SELECT id FROM intake.petitions WHERE external_order_id = ANY($1)', [orders.map((o) => o.externalOrderId)]);
    expect(rows).toHaveLength(2);
    // The clerk's 12345 page: the imported orders, with their order ids, and nothing registered at the window.
    const imported = await request(h.url).get('/api/petitions?source=hotline&limit=200').set('Authorization', clerk).expect(200);
    const ids = first.body.results.map((r: { petitionId: string }) => r.petitionId);
    expect(imported.body.items.every((p: { source: string }) => p.source === 'hotline')).toBe(true);
    expect(
      imported.body.items
        .filter((p: { id: string }) => ids.includes(p.id))
        .map((p: { externalOrderId: string; registeredBy: string }) => [p.externalOrderId, p.registeredBy])
        .sort(),
    ).toEqual(orders.map((o) => [o.externalOrderId, 'clerk-1']).sort());
    const otherClerk = bearer([Role.Clerk], null, 'clerk-2');
    const mine = await request(h.url).get('/api/petitions?registeredBy=me&limit=200').set('Authorization', otherClerk).expect(200);
    expect(mine.body.items.map((p: { id: string }) => p.id)).not.toContain(ids[0]);
    const byClerk1 = await request(h.url).get('/api/petitions?registeredBy=me&limit=200').set('Authorization', clerk).expect(200);
    expect(byClerk1.body.items.map((p: { id: string }) => p.id)).toEqual(expect.arrayContaining(ids));
    expect(byClerk1.body.items.every((p: { registeredBy: string }) => p.registeredBy === 'clerk-1')).toBe(true);
    const wrong = await request(h.url).get('/api/petitions?source=fax').set('Authorization', clerk).expect(400);
    expect(wrong.body.details.map((d: { field: string }) => d.field)).toEqual(['source']);
    const bad = await post(h.url, '/api/petitions/hotline-imports', {
      orders: [
        { ...orders[0], externalOrderId: 'NEW-ORDER-1' },
        { ...orders[1], externalOrderId: 'NEW-ORDER-2', regionCode: '123456' },
      ],
    }).expect(400);
    expect(bad.body.details.map((d: { field: string }) => d.field)).toEqual(['orders.1.regionCode']);
    expect(await h.sql('SELECT id FROM intake.petitions WHERE external_order_id = $1', ['NEW-ORDER-1'])).toHaveLength(0);
  });

  it('keeps a hotline order’s call time as the instant the matter was received, which starts the routing period', async () => {
    const receivedAt = new Date(Date.now() - 2 * 3600_000).toISOString();
    const order = {
      ...base,
      externalOrderId: `GZ12345-${randomUUID().slice(0, 8)}`,
      receivedAt,
      petitionerName: '郑一',
      petitionerPhone: mobile(300),
      title: '热线工单 噪音扰民',
      content: '楼下商铺夜间播放音乐，噪音扰民。',
    };
    const res = await post(h.url, '/api/petitions/hotline-imports', { orders: [order] }).expect(200);
    const id = res.body.results[0].petitionId;
    const view = await request(h.url).get(`/api/petitions/${id}`).set('Authorization', clerk).expect(200);
    expect(new Date(view.body.receivedAt).getTime()).toBe(new Date(receivedAt).getTime());
    expect(new Date(view.body.registeredAt).getTime()).toBeGreaterThan(new Date(receivedAt).getTime());
    const [registered] = await eventsOf(h, id, 1);
    expect(new Date(registered.payload.registeredAt as string).getTime()).toBe(new Date(receivedAt).getTime());
    const future = await post(h.url, '/api/petitions/hotline-imports', {
      orders: [{ ...order, externalOrderId: 'FUTURE-ORDER-1', receivedAt: new Date(Date.now() + 3600_000).toISOString() }],
    }).expect(400);
    expect(future.body.details.map((d: { field: string }) => d.field)).toEqual(['orders.0.receivedAt']);
  });

  it('returns the first result, query code included, when a registration is retried with the same Idempotency-Key', async () => {
    const key = randomUUID();
    const body = { ...base, channel: 'visit', petitionerName: '吴十', title: '重试登记测试' };
    const first = await request(h.url)
      .post('/api/petitions')
      .set('Authorization', clerk)
      .set('Idempotency-Key', key)
      .send(body)
      .expect(201);
    const second = await request(h.url)
      .post('/api/petitions')
      .set('Authorization', clerk)
      .set('Idempotency-Key', key)
      .send(body)
      .expect(201);
    expect(second.body).toEqual(first.body);
    expect(await h.sql('SELECT id FROM intake.petitions WHERE title = $1', ['重试登记测试'])).toHaveLength(1);
    const reused = await request(h.url)
      .post('/api/petitions')
      .set('Authorization', clerk)
      .set('Idempotency-Key', key)
      .send({ ...body, title: '另一件事' })
      .expect(422);
    expect(reused.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('registers once when the same Idempotency-Key arrives twice at the same instant', async () => {
    const key = randomUUID();
    const body = { ...base, channel: 'visit', petitionerName: '周一', title: '同一请求并发重试' };
    const [a, b] = await Promise.all(
      [0, 1].map(() => request(h.url).post('/api/petitions').set('Authorization', clerk).set('Idempotency-Key', key).send(body)),
    );
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(b.body).toEqual(a.body);
    expect(await h.sql('SELECT id FROM intake.petitions WHERE title = $1', ['同一请求并发重试'])).toHaveLength(1);
  });

  it('raises alert.emergency at once for content that signals danger, and for the clerk’s flag', async () => {
    const detected = await post(h.url, '/api/petitions', {
      ...base,
      channel: 'visit',
      petitionerName: '郑一',
      categoryCode: 'LABOR.WAGES',
      title: '工地拖欠工资',
      content: '包工头拖欠三个月工资，工友们说明天集体上访堵路。',
    }).expect(201);
    expect(detected.body).toMatchObject({ emergency: true, emergencySignals: ['mass_gathering', 'blocking_roads'] });
    const events = await eventsOf(h, detected.body.id, 3);
    expect(events[0]).toMatchObject({
      type: 'alert.emergency',
      payload: { flaggedByClerk: false, signals: ['mass_gathering', 'blocking_roads'] },
    });
    const flagged = await post(h.url, '/api/petitions', { ...base, channel: 'visit', petitionerName: '郑二', emergency: true }).expect(201);
    expect((await eventsOf(h, flagged.body.id, 3))[0]).toMatchObject({
      type: 'alert.emergency',
      payload: { flaggedByClerk: true, signals: [] },
    });
  });

  it('lists with filters and cursor pagination', async () => {
    for (let i = 0; i < 3; i++)
      await post(h.url, '/api/petitions', {
        ...base,
        channel: 'letter',
        petitionerName: '冯三',
        regionCode: '440104001',
        categoryCode: 'HOUSING.PROPERTY',
        title: `物业问题 ${i}`,
      }).expect(201);
    const page1 = await request(h.url)
      .get('/api/petitions?channel=letter&regionCode=440104&limit=2')
      .set('Authorization', clerk)
      .expect(200);
    expect(page1.body.items).toHaveLength(2);
    expect(
      page1.body.items.every((p: { channel: string; regionCode: string }) => p.channel === 'letter' && p.regionCode.startsWith('440104')),
    ).toBe(true);
    const page2 = await request(h.url)
      .get(`/api/petitions?channel=letter&regionCode=440104&limit=2&cursor=${page1.body.nextCursor}`)
      .set('Authorization', clerk)
      .expect(200);
    expect(page2.body.items).toHaveLength(1);
    expect(page2.body.nextCursor).toBeNull();
    const none = await request(h.url)
      .get('/api/petitions?regionCode=440104&from=2099-01-01T00:00:00%2B08:00')
      .set('Authorization', clerk)
      .expect(200);
    expect(none.body.items).toHaveLength(0);
    await request(h.url).get('/api/petitions?nature=gossip').set('Authorization', clerk).expect(400);
  });

  it('gives full contact data only to the entitled, with a reason, and audits every read', async () => {
    const id = residentId(42);
    const p = await post(h.url, '/api/petitions', {
      ...base,
      channel: 'visit',
      petitionerName: '陈四',
      petitionerIdNumber: id,
      petitionerPhone: '13655556666',
    }).expect(201);
    await request(h.url).get(`/api/petitions/${p.body.id}/contact`).set('Authorization', clerk).expect(400);
    const contact = await request(h.url)
      .get(`/api/petitions/${p.body.id}/contact?reason=${encodeURIComponent('电话核实诉求')}`)
      .set('Authorization', clerk)
      .expect(200);
    expect(contact.body).toMatchObject({ name: '陈四', idNumber: id, phone: '13655556666' });
    // Was 403 CONTACT_NOT_ENTITLED: now a unit that does not lead gets the unknown id's 404 (issue #20), and the attempt is logged.
    await request(h.url)
      .get(`/api/petitions/${p.body.id}/contact?reason=${encodeURIComponent('想看看')}x`)
      .set('Authorization', bearer([Role.Handler], randomUUID(), 'handler-9'))
      .expect(404);
    await request(h.url)
      .get(`/api/petitions/${p.body.id}/contact?reason=whatever`)
      .set('Authorization', bearer([Role.Dispatcher]))
      .expect(403);
    const log = await request(h.url)
      .get(`/api/petitions/${p.body.id}/contact-access-log`)
      .set('Authorization', bearer([Role.Supervisor], null, 'sup-1'))
      .expect(200);
    expect(log.body).toEqual([
      expect.objectContaining({ actor: 'clerk-1', reason: '电话核实诉求', fields: ['name', 'idNumber', 'phone'] }),
      expect.objectContaining({ actor: 'handler-9', reason: 'refused: 想看看x', fields: ['refused'] }),
    ]);
  });
});
