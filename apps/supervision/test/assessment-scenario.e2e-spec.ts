import { randomUUID } from 'node:crypto';
import request from 'supertest';
import ExcelJS from 'exceljs';
import { Kafka, logLevel } from 'kafkajs';
import { Role, Topics } from '@petition/contracts';
import { bearer, eventually, binaryBody } from '@petition/testing';
import { startAssessment, type AssessmentHarness } from './assessment-harness';
import { generateScenario, type GeneratedEvent } from './assessment-generator';
import { recompute, type ExpectedUnit } from './assessment-reference';

const START = Date.parse('2026-10-01T00:00:00+08:00');
/** The simulation's 90 days end here; the service's clock starts here, inside the running 2026-Q4. */
const SIMULATION_END = '2026-12-30T00:00:00+08:00';
const DEFAULT_WEIGHTS = { acceptance: 15, on_time: 30, quality: 15, satisfaction: 25, participation: 5, one_time: 10 };
const THREE_RATES = { acceptance: 30, resolution: 35, satisfaction: 35 };
const supervisor = bearer([Role.Supervisor], null, 'supervisor-1');
const analyst = bearer([Role.Analyst]);
const admin = bearer([Role.Admin], null, 'admin-1');

interface Line {
  unitId: string;
  rank: number;
  score: number;
  tooFewMatters: boolean;
  matters: number;
  repeats: number;
  overdue: number;
  rates: Record<string, { numerator: number; denominator: number; rate: number | null }>;
}

