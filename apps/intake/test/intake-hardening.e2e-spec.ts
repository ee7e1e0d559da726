import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { Role } from '@petition/contracts';
import { encodeCursor } from '@petition/service-kit';
import { bearer, bootService, type ServiceApp } from '@petition/testing';
import { createApp } from '../src/bootstrap';
import { clerk, mobile, startIntake, type IntakeHarness } from './intake-harness';

const online = (n: number) => ({
  title: '小区门口道路长期积水',
  content: '每逢下雨积水严重，请求疏通排水管道。',
  categoryCode: 'URBAN.DRAINAGE',
  regionCode: '440106001',
  petitionerName: `市民${n}`,
  petitionerPhone: mobile(70_000 + n),
});

/** An online submission from `url`, claiming to come from `claimed` in X-Forwarded-For. */
const submitAs = (url: string, claimed: string, n: number) =>
  request(url).post('/api/public/petitions').set('Idempotency-Key', randomUUID()).set('X-Forwarded-For', claimed).send(online(n));

describe('intake: proxies, uploads, cursors and idempotency keys (#20)', () => {
  let h: IntakeHarness;
  let behindGateway: ServiceApp;
  const limits = { PUBLIC_SUBMIT_BURST: '2', PUBLIC_SUBMIT_PER_HOUR: '1', ATTACHMENT_MAX_BYTES: '1024' };

  beforeAll(async () => {
    h = await startIntake(limits);
    // A second instance on the same data that, like npm start's services, trusts its proxy on loopback.
    behindGateway = await bootService(createApp, { ...h.stack.env, ...limits, TRUSTED_PROXIES: '127.0.0.1,::1' });
  });
  afterAll(async () => {
    await behindGateway?.shutdown();
    await h?.stop();
  });

  it('counts a caller by its own address when no proxy is trusted, whatever X-Forwarded-For it sends', async () => {
    await submitAs(h.url, '203.0.113.1', 1).expect(201);
    await submitAs(h.url, '203.0.113.2', 2).expect(201);
    const refused = await submitAs(h.url, '203.0.113.3', 3).expect(429);
    expect(refused.body.code).toBe('PUBLIC_RATE_LIMITED');
  });

  it('believes X-Forwarded-For only from a proxy TRUSTED_PROXIES names', async () => {
    const url = behindGateway.url();
    for (let n = 10; n < 13; n++) await submitAs(url, `198.51.100.${n}`, n).expect(201);
    await submitAs(url, '198.51.100.20', 20).expect(201);
    await submitAs(url, '198.51.100.20', 21).expect(201);
    expect((await submitAs(url, '198.51.100.20', 22).expect(429)).body.code).toBe('PUBLIC_RATE_LIMITED');
  });

  it('refuses an upload by its token and role before reading the body', async () => {
    const petition = await request(h.url)
      .post('/api/petitions')
      .set('Authorization', clerk)
      .set('Idempotency-Key', randomUUID())
      .send({
        channel: 'letter',
        petitionerName: '张三',
        title: '路灯损坏',
        content: '路灯坏了。',
        categoryCode: 'URBAN.DRAINAGE',
        regionCode: '440106',
      })
      .expect(201);
    const tooLarge = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(4096, 0x20)]);
    const upload = (auth: string | null) => {
      const r = request(h.url)
        .post(`/api/petitions/${petition.body.id}/attachments?fileName=a.pdf`)
        .set('Idempotency-Key', randomUUID())
        .set('Content-Type', 'application/pdf');
      return (auth ? r.set('Authorization', auth) : r).send(tooLarge);
    };
    // Over ATTACHMENT_MAX_BYTES, so a body read first would have answered 413 to everyone.
    expect((await upload(null).expect(401)).body.code).toBe('AUTH_UNAUTHENTICATED');
    expect((await upload(bearer([Role.Dispatcher])).expect(403)).body.code).toBe('AUTH_FORBIDDEN');
    expect((await upload(clerk).expect(413)).body.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it.each(['/api/petitions', '/api/notices', '/api/petitioners/lookups'])(
    '%s answers a cursor that decodes but carries wrong values with 400 on `cursor`',
    async (path) => {
      const supervisor = bearer([Role.Supervisor, Role.Clerk]);
      for (const cursor of [encodeCursor(['not-a-date', randomUUID()]), encodeCursor(['2026-11-22T00:00:00.000Z', 'not-an-id'])]) {
        const res = await request(h.url).get(path).query({ cursor }).set('Authorization', supervisor).expect(400);
        expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'cursor', reason: expect.any(String) }] });
      }
    },
  );

  it('keeps an Idempotency-Key to its caller and its one request', async () => {
    const key = randomUUID();
    const fields = {
      channel: 'call',
      petitionerName: '李四',
      title: '噪音扰民',
      content: '夜间施工噪音。',
      categoryCode: 'URBAN.DRAINAGE',
      regionCode: '440106',
    };
    const register = (auth: string, body: object) =>
      request(h.url).post('/api/petitions').set('Authorization', auth).set('Idempotency-Key', key).send(body);
    const first = await register(clerk, fields).expect(201);
    expect((await register(clerk, fields).expect(201)).body.id).toBe(first.body.id);
    const reused = await register(clerk, { ...fields, title: '另一件事' }).expect(422);
    expect(reused.body).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED', details: [{ field: 'Idempotency-Key' }] });
    // Another clerk's key of the same value is theirs: a registration of its own.
    const other = await register(bearer([Role.Clerk], null, 'clerk-2'), fields).expect(201);
    expect(other.body.id).not.toBe(first.body.id);
  });
});
