import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import request from 'supertest';
import { clerk, mobile, residentId, startIntake, type IntakeHarness } from './intake-harness';

type Endpoint = 'staff' | 'public' | 'hotline';

const valid = (): Record<string, unknown> => ({
  channel: 'visit',
  petitionerName: '张三',
  petitionerIdNumber: residentId(3),
  petitionerPhone: mobile(3),
  title: '小区门口道路长期积水',
  content: '每逢下雨积水严重，请求疏通排水管道。',
  categoryCode: 'URBAN.DRAINAGE',
  regionCode: '440106001',
});

const STRING_FIELDS = ['petitionerName', 'title', 'content', 'categoryCode', 'regionCode', 'petitionerIdNumber', 'petitionerPhone'];
const INJECTIONS = [
  "'; DROP TABLE intake.petitions; --",
  '<script>alert(1)</script>',
  '${jndi:ldap://x}',
  '../../etc/passwd',
  '1 OR 1=1',
  '{"$gt":""}',
];

/** A mutation that makes a valid registration invalid, with the field it breaks. */
type Mutation = { kind: string; apply: (body: Record<string, unknown>) => void };

const OPTIONAL = new Set(['headcount', 'anonymous', 'emergency', 'petitionerIdNumber', 'petitionerPhone']);
const hasRightType = (field: string, value: unknown): boolean =>
  field === 'headcount'
    ? Number.isInteger(value)
    : field === 'anonymous' || field === 'emergency'
      ? typeof value === 'boolean'
      : typeof value === 'string';
const wrongType = fc
  .record({
    field: fc.constantFrom(...STRING_FIELDS, 'headcount', 'anonymous', 'emergency'),
    value: fc.oneof(
      fc.integer(),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.boolean(),
      fc.constant(null),
      fc.string({ maxLength: 10 }),
      fc.array(fc.string(), { maxLength: 3 }),
      fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 2 }),
    ),
  })
  .filter(({ field, value }) => !hasRightType(field, value) && !(value === null && OPTIONAL.has(field)))
  .map(({ field, value }): Mutation => ({ kind: `wrong type ${field}`, apply: (b) => void (b[field] = value) }));

const hugeString = fc
  .record({
    field: fc.constantFrom('petitionerName', 'title', 'content', 'petitionerAddress'),
    size: fc.integer({ min: 20_001, max: 200_000 }),
  })
  .map(({ field, size }): Mutation => ({ kind: `huge ${field}`, apply: (b) => void (b[field] = '水'.repeat(size)) }));

const badIdNumber = fc
  .oneof(
    fc.stringMatching(/^\d{17}[\dX]$/).filter((s) => s !== residentId(3)),
    fc.string({ minLength: 1, maxLength: 30 }),
    fc.constantFrom('440106199002301234', '44010630000101123X', '000000000000000000'),
  )
  .filter((s) => !/^\d{17}[\dX]$/.test(s) || !isValidId(s))
  .map((id): Mutation => ({ kind: 'bad id number', apply: (b) => void (b.petitionerIdNumber = id) }));

const missingRepresentatives = fc
  .integer({ min: 5, max: 10000 })
  .map((headcount): Mutation => ({ kind: 'missing representatives', apply: (b) => void (b.headcount = headcount) }));
const tooManyRepresentatives = fc.integer({ min: 6, max: 12 }).map((count): Mutation => ({
  kind: 'too many representatives',
  apply: (b) => void Object.assign(b, { headcount: 50, representatives: Array.from({ length: count }, (_, i) => ({ name: `代表${i}` })) }),
}));
const unknownRegion = fc
  .stringMatching(/^\d{6}$/)
  .filter((c) => !c.startsWith('4401'))
  .map((code): Mutation => ({ kind: 'unknown region', apply: (b) => void (b.regionCode = code) }));
const injection = fc
  .record({
    field: fc.constantFrom('categoryCode', 'regionCode', 'channel', 'nature', 'petitionerPhone', 'accusedUnitId'),
    value: fc.constantFrom(...INJECTIONS),
  })
  .map(({ field, value }): Mutation => ({ kind: `injection in ${field}`, apply: (b) => void (b[field] = value) }));
const missingField = fc
  .constantFrom('title', 'content', 'categoryCode', 'regionCode', 'petitionerName')
  .map((field): Mutation => ({ kind: `missing ${field}`, apply: (b) => void delete b[field] }));
const extraField = fc
  .string({ minLength: 1, maxLength: 20 })
  .filter(
    (k) =>
      /^[a-z]\w*$/i.test(k) &&
      !(k in {}) &&
      !(k in valid()) &&
      ![
        'anonymous',
        'petitionerAddress',
        'nature',
        'accusedUnitId',
        'headcount',
        'representatives',
        'emergency',
        'letter',
        'call',
      ].includes(k),
  )
  .map((key): Mutation => ({ kind: `unknown field ${key}`, apply: (b) => void (b[key] = 'x') }));