describe('assessment: 90 simulated days, every unit against a recomputation from the raw events', () => {
  let h: AssessmentHarness;
  let events: GeneratedEvent[];
  let later: GeneratedEvent[];
  let unitIds: string[];
  /** The instant the service's figures are read at (its clock): windows ending after it are still open. */
  let readAt = Date.parse(SIMULATION_END);

  beforeAll(async () => {
    h = await startAssessment(SIMULATION_END);
    ({ events, unitIds, later } = generateScenario({ matters: 1100, units: 32, start: START, days: 90 }));
    // Produced by topic in batches, as the other services' relays would; topics interleave freely,
    // so the service sees steps of one matter out of order across topics.
    const byTopic = new Map<string, GeneratedEvent[]>();
    for (const e of events) byTopic.set(e.topic, [...(byTopic.get(e.topic) ?? []), e]);
    const cursors = [...byTopic.values()];
    for (let offset = 0; cursors.some((list) => offset < list.length); offset += 400) {
      await h.producer.sendBatch({
        topicMessages: cursors
          .filter((list) => offset < list.length)
          .map((list) => ({
            topic: list[0].topic,
            messages: list.slice(offset, offset + 400).map((e) => ({ key: e.envelope.petitionId, value: JSON.stringify(e.envelope) })),
          })),
      });
    }
    await eventually(
      async () => {
        const [row] = await h.sql<{ n: string }>(`SELECT count(*) AS n FROM supervision.inbox WHERE consumer = 'assessment-facts'`);
        return Number(row.n) >= events.length ? true : undefined;
      },
      { timeoutMs: 150_000, intervalMs: 1000 },
    );
  }, 240_000);

  afterAll(async () => {
    await h?.stop();
  });

  it('generated a scenario of the required size and variety', () => {
    const types = new Set(events.map((e) => e.envelope.type));
    for (const t of [
      'assignment.returned',
      'extension.approved',
      'review.returned',
      'evaluation.recorded',
      'appeal.filed',
      'petition.repeat_linked',
      'deadline.overdue',
      'review_window.ended',
    ]) {
      expect(types).toContain(t);
    }
    // Callbacks flagged overdue against the unit, as earlier releases did: they must count for no unit.
    expect(
      events.some((e) => e.envelope.type === 'deadline.overdue' && e.envelope.payload.stage === 'callback' && e.envelope.payload.unitId),
    ).toBe(true);
    // Review windows that end inside 2026-Q4 but after the clock: still open in the running quarter.
    expect(openWindowsInQ4().length).toBeGreaterThan(0);
    expect(events.filter((e) => e.envelope.type === 'petition.registered').length).toBeGreaterThanOrEqual(1000);
    expect(
      new Set(events.filter((e) => e.envelope.type === 'petition.assigned').map((e) => e.envelope.payload.leadUnitId)).size,
    ).toBeGreaterThanOrEqual(30);
    const reEvaluated = new Set<string>();
    const evaluated = new Set<string>();
    for (const e of events.filter((x) => x.envelope.type === 'evaluation.recorded'))
      (evaluated.has(e.envelope.petitionId as string) ? reEvaluated : evaluated).add(e.envelope.petitionId as string);
    expect(reEvaluated.size).toBeGreaterThan(0);
  });

  /** First-time claims whose review window ends in 2026-Q4 after the clock, and that only the window's end can resolve. */
  function openWindowsInQ4(): string[] {
    const byPetition = (type: string, petitionId: string) =>
      events.filter((e) => e.envelope.type === type && e.envelope.petitionId === petitionId);
    return later
      .filter((e) => Date.parse(e.envelope.payload.windowEnd as string) < Date.parse('2027-01-01T00:00:00+08:00'))
      .map((e) => e.envelope.petitionId as string)
      .filter(
        (id) =>
          byPetition('petition.assigned', id).every((a) => a.envelope.payload.nature === 'claim') && !byPetition('appeal.filed', id).length,
      )
      .filter((id) => !events.some((e) => e.envelope.type === 'petition.repeat_linked' && e.envelope.payload.originalPetitionId === id));
  }

  async function check(
    period: string,
    months: string[],
    scheme: string,
    weights: Record<string, number>,
    penalties?: Parameters<typeof recompute>[4],
  ): Promise<Line[]> {
    const res = await request(h.url).get('/api/assessments').query({ period, scheme }).set('Authorization', supervisor).expect(200);
    const lines = res.body.units as Line[];
    const expected = recompute(events, months, weights, readAt, penalties);
    const seen = new Set(lines.map((l) => l.unitId));
    for (const unit of expected.keys()) expect(seen).toContain(unit);
    for (const line of lines) {
      const x: ExpectedUnit = expected.get(line.unitId) ?? { rates: {}, repeats: 0, overdue: 0, matters: 0, score: 0 };
      const got = {
        matters: line.matters,
        repeats: line.repeats,
        overdue: line.overdue,
        rates: Object.fromEntries(Object.entries(line.rates).map(([k, r]) => [k, { numerator: r.numerator, denominator: r.denominator }])),
      };
      const want = {
        matters: x.matters,
        repeats: x.repeats,
        overdue: x.overdue,
        rates: Object.fromEntries(Object.keys(line.rates).map((k) => [k, x.rates[k] ?? { numerator: 0, denominator: 0 }])),
      };
      expect({ unit: line.unitId, ...got }).toEqual({ unit: line.unitId, ...want });
      for (const r of Object.values(line.rates)) expect(r.rate).toBe(r.denominator === 0 ? null : r.numerator / r.denominator);
      expect(Math.abs(line.score - x.score)).toBeLessThanOrEqual(0.011);
      expect(line.tooFewMatters).toBe(x.matters < 5);
    }
    // Ranked by score, then fewer overdue, then more matters.
    for (let i = 1; i < lines.length; i++) {
      const [a, b] = [lines[i - 1], lines[i]];
      expect(
        a.score > b.score || (a.score === b.score && (a.overdue < b.overdue || (a.overdue === b.overdue && a.matters >= b.matters))),
      ).toBe(true);
      expect(b.rank).toBeGreaterThanOrEqual(a.rank);
    }
    return lines;
  }

  it('quarter 2026-Q4, default scheme: every unit KPI, deduction and score equal the recomputation', async () => {
    const lines = await check('2026-Q4', ['2026-10', '2026-11', '2026-12'], 'default', DEFAULT_WEIGHTS);
    expect(lines.length).toBeGreaterThanOrEqual(30);
    expect(lines.some((l) => l.repeats > 0 && l.overdue > 0)).toBe(true);
  });

  it('each month on its own (a matter counts once per period, in each month it touches)', async () => {
    for (const month of ['2026-10', '2026-11', '2026-12']) await check(month, [month], 'default', DEFAULT_WEIGHTS);
  });

  it('the three-rates scheme and the year', async () => {
    await check('2026-Q4', ['2026-10', '2026-11', '2026-12'], 'three_rates', THREE_RATES, {
      repeat: 0,
      repeatCap: 0,
      overdue: 0,
      overdueCap: 0,
    });
    await check(
      '2026',
      Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`),
      'default',
      DEFAULT_WEIGHTS,
    );
  });

  it('running quarter: a review window still open counts as not yet resolved once, in ranking and drill-down alike', async () => {
    const open = new Set(openWindowsInQ4());
    const res = await request(h.url).get('/api/assessments').query({ period: '2026-Q4' }).set('Authorization', supervisor).expect(200);
    let seen = 0;
    for (const line of res.body.units as Line[]) {
      if (!line.rates.one_time.denominator) continue;
      const items: Array<{ petitionId: string; inNumerator: boolean; facts: { windowEnded: boolean } }> = [];
      let cursor: string | undefined;
      do {
        const page = await request(h.url)
          .get(`/api/assessments/${line.unitId}/2026-Q4/matters`)
          .query({ kpi: 'one_time', limit: 200, ...(cursor ? { cursor } : {}) })
          .set('Authorization', supervisor)
          .expect(200);
        items.push(...page.body.items);
        cursor = page.body.nextCursor ?? undefined;
      } while (cursor);
      for (const item of items.filter((i) => open.has(i.petitionId))) {
        expect(item).toMatchObject({ inNumerator: false, facts: { windowEnded: false } });
        seen += 1;
      }
      expect(items.filter((i) => i.inNumerator).length).toBe(line.rates.one_time.numerator);
    }
    expect(seen).toBe(open.size);
  });

  it('drills every number of a unit down to the matters behind it', async () => {
    const res = await request(h.url).get('/api/assessments').query({ period: '2026-Q4' }).set('Authorization', analyst).expect(200);
    const line = (res.body.units as Line[]).find((l) => l.rates.on_time.denominator > 20 && l.overdue > 0) as Line;
    for (const kpi of [
      'acceptance',
      'on_time',
      'quality',
      'participation',
      'satisfaction',
      'resolution',
      'one_time',
      'overdue',
      'repeats',
    ]) {
      const items: Array<{ petitionId: string; trackingNo: string; inNumerator: boolean; facts: object }> = [];
      let cursor: string | undefined;
      do {
        const page = await request(h.url)
          .get(`/api/assessments/${line.unitId}/2026-Q4/matters`)
          .query({ kpi, limit: 7, ...(cursor ? { cursor } : {}) })
          .set('Authorization', supervisor)
          .expect(200);
        items.push(...page.body.items);
        cursor = page.body.nextCursor ?? undefined;
      } while (cursor);
      const number =
        kpi === 'overdue'
          ? { numerator: line.overdue, denominator: line.overdue }
          : kpi === 'repeats'
            ? { numerator: line.repeats, denominator: line.repeats }
            : { numerator: line.rates[kpi].numerator, denominator: line.rates[kpi].denominator };
      expect({ kpi, denominator: items.length, numerator: items.filter((i) => i.inNumerator).length }).toEqual({ kpi, ...number });
      expect(new Set(items.map((i) => i.petitionId)).size).toBe(items.length);
      for (const i of items) expect(i.trackingNo).toMatch(/^XF2026/);
    }
  });

  it('exports the ranking as CSV and XLSX', async () => {
    const csv = await request(h.url)
      .get('/api/assessments/export')
      .query({ period: '2026-Q4', format: 'csv' })
      .set('Authorization', supervisor)
      .expect(200);
    expect(csv.headers['content-disposition']).toBe('attachment; filename="assessment-2026-Q4-default-v1.csv"');
    expect(csv.text.split('\r\n').filter(Boolean).length).toBe(unitsCount() + 1);
    const xlsx = await request(h.url)
      .get('/api/assessments/export')
      .query({ period: '2026-Q4', format: 'xlsx' })
      .set('Authorization', supervisor)
      .buffer(true)
      .parse(binaryBody)
      .expect(200);
    expect(xlsx.headers['content-disposition']).toContain('.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.body as unknown as ArrayBuffer);
    expect(book.worksheets[0].rowCount).toBe(unitsCount() + 1);
  });

  function unitsCount(): number {
    return new Set(events.filter((e) => e.envelope.type === 'petition.assigned').map((e) => e.envelope.payload.leadUnitId as string)).size;
  }

  it('refuses bad input with field reasons and changes nothing', async () => {
    const bad = await request(h.url).get('/api/assessments').query({ period: '2026-Q5' }).set('Authorization', supervisor).expect(400);
    expect(bad.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'period' })]));
    await request(h.url).get('/api/assessments').query({ period: '2026-Q4', scheme: 'nope' }).set('Authorization', supervisor).expect(404);
    await request(h.url)
      .get(`/api/assessments/${unitIds[0]}/2026-13/matters`)
      .query({ kpi: 'on_time' })
      .set('Authorization', supervisor)
      .expect(400);
    await request(h.url)
      .get(`/api/assessments/${unitIds[0]}/2026-Q4/matters`)
      .query({ kpi: 'speed' })
      .set('Authorization', supervisor)
      .expect(400);
    await request(h.url)
      .get('/api/assessments')
      .query({ period: '2026-Q4' })
      .set('Authorization', bearer([Role.Handler], unitIds[0]))
      .expect(403);
    const weights = await request(h.url)
      .post('/api/assessment-schemes')
      .set('Authorization', admin)
      .set('Idempotency-Key', randomUUID())
      .send({ name: 'default', weights: { speed: 10 }, repeatPenalty: 1, repeatPenaltyCap: 10, overduePenalty: 0.5, overduePenaltyCap: 10 })
      .expect(400);
    expect(weights.body.details).toEqual([expect.objectContaining({ field: 'weights.speed' })]);
  });

  it('a new scheme version is a new row; rankings name the version they used', async () => {
    const v2 = await request(h.url)
      .post('/api/assessment-schemes')
      .set('Authorization', admin)
      .set('Idempotency-Key', randomUUID())
      .send({
        name: 'three_rates',
        weights: { acceptance: 20, resolution: 40, satisfaction: 40 },
        repeatPenalty: 0,
        repeatPenaltyCap: 0,
        overduePenalty: 0,
        overduePenaltyCap: 0,
        note: '市考核办 2026 调整',
      })
      .expect(201);
    expect(v2.body.version).toBe(2);
    const latest = await request(h.url)
      .get('/api/assessments')
      .query({ period: '2026-Q4', scheme: 'three_rates' })
      .set('Authorization', supervisor)
      .expect(200);
    expect(latest.body.scheme).toEqual({ name: 'three_rates', version: 2 });
    await check(
      '2026-Q4',
      ['2026-10', '2026-11', '2026-12'],
      'three_rates',
      { acceptance: 20, resolution: 40, satisfaction: 40 },
      { repeat: 0, repeatCap: 0, overdue: 0, overdueCap: 0 },
    );
    const v1 = await request(h.url)
      .get('/api/assessments')
      .query({ period: '2026-Q4', scheme: 'three_rates', version: 1 })
      .set('Authorization', supervisor)
      .expect(200);
    expect(v1.body.scheme.version).toBe(1);
  });

  it('publishes a closed period once, with its scheme version; publishing again recomputes the same result', async () => {
    const key = () => randomUUID();
    // The clock is still inside 2026-Q4: a running period cannot be published.
    const running = await request(h.url)
      .post('/api/assessments/2026-Q4/publish')
      .query({ scheme: 'default' })
      .set('Authorization', supervisor)
      .set('Idempotency-Key', key())
      .expect(409);
    expect(running.body.code).toBe('ASSESSMENT_PERIOD_NOT_CLOSED');
    await request(h.url).put('/internal/clock').set('Authorization', admin).send({ set: '2027-01-01T00:00:00+08:00' }).expect(200);
    // The quarter has ended, but the windows that ended in its last days are not recorded yet.
    const unsettled = await request(h.url)
      .post('/api/assessments/2026-Q4/publish')
      .query({ scheme: 'default' })
      .set('Authorization', supervisor)
      .set('Idempotency-Key', key())
      .expect(409);
    expect(unsettled.body.code).toBe('ASSESSMENT_PERIOD_NOT_SETTLED');
    expect(unsettled.body.details).toEqual([expect.objectContaining({ field: 'period' })]);
    // Supervision's sweep records them (played here): each moves its matter into the numerator.
    readAt = Date.parse('2027-01-01T00:00:00+08:00');
    const ended = later.filter((e) => Date.parse(e.envelope.payload.windowEnd as string) <= readAt);
    await h.producer.send({
      topic: Topics.supervision,
      messages: ended.map((e) => ({ key: e.envelope.petitionId, value: JSON.stringify(e.envelope) })),
    });
    await eventually(
      async () => {
        const [row] = await h.sql<{ n: string }>(`SELECT count(*) AS n FROM supervision.inbox WHERE consumer = 'assessment-facts'`);
        return Number(row.n) >= events.length + ended.length ? true : undefined;
      },
      { timeoutMs: 60_000, intervalMs: 500 },
    );
    await check('2026-Q4', ['2026-10', '2026-11', '2026-12'], 'default', DEFAULT_WEIGHTS);
    const first = await request(h.url)
      .post('/api/assessments/2026-Q4/publish')
      .query({ scheme: 'default' })
      .set('Authorization', supervisor)
      .set('Idempotency-Key', key())
      .expect(200);
    expect(first.body).toMatchObject({ period: '2026-Q4', scheme: 'default', schemeVersion: 1, republished: false });
    const again = await request(h.url)
      .post('/api/assessments/2026-Q4/publish')
      .query({ scheme: 'default' })
      .set('Authorization', supervisor)
      .set('Idempotency-Key', key())
      .expect(200);
    expect(again.body).toMatchObject({ assessmentId: first.body.assessmentId, republished: true });
    expect(again.body.ranking).toEqual(first.body.ranking);
    // What other services see: the event on the supervision topic, once, about no petition.
    const published: Array<{
      type: string;
      petitionId: string | null;
      payload: { assessmentId: string; units: unknown[]; schemeVersion: number };
    }> = [];
    const consumer = new Kafka({ clientId: 'assessment-reader', brokers: [h.stack.kafkaBrokers], logLevel: logLevel.NOTHING }).consumer({
      groupId: `reader-${randomUUID()}`,
    });
    await consumer.connect();
    await consumer.subscribe({ topic: Topics.supervision, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        const e = JSON.parse(message.value?.toString() ?? '{}');
        if (e.type === 'assessment.published') published.push(e);
      },
    });
    const outbox = await eventually(async () => (published.length ? published.map((envelope) => ({ envelope })) : undefined), {
      timeoutMs: 30_000,
    });
    await consumer.disconnect();
    expect(outbox[0].envelope.payload).toMatchObject({ assessmentId: first.body.assessmentId, schemeVersion: 1 });
    expect(outbox[0].envelope.payload.units).toHaveLength(first.body.ranking.units.length);
  });
});
