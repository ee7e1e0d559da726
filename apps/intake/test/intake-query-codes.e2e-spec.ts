import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { lookup, mobile, post, startIntake, type IntakeHarness } from './intake-harness';

const facts = {
  categoryCode: 'URBAN.DRAINAGE',
  regionCode: '440106001',
  title: '小区门口道路长期积水',
  content: '每逢下雨积水严重，请求疏通排水管道。',
};
const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(200, 0x20)]);

describe('intake: query codes can be neither guessed nor used to lock the petitioner out, and are never kept in clear', () => {
  let h: IntakeHarness;
  let n = 4100;

  beforeAll(async () => {
    // The test plays many people at many addresses through one proxy on loopback, as the gateway is.
    h = await startIntake({ TRUSTED_PROXIES: '127.0.0.1,::1' });
  });
  afterAll(async () => {
    await h?.stop();
  });

  /** An online petition, submitted from its petitioner's own address. */
  async function submit(): Promise<{ trackingNo: string; queryCode: string; key: string }> {
    n++;
    const key = randomUUID();
    const res = await request(h.url)
      .post('/api/public/petitions')
      .set('Idempotency-Key', key)
      .set('X-Forwarded-For', `10.1.0.${n % 250}`)
      .send({ ...facts, petitionerName: '林一', petitionerPhone: mobile(n) })
      .expect(201);
    return { trackingNo: res.body.trackingNo, queryCode: res.body.queryCode, key };
  }
  const wrong = (trackingNo: string) => ({ trackingNo, queryCode: '23456789' });

  it('a stranger’s wrong codes lock out only the stranger: the petitioner still reads, appeals and uploads', async () => {
    const p = await submit();
    for (let i = 0; i < 10; i++) await lookup(h.url, wrong(p.trackingNo), '203.0.113.7').expect(404);
    const locked = await lookup(h.url, wrong(p.trackingNo), '203.0.113.7').expect(429);
    expect(locked.body).toMatchObject({ code: 'PUBLIC_RATE_LIMITED' });
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    // Even the right code is not checked from an address that guessed this much.
    await lookup(h.url, p, '203.0.113.7').expect(429);

    const owner = '198.51.100.20';
    expect((await lookup(h.url, p, owner).expect(200)).body).toMatchObject({ trackingNo: p.trackingNo, status: 'registered' });
    const appeal = await request(h.url)
      .post(`/api/public/petitions/${p.trackingNo}/appeals`)
      .set('Idempotency-Key', randomUUID())
      .set('X-Forwarded-For', owner)
      .send({ queryCode: p.queryCode, kind: 'review', grounds: '答复未解决积水问题，请求复查。' });
    // Refused for what the matter is (no reply yet), not for anyone's guesses.
    expect(appeal.status).toBe(409);
    await request(h.url)
      .post(`/api/public/petitions/${p.trackingNo}/attachments`)
      .query({ fileName: '现场照片.pdf' })
      .set('X-Query-Code', p.queryCode)
      .set('X-Forwarded-For', owner)
      .set('Idempotency-Key', randomUUID())
      .set('Content-Type', 'application/pdf')
      .send(PDF)
      .expect(201);
  });

  it('guesses spread over many addresses stop every address that guessed, never the petitioner', async () => {
    const p = await submit();
    for (let i = 0; i < 10; i++) await lookup(h.url, wrong(p.trackingNo), `192.0.2.${i + 1}`).expect(404);
    // The tracking number is under attack: an address that failed on it is refused before its code is checked…
    expect((await lookup(h.url, wrong(p.trackingNo), '192.0.2.1').expect(429)).body.details[0].field).toBe('trackingNo');
    await lookup(h.url, p, '192.0.2.2').expect(429);
    // …while the petitioner, who has not been failing, is answered every time.
    for (let i = 0; i < 15; i++) await lookup(h.url, p, '198.51.100.21').expect(200);
  });

  it('no longer answers the GET with the code in the URL', async () => {
    const p = await submit();
    await request(h.url).get(`/api/public/petitions/${p.trackingNo}?queryCode=${p.queryCode}`).expect(404);
  });

  it('keeps no usable query code in a stored idempotent answer, and a retry still gets its code back', async () => {
    const p = await submit();
    const [stored] = await h.sql<{ response: unknown }>('SELECT response FROM intake.idempotency_keys WHERE key = $1', [p.key]);
    expect(JSON.stringify(stored.response)).toContain(p.trackingNo);
    expect(JSON.stringify(stored.response)).not.toContain(p.queryCode);
    const retry = await request(h.url)
      .post('/api/public/petitions')
      .set('Idempotency-Key', p.key)
      .set('X-Forwarded-For', `10.1.0.${n % 250}`)
      .send({ ...facts, petitionerName: '林一', petitionerPhone: mobile(n) })
      .expect(201);
    expect(retry.body).toEqual({ trackingNo: p.trackingNo, queryCode: p.queryCode, status: 'registered' });

    // A staff registration stores its answer in the registration's own statement: sealed there too.
    const key = randomUUID();
    const body = { ...facts, channel: 'visit', petitionerName: '陈四', petitionerPhone: mobile(4999) };
    const staff = await post(h.url, '/api/petitions', body).set('Idempotency-Key', key).expect(201);
    const [row] = await h.sql<{ response: unknown }>('SELECT response FROM intake.idempotency_keys WHERE key = $1', [key]);
    expect(JSON.stringify(row.response)).not.toContain(staff.body.queryCode);
    const again = await post(h.url, '/api/petitions', body).set('Idempotency-Key', key).expect(201);
    expect(again.body.queryCode).toBe(staff.body.queryCode);
  });
});