function isValidId(s: string): boolean {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(s[i]) * w[i];
  const y = Number(s.slice(6, 10)),
    m = Number(s.slice(10, 12)),
    d = Number(s.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  return '10X98765432'[sum % 11] === s[17] && y >= 1900 && date.getUTCMonth() === m - 1 && date.getUTCDate() === d && date < new Date();
}

/** Wraps a (mutated) registration for the endpoint it goes to. */
function bodyFor(endpoint: Endpoint, fields: Record<string, unknown>): Record<string, unknown> {
  if (endpoint === 'staff') return fields;
  // The public and hotline bodies carry no channel; a mutated one stays, to be refused.
  const { channel, ...rest } = fields;
  if (channel !== 'visit') rest.channel = channel;
  if (endpoint === 'public') return rest;
  return { orders: [{ ...rest, externalOrderId: `ORD-${randomUUID()}`, receivedAt: '2026-11-22T09:30:00+08:00' }] };
}

const PATHS: Record<Endpoint, string> = {
  staff: '/api/petitions',
  public: '/api/public/petitions',
  hotline: '/api/petitions/hotline-imports',
};

describe('intake: bad input never gets in', () => {
  let h: IntakeHarness;
  beforeAll(async () => {
    h = await startIntake();
  });
  afterAll(async () => {
    await h?.stop();
  });

  async function counts(): Promise<string> {
    const [row] = await h.sql<Record<string, string>>(`SELECT
      (SELECT count(*) FROM intake.petitions) AS petitions,
      (SELECT count(*) FROM intake.petition_timeline) AS timeline,
      (SELECT count(*) FROM intake.tracking_counters) AS counters,
      (SELECT count(*) FROM intake.idempotency_keys) AS keys`);
    return JSON.stringify(row);
  }

  it('answers ≥ 200 generated bad registrations with 4xx and field-level reasons, leaving no row behind', async () => {
    const before = await counts();
    const seen = new Set<string>();
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom<Endpoint>('staff', 'public', 'hotline'),
        fc.oneof(
          wrongType,
          hugeString,
          badIdNumber,
          missingRepresentatives,
          tooManyRepresentatives,
          unknownRegion,
          injection,
          missingField,
          extraField,
        ),
        async (endpoint, mutation) => {
          runs++;
          const fields = valid();
          mutation.apply(fields);
          seen.add(mutation.kind.split(' ')[0]);
          const res = await request(h.url)
            .post(PATHS[endpoint])
            .set('Authorization', clerk)
            .set('Idempotency-Key', randomUUID())
            .send(bodyFor(endpoint, fields));
          expect({ kind: mutation.kind, endpoint, status: res.status }).toEqual({
            kind: mutation.kind,
            endpoint,
            status: res.status >= 400 && res.status < 500 ? res.status : 'a 4xx',
          });
          expect(res.body.details.length).toBeGreaterThan(0);
          expect(
            res.body.details.every(
              (d: { field: string; reason: string }) => typeof d.field === 'string' && d.field.length > 0 && typeof d.reason === 'string',
            ),
          ).toBe(true);
        },
      ),
      { numRuns: 240, seed: 20261122 },
    );
    expect(runs).toBeGreaterThanOrEqual(240);
    expect(await counts()).toBe(before);
  });

  it('refuses invalid UTF-8 anywhere in the text fields', async () => {
    const before = await counts();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom<Endpoint>('staff', 'public', 'hotline'),
        fc.constantFrom('petitionerName', 'title', 'content'),
        fc.constantFrom(
          Buffer.from([0xc3, 0x28]),
          Buffer.from([0xff]),
          Buffer.from([0xe2, 0x82]),
          Buffer.from([0xf0, 0x28, 0x8c, 0x28]),
          Buffer.from([0xed, 0xa0, 0x80]),
        ),
        async (endpoint, field, bad) => {
          const fields = valid();
          fields[field] = `${String(fields[field]).slice(0, 3)}@@BAD@@${String(fields[field]).slice(3)}`;
          const json = Buffer.from(JSON.stringify(bodyFor(endpoint, fields)));
          const at = json.indexOf('@@BAD@@');
          const body = Buffer.concat([json.subarray(0, at), bad, json.subarray(at + 7)]);
          // fetch sends the bytes as they are (supertest would re-serialise a Buffer as JSON).
          const res = await fetch(`${h.url}${PATHS[endpoint]}`, {
            method: 'POST',
            headers: { Authorization: clerk, 'Idempotency-Key': randomUUID(), 'Content-Type': 'application/json' },
            body,
          });
          const answer = (await res.json()) as { details: Array<{ field: string }> };
          expect(res.status).toBe(400);
          expect(answer.details.map((d) => d.field.split('.').pop())).toContain(field);
        },
      ),
      { numRuns: 30, seed: 7 },
    );
    expect(await counts()).toBe(before);
  });

  it('refuses 10 MB bodies with 413', async () => {
    const before = await counts();
    for (const endpoint of ['staff', 'public', 'hotline'] as const) {
      const fields = { ...valid(), content: 'x'.repeat(10 * 1024 * 1024) };
      const res = await request(h.url)
        .post(PATHS[endpoint])
        .set('Authorization', clerk)
        .set('Idempotency-Key', randomUUID())
        .send(bodyFor(endpoint, fields));
      expect(res.status).toBe(413);
      expect(res.body.details).toEqual([expect.objectContaining({ field: 'body' })]);
    }
    expect(await counts()).toBe(before);
  });
});
