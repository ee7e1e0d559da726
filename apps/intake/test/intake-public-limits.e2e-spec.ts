import { post, startIntake, type IntakeHarness } from './intake-harness';

const base = {
  title: '小区门口道路长期积水',
  content: '每逢下雨积水严重，请求疏通排水管道。',
  categoryCode: 'URBAN.DRAINAGE',
  regionCode: '440106001',
};

describe('intake: online registration is rate-limited per client address', () => {
  let h: IntakeHarness;
  beforeAll(async () => {
    h = await startIntake({ PUBLIC_SUBMIT_BURST: '3', PUBLIC_SUBMIT_PER_HOUR: '2' });
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('accepts a burst, then answers 429 PUBLIC_RATE_LIMITED with Retry-After and registers nothing', async () => {
    // Refused forms cost no token: a petitioner correcting a form is not locked out.
    for (let i = 0; i < 5; i++)
      await post(
        h.url,
        '/api/public/petitions',
        { ...base, regionCode: '999999', petitionerName: '张三', petitionerPhone: '13900001111' },
        null,
      ).expect(400);
    for (let i = 0; i < 3; i++)
      await post(h.url, '/api/public/petitions', { ...base, petitionerName: `市民${i}`, petitionerPhone: `1390000200${i}` }, null).expect(
        201,
      );
    const before = (await h.sql<{ n: number }>(`SELECT count(*)::int AS n FROM intake.petitions WHERE source = 'online'`))[0].n;
    const refused = await post(
      h.url,
      '/api/public/petitions',
      { ...base, petitionerName: '市民9', petitionerPhone: '13900002009' },
      null,
    ).expect(429);
    expect(refused.body).toMatchObject({ code: 'PUBLIC_RATE_LIMITED', details: [expect.objectContaining({ field: 'address' })] });
    // Two an hour: the next token is half an hour away.
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(1700);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(1800);
    expect((await h.sql<{ n: number }>(`SELECT count(*)::int AS n FROM intake.petitions WHERE source = 'online'`))[0].n).toBe(before);
  });
});
