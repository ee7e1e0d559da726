import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { Role, Topics, UNIT_UPSERTED, UnitKind, UnitLevel, createEnvelope, type UnitUpsertedPayload } from '@petition/contracts';
import { bearer, eventually } from '@petition/testing';
import { startAssessment, type AssessmentHarness } from './assessment-harness';
import { generateScenario, type GeneratedEvent } from './assessment-generator';

const START = Date.parse('2026-10-01T00:00:00+08:00');
/** The simulation's 90 days end here; the service's clock starts here, inside the running 2026-Q4. */
const SIMULATION_END = '2026-12-30T00:00:00+08:00';
const supervisor = bearer([Role.Supervisor], null, 'supervisor-1');
const admin = bearer([Role.Admin], null, 'admin-1');

interface Line {
  unitId: string;
  code: string | null;
  name: string | null;
  rank: number;
  score: number;
  tooFewMatters: boolean;
  matters: number;
  rates: Record<string, { numerator: number; denominator: number; rate: number | null }>;
}

describe('assessment ranking lists every active unit of the directory', () => {
  let h: AssessmentHarness;
  let events: GeneratedEvent[];
  let later: GeneratedEvent[];
  let withMatters: string[];
  const emptyA = randomUUID();
  const emptyB = randomUUID();
  const inactive = randomUUID();

  const upsert = (unitId: string, code: string, name: string, active: boolean) => {
    const payload: UnitUpsertedPayload = {
      unitId,
      code,
      name,
      level: UnitLevel.District,
      kind: UnitKind.FunctionalDepartment,
      parentId: null,
      regionCodes: [],
      categoryCodes: [],
      active,
    };
    const envelope = createEnvelope('directory', new Date(), { type: UNIT_UPSERTED, petitionId: null, payload });
    return { key: unitId, value: JSON.stringify(envelope) };
  };

  const inboxCount = async (consumer: string) =>
    Number((await h.sql<{ n: string }>(`SELECT count(*) AS n FROM supervision.inbox WHERE consumer = $1`, [consumer]))[0].n);

  beforeAll(async () => {
    h = await startAssessment(SIMULATION_END);
    ({ events, later, unitIds: withMatters } = generateScenario({ matters: 40, units: 2, start: START, days: 90, seed: 7 }));
    const byTopic = new Map<string, GeneratedEvent[]>();
    for (const e of events) byTopic.set(e.topic, [...(byTopic.get(e.topic) ?? []), e]);
    await h.producer.sendBatch({
      topicMessages: [...byTopic.values()].map((list) => ({
        topic: list[0].topic,
        messages: list.map((e) => ({ key: e.envelope.petitionId, value: JSON.stringify(e.envelope) })),
      })),
    });
    // withMatters[0] is in the directory; withMatters[1] is not (it must still be ranked).
    // The first upsert of emptyA is superseded by the second (latest per unit wins).
    await h.producer.send({
      topic: Topics.directory,
      messages: [
        upsert(withMatters[0], 'D-020', '区住建局', true),
        upsert(emptyA, 'D-010', '旧名称', false),
        upsert(emptyA, 'D-010', '区市场监管局', true),
        upsert(emptyB, 'D-001', '区城管局', true),
        upsert(inactive, 'D-000', '已撤销单位', false),
      ],
    });
    await eventually(
      async () =>
        (await inboxCount('assessment-facts')) >= events.length && (await inboxCount('directory-units')) >= 5 ? true : undefined,
      { timeoutMs: 60_000, intervalMs: 500 },
    );
  }, 120_000);

  afterAll(async () => {
    await h?.stop();
  });

  it('ranks units without matters after every scored unit, by code, with no rates and "too few matters"', async () => {
    const res = await request(h.url).get('/api/assessments').query({ period: '2026-Q4' }).set('Authorization', supervisor).expect(200);
    const lines = res.body.units as Line[];
    expect(lines.map((l) => l.unitId)).not.toContain(inactive);
    const scored = lines.filter((l) => l.matters > 0);
    expect(scored.map((l) => l.unitId).sort()).toEqual([...withMatters].sort());
    expect(lines.slice(0, scored.length)).toEqual(scored);
    const empty = lines.slice(scored.length);
    expect(empty.map((l) => [l.unitId, l.code, l.name])).toEqual([
      [emptyB, 'D-001', '区城管局'],
      [emptyA, 'D-010', '区市场监管局'],
    ]);
    for (const l of empty) {
      expect(l).toMatchObject({ matters: 0, score: 0, tooFewMatters: true, rank: scored.length + 1 });
      for (const r of Object.values(l.rates)) expect(r).toEqual({ numerator: 0, denominator: 0, rate: null });
    }
    expect(lines.find((l) => l.unitId === withMatters[0])).toMatchObject({ code: 'D-020', name: '区住建局' });
    expect(lines.find((l) => l.unitId === withMatters[1])).toMatchObject({ code: null, name: null });
  });

  it('exports the same list as CSV, with code and name, empty cells for missing rates', async () => {
    const ranking = (await request(h.url).get('/api/assessments').query({ period: '2026-Q4' }).set('Authorization', supervisor).expect(200))
      .body.units as Line[];
    const csv = await request(h.url)
      .get('/api/assessments/export')
      .query({ period: '2026-Q4', format: 'csv' })
      .set('Authorization', supervisor)
      .expect(200);
    const rows = csv.text
      .replace(/^\uFEFF/, '')
      .split('\r\n')
      .filter(Boolean)
      .map((r) => r.split(','));
    expect(rows[0].slice(0, 5)).toEqual(['排名 rank', '单位 unitId', '单位代码 code', '单位名称 name', '得分 score']);
    expect(rows.slice(1).map((r) => r[1])).toEqual(ranking.map((l) => l.unitId));
    const a = rows.find((r) => r[1] === emptyA) as string[];
    expect(a.slice(2, 6)).toEqual(['D-010', '区市场监管局', '0', 'true']);
    const rateCells = rows[0].map((h, i) => (h.endsWith(' rate') ? i : -1)).filter((i) => i >= 0);
    expect(rateCells.length).toBeGreaterThan(0);
    for (const i of rateCells) expect(a[i]).toBe('');
  });

  it('publishes the list; a unit the directory adds later does not change a re-publish', async () => {
    await request(h.url).put('/internal/clock').set('Authorization', admin).send({ set: '2027-01-01T00:00:00+08:00' }).expect(200);
    // Publishing waits for the end of every review window of the quarter; the sweep's records, played here.
    const ended = later.filter((e) => Date.parse(e.envelope.payload.windowEnd as string) <= Date.parse('2027-01-01T00:00:00+08:00'));
    if (ended.length)
      await h.producer.send({
        topic: Topics.supervision,
        messages: ended.map((e) => ({ key: e.envelope.petitionId, value: JSON.stringify(e.envelope) })),
      });
    await eventually(async () => ((await inboxCount('assessment-facts')) >= events.length + ended.length ? true : undefined), {
      timeoutMs: 30_000,
      intervalMs: 300,
    });
    const first = await request(h.url)
      .post('/api/assessments/2026-Q4/publish')
      .query({ scheme: 'default' })
      .set('Authorization', supervisor)
      .set('Idempotency-Key', randomUUID())
      .expect(200);
    expect((first.body.ranking.units as Line[]).map((l) => l.unitId)).toEqual(expect.arrayContaining([emptyA, emptyB]));
    const late = randomUUID();
    await h.producer.send({ topic: Topics.directory, messages: [upsert(late, 'D-005', '新设单位', true)] });
    await eventually(async () => ((await inboxCount('directory-units')) >= 6 ? true : undefined), { timeoutMs: 30_000, intervalMs: 300 });
    const now = (await request(h.url).get('/api/assessments').query({ period: '2026-Q4' }).set('Authorization', supervisor).expect(200))
      .body.units as Line[];
    expect(now.map((l) => l.unitId)).toContain(late);
    const again = await request(h.url)
      .post('/api/assessments/2026-Q4/publish')
      .query({ scheme: 'default' })
      .set('Authorization', supervisor)
      .set('Idempotency-Key', randomUUID())
      .expect(200);
    expect(again.body).toMatchObject({ assessmentId: first.body.assessmentId, republished: true });
    expect(again.body.ranking).toEqual(first.body.ranking);
  });
});
