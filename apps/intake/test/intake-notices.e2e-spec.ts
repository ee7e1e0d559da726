import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { Role } from '@petition/contracts';
import { bearer, clockStartingAt, eventually } from '@petition/testing';
import { clerk, mobile, post, startIntake, type IntakeHarness } from './intake-harness';

const admin = bearer([Role.Admin], null, 'admin-1');
const START = '2026-11-02T10:00:00+08:00';

/** A provider that is down for its first `failures` requests, then accepts; it records what it was sent. */
function flakyProvider(failures: number) {
  const received: Array<{ body: { id: string; to: string; text: string }; key: string | undefined; auth: string | undefined }> = [];
  let calls = 0;
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      calls++;
      if (calls <= failures) {
        res.writeHead(503).end('maintenance');
        return;
      }
      const body = JSON.parse(raw);
      received.push({ body, key: req.headers['idempotency-key'] as string | undefined, auth: req.headers.authorization });
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ messageId: `prov-${body.id}` }));
    });
  });
  return { server, received, calls: () => calls };
}

/**
 * Notices through a real HTTP provider: a provider that is down never holds up a registration;
 * the notice is retried on its schedule (30 s, then 60 s…) and goes out once the provider is
 * back, once, under the notice's id as idempotency key.
 */
describe('intake: petitioner notices through an SMS provider', () => {
  let h: IntakeHarness;
  const provider = flakyProvider(2);
  beforeAll(async () => {
    await new Promise<void>((r) => provider.server.listen(0, '127.0.0.1', () => r()));
    const { port } = provider.server.address() as AddressInfo;
    h = await startIntake({
      ...clockStartingAt(START),
      NOTICES_SMS_GATEWAY: 'http',
      NOTICES_SMS_HTTP_URL: `http://127.0.0.1:${port}/sms`,
      NOTICES_SMS_HTTP_TOKEN: 'provider-token',
      NOTICES_INTERVAL_MS: '100',
      NOTICES_PORTAL: '广州市网上信访平台',
    });
  });
  afterAll(async () => {
    await h?.stop();
    await new Promise((r) => provider.server.close(r));
  });

  const noticesOf = async (id: string) =>
    (await request(h.url).get(`/api/petitions/${id}/notices`).set('Authorization', clerk).expect(200)).body as Array<
      Record<string, unknown>
    >;
  const advance = (by: string) => request(h.url).put('/internal/clock').set('Authorization', admin).send({ advance: by }).expect(200);

  it('registers at once while the provider is down, retries on schedule, and sends once it is back', async () => {
    const registered = await post(h.url, '/api/petitions', {
      channel: 'call',
      call: { callerNumber: mobile(8801) },
      petitionerName: '陈晓',
      categoryCode: 'URBAN.DRAINAGE',
      regionCode: '440106001',
      title: '雨水井堵塞',
      content: '小区雨水井堵塞积水。',
    }).expect(201);
    expect(registered.body.status).toBe('dispatched');
    const id = registered.body.id as string;

    const first = await eventually(async () => {
      const [n] = await noticesOf(id);
      return n?.attempts === 1 ? n : undefined;
    });
    expect(first).toMatchObject({
      kind: 'registration',
      status: 'pending',
      recipient: '139****8801',
      lastError: expect.stringContaining('503'),
    });
    // 30 s after the failed attempt (which came right after the notice was planned).
    const wait = Date.parse(first.nextAttemptAt as string) - Date.parse(first.createdAt as string);
    expect(wait).toBeGreaterThanOrEqual(30_000);
    expect(wait).toBeLessThan(35_000);
    expect(provider.received).toEqual([]);

    await advance('31s');
    const second = await eventually(async () => {
      const [n] = await noticesOf(id);
      return n?.attempts === 2 ? n : undefined;
    });
    expect(second).toMatchObject({ status: 'pending' });
    expect(Date.parse(second.nextAttemptAt as string) - Date.parse(first.nextAttemptAt as string)).toBeGreaterThanOrEqual(60_000);

    await advance('61s');
    const sent = await eventually(async () => {
      const [n] = await noticesOf(id);
      return n?.status === 'sent' ? n : undefined;
    });
    expect(sent).toMatchObject({ attempts: 3, provider: 'http', lastError: null });
    expect(provider.received).toHaveLength(1);
    expect(provider.received[0]).toMatchObject({
      key: sent.id,
      auth: 'Bearer provider-token',
      body: { id: sent.id, to: mobile(8801), text: expect.stringContaining('广州市网上信访平台') },
    });
    expect(provider.calls()).toBe(3);
  });

  it('quotes an answer given on the spot with any mobile number masked, and keeps a long one within one long SMS', async () => {
    const answer = `已当场答复：排水问题请联系街道城管科王科长13800138000。${'具体办理流程如下，'.repeat(60)}完毕。`;
    const registered = await post(h.url, '/api/petitions', {
      channel: 'visit',
      petitionerName: '陈晓',
      petitionerPhone: mobile(8802),
      categoryCode: 'URBAN.DRAINAGE',
      regionCode: '440106001',
      title: '咨询排水报修',
      content: '咨询小区排水报修途径。',
      route: 'answer_on_the_spot',
      answer: answer.slice(0, 2000),
    }).expect(201);
    const notices = await eventually(async () => {
      const all = await noticesOf(registered.body.id);
      return all.length === 2 && all.every((n) => n.status === 'sent') ? all : undefined;
    });
    expect(notices.map((n) => n.kind)).toEqual(['registration', 'closure']);
    const closure = notices[1].text as string;
    expect(closure).toContain('当场答复：已当场答复：排水问题请联系街道城管科王科长138****8000。');
    expect(closure).not.toContain('13800138000');
    expect(closure.length).toBeLessThanOrEqual(500);
    expect(closure).toMatch(/…。感谢您的理解与支持。$/);
  });
});
