import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import request from 'supertest';
import { PETITION_TRIAGED, Role, Topics, TriageOutcome, createEnvelope, toOffsetIso } from '@petition/contracts';
import { bearer, eventually, binaryBody } from '@petition/testing';
import { hotspotTerms } from '../src/read-models/hotspot-terms';
import { REPORT_SHEETS } from '../src/reports/report-workbook';
import { AWAIT_PROCESSED_MS, handledEvents, startAnalytics, type AnalyticsHarness } from './analytics-harness';
import { DISTRICTS, EMERGING_TERM, generateHistory, generateUnits, type GeneratedPetition } from './petition-history';

const START = new Date('2026-10-01T00:00:00+08:00');
const analyst = bearer([Role.Analyst]);
const countBy = <K extends string>(ps: GeneratedPetition[], key: (p: GeneratedPetition) => K) =>
  ps.reduce<Record<string, number>>((m, p) => ({ ...m, [key(p)]: (m[key(p)] ?? 0) + 1 }), {});
const asMap = (breakdown: Array<{ value: string; total: number }>) => Object.fromEntries(breakdown.map((b) => [b.value, b.total]));

describe('analytics over a generated month of petitions', () => {
  let h: AnalyticsHarness;
  const { petitions, events } = generateHistory({ seed: 20261001, count: 420, start: START, days: 31 });
  const get = (path: string, token = analyst) => request(h.app.url()).get(path).set('Authorization', token);

  beforeAll(async () => {
    // A month after the generated October; the backlog test moves the clock on from here.
    h = await startAnalytics('2026-12-01T09:00:00+08:00');
    // Later steps first, registrations last: the read model must not care.
    await h.publish(events);
    await h.awaitProcessed(handledEvents(events).length);
    // Its own wait, plus booting the stack: the hook must not give up before the wait does.
  }, AWAIT_PROCESSED_MS + 60_000);
  afterAll(async () => {
    await h?.stop();
  });

  it('counts the month by channel (repeats by the channel on their triage event, unknown when it has none), against an empty previous month', async () => {
    const res = await get('/api/stats/volume?from=2026-10-01&to=2026-10-31&dimension=channel&groupBy=week').expect(200);
    expect(res.body.petitions).toEqual({ total: petitions.length, previous: 0, change: petitions.length, changeRate: null });
    expect(asMap(res.body.breakdown)).toEqual(countBy(petitions, (p) => p.channel ?? 'unknown'));
    expect(res.body.breakdown.find((b: { value: string }) => b.value === 'letter').label).toBe('来信');
    expect(res.body.series.reduce((a: number, s: { total: number }) => a + s.total, 0)).toBe(petitions.length);
    expect(res.body.series[0].period).toMatch(/^2026-W\d{2}$/);
  });

  it('classifies by category and nature, repeats taking their original matter', async () => {
    const byCategory = await get('/api/stats/volume?from=2026-10-01&to=2026-10-31&dimension=category&groupBy=month').expect(200);
    expect(asMap(byCategory.body.breakdown)).toEqual(countBy(petitions, (p) => p.categoryCode));
    const byNature = await get('/api/stats/volume?from=2026-10-01&to=2026-10-31&dimension=nature').expect(200);
    expect(asMap(byNature.body.breakdown)).toEqual(countBy(petitions, (p) => p.nature));
  });

  it('rolls regions up the tree: districts city-wide, streets inside a district, and a street filter', async () => {
    const city = await get('/api/stats/volume?from=2026-10-01&to=2026-10-31&dimension=region').expect(200);
    expect(asMap(city.body.breakdown)).toEqual(countBy(petitions, (p) => p.regionCode.slice(0, 6)));
    const district = DISTRICTS[3];
    const inDistrict = petitions.filter((p) => p.regionCode.startsWith(district));
    const streets = await get(`/api/stats/volume?from=2026-10-01&to=2026-10-31&dimension=region&regionCode=${district}`).expect(200);
    expect(streets.body.petitions.total).toBe(inDistrict.length);
    expect(asMap(streets.body.breakdown)).toEqual(countBy(inDistrict, (p) => p.regionCode));
    const street = `${district}002`;
    const one = await get(`/api/stats/volume?from=2026-10-01&to=2026-10-31&dimension=channel&regionCode=${street}`).expect(200);
    expect(one.body.petitions.total).toBe(petitions.filter((p) => p.regionCode === street).length);
  });

  it('breaks down by lead unit with the directory names, and compares halves of the month', async () => {
    const res = await get('/api/stats/volume?from=2026-10-01&to=2026-10-31&dimension=unit').expect(200);
    expect(asMap(res.body.breakdown)).toEqual(countBy(petitions, (p) => p.leadUnitId ?? 'unassigned'));
    const names = new Map(generateUnits().map((u) => [u.id, u.name]));
    for (const b of res.body.breakdown) expect(b.label).toBe(names.get(b.value) ?? '未交办');
    const second = await get('/api/stats/volume?from=2026-10-17&to=2026-10-31').expect(200);
    const inRange = (from: string, to: string) =>
      petitions.filter((p) => dayOf(p.registeredAt) >= from && dayOf(p.registeredAt) <= to).length;
    expect(second.body.previousFrom).toBe('2026-10-02');
    expect(second.body.petitions.total).toBe(inRange('2026-10-17', '2026-10-31'));
    expect(second.body.petitions.previous).toBe(inRange('2026-10-02', '2026-10-16'));
  });

  it('counts collective petitions, emergency alerts and repeats', async () => {
    const res = await get('/api/stats/volume?from=2026-10-01&to=2026-10-31').expect(200);
    expect(res.body.collective.total).toBe(petitions.filter((p) => p.headcount >= 5).length);
    expect(res.body.emergencyAlerts.total).toBe(petitions.filter((p) => p.emergency).length);
    expect(res.body.repeats.total).toBe(petitions.filter((p) => p.repeatOf).length);
    const repeats = await get('/api/stats/repeats?from=2026-10-01&to=2026-10-31&limit=5').expect(200);
    expect(repeats.body.repeatPetitions).toBe(petitions.filter((p) => p.repeatOf).length);
    const perRef = countBy(petitions, (p) => p.petitionerRef);
    expect(repeats.body.repeatPetitioners).toBe(Object.values(perRef).filter((n) => n >= 2).length);
    expect(repeats.body.topRepeatPetitioners[0].petitions).toBe(Math.max(...Object.values(perRef)));
    const perOriginal = countBy(
      petitions.filter((p) => p.repeatOf),
      (p) => p.repeatOf as string,
    );
    expect(repeats.body.topRepeatedMatters[0].repeats).toBe(Math.max(...Object.values(perOriginal)));
    expect(JSON.stringify(repeats.body)).not.toMatch(/张\*/);
  });

  it('ages the open matters (积案) as of the service clock, in whole calendar days', async () => {
    await request(h.app.url())
      .put('/internal/clock')
      .set('Authorization', bearer([Role.Admin]))
      .send({ set: '2026-12-31T12:00:00+08:00' })
      .expect(200);
    const open = petitions.filter((p) => !p.closedAt && !p.repeatOf);
    // Over N days = registered before the day N days before 2026-12-31 (the API's stated rule).
    const over = (days: number) =>
      open.filter((p) => dayOf(p.registeredAt) < dayOf(new Date(Date.parse('2026-12-31T12:00:00+08:00') - days * 86_400_000))).length;
    const res = await get('/api/stats/backlog').expect(200);
    expect(res.body).toMatchObject({ open: open.length, over30: over(30), over60: over(60), over90: over(90), over180: 0 });
    expect(res.body.byUnit.reduce((a: number, u: { open: number }) => a + u.open, 0)).toBe(open.length);
    for (const u of res.body.byUnit as Array<{ unitId: string | null; open: number; oldestDays: number }>) {
      const mine = open.filter((p) => p.leadUnitId === u.unitId);
      expect(u.open).toBe(mine.length);
      const oldest = mine.map((p) => dayOf(p.registeredAt)).sort()[0];
      expect(u.oldestDays).toBe(Math.round((Date.parse('2026-12-31') - Date.parse(oldest)) / 86_400_000));
    }
    // A district reads its own scope of the summary; a street reads the facts: both by the same rule.
    const district = DISTRICTS[1];
    const inDistrict = await get(`/api/stats/backlog?regionCode=${district}`).expect(200);
    expect(inDistrict.body.open).toBe(open.filter((p) => p.regionCode.startsWith(district)).length);
    const street = `${district}001`;
    const inStreet = await get(`/api/stats/backlog?regionCode=${street}`).expect(200);
    const streetOpen = open.filter((p) => p.regionCode === street);
    expect(inStreet.body).toMatchObject({
      open: streetOpen.length,
      over60: streetOpen.filter((p) => dayOf(p.registeredAt) < '2026-11-01').length,
    });
  });

  it('measures exact counts and means per stage, and p90 within the stated 2 % of the exact percentile', async () => {
    const res = await get('/api/stats/stage-times?from=2026-10-01&to=2026-10-31').expect(200);
    const stage = (name: string) => res.body.stages.find((s: { stage: string }) => s.stage === name);
    const spans: Record<string, (p: GeneratedPetition) => [Date | null, Date | null]> = {
      accept: (p) => [p.assignedAt, p.acceptedAt],
      handling: (p) => [p.acceptedAt, p.repliedAt],
      review: (p) => [p.repliedAt, p.approvedAt],
      total: (p) => [p.repeatOf ? null : p.registeredAt, p.closedAt],
    };
    for (const [name, span] of Object.entries(spans)) {
      const hours = petitions
        .map(span)
        .filter(([a, b]) => a && b)
        .map(([a, b]) => ((b as Date).getTime() - (a as Date).getTime()) / 3_600_000);
      expect(stage(name).count).toBe(hours.length);
      expect(stage(name).meanHours).toBeCloseTo(hours.reduce((a, b) => a + b, 0) / hours.length, 1);
      // The histogram's p90 is within 2 % (OpenAPI: stage-times); 0.005 more for the rounding to hundredths.
      const exact = percentileCont(hours, 0.9);
      expect(Math.abs(stage(name).p90Hours - exact)).toBeLessThanOrEqual(exact * 0.02 + 0.005);
    }
    // A street is read from the facts: the p90 there is exact.
    const street = `${DISTRICTS[0]}001`;
    const inStreet = await get(`/api/stats/stage-times?from=2026-10-01&to=2026-10-31&regionCode=${street}`).expect(200);
    const handled = petitions.filter((p) => p.regionCode === street && p.acceptedAt && p.repliedAt);
    const hours = handled.map((p) => ((p.repliedAt as Date).getTime() - (p.acceptedAt as Date).getTime()) / 3_600_000);
    const handling = inStreet.body.stages.find((s: { stage: string }) => s.stage === 'handling');
    expect(handling.count).toBe(handled.length);
    if (hours.length > 0) expect(handling.p90Hours).toBeCloseTo(percentileCont(hours, 0.9), 1);
  });

  it('finds hotspots: the most mentioned problems, and the new one growing from nothing as a weak signal', async () => {
    const res = await get('/api/stats/hotspots?from=2026-10-17&to=2026-10-31&limit=3').expect(200);
    const inRange = petitions.filter((p) => !p.repeatOf && dayOf(p.registeredAt) >= '2026-10-17' && dayOf(p.registeredAt) <= '2026-10-31');
    const mentions: Record<string, number> = {};
    for (const p of inRange) for (const t of hotspotTerms(p.title)) mentions[t] = (mentions[t] ?? 0) + 1;
    const top = Object.values(mentions).sort((a, b) => b - a)[0];
    expect(res.body.strongSignals).toHaveLength(3);
    expect(res.body.strongSignals[0].mentions).toBe(top);
    const emerging = res.body.weakSignals.find((s: { term: string }) => s.term === EMERGING_TERM);
    expect(emerging).toMatchObject({ mentions: mentions[EMERGING_TERM], previousMentions: 0, isNew: true, growthRate: null });
    expect(emerging.byCategory).toEqual([{ categoryCode: 'URBAN.NOISE', mentions: mentions[EMERGING_TERM] }]);
    expect(res.body.weakSignalRule).toMatchObject({ minMentions: 3, minGrowthRate: 1 });
  });

  it('writes the monthly report: totals, classification tables, top problems, overdue units and a stated forecast', async () => {
    const res = await get('/api/reports/monthly/2026-10').expect(200);
    expect(res.body).toMatchObject({ title: '信访月报（2026-10）', from: '2026-10-01', to: '2026-10-31', previousPeriod: '2026-09' });
    expect(res.body.totals).toMatchObject({
      petitions: petitions.length,
      previousPetitions: 0,
      collective: petitions.filter((p) => p.headcount >= 5).length,
      emergencyAlerts: petitions.filter((p) => p.emergency).length,
      repeats: petitions.filter((p) => p.repeatOf).length,
      closed: petitions.filter((p) => p.closedAt && dayOf(p.closedAt) <= '2026-10-31').length,
    });
    const sumOf = (lines: Array<{ total: number }>) => lines.reduce((a, l) => a + l.total, 0);
    for (const table of ['byChannel', 'byNature', 'byCategory', 'byRegion']) expect(sumOf(res.body[table])).toBe(petitions.length);
    expect(res.body.byRegion.map((l: { value: string }) => l.value).sort()).toEqual([...DISTRICTS].sort());
    const overdue = petitions.filter(
      (p) => p.overdueUnitId && dayOf(new Date((p.assignedAt as Date).getTime() + 3 * 86_400_000)) <= '2026-10-31',
    );
    expect(res.body.overdueUnits.reduce((a: number, u: { overdueFlags: number }) => a + u.overdueFlags, 0)).toBe(overdue.length);
    expect(res.body.overdueUnits[0].unitName).toBeTruthy();
    expect(res.body.topProblems.length).toBeGreaterThan(0);
    expect(res.body.forecast).toMatchObject({ period: '2026-11', method: 'moving_average', value: petitions.length });
    expect(res.body.forecast.history).toHaveLength(8);
  });

  it('exports the report as XLSX with Chinese sheets whose totals match', async () => {
    const res = await get('/api/reports/monthly/2026-10?format=xlsx').buffer(true).parse(binaryBody).expect(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([...REPORT_SHEETS]);
    const rowsOf = (name: string) => {
      const out: unknown[][] = [];
      (wb.getWorksheet(name) as ExcelJS.Worksheet).eachRow((row) => out.push((row.values as unknown[]).slice(1)));
      return out;
    };
    const summary = rowsOf('总体情况');
    const value = (label: string) => summary.find((row) => row[0] === label)?.[1];
    expect(value('信访总量（件）')).toBe(petitions.length);
    expect(value('集体访（件）')).toBe(petitions.filter((p) => p.headcount >= 5).length);
    const [header, ...lines] = rowsOf('渠道分类');
    expect(header.slice(0, 3)).toEqual(['信访渠道', '代码', '本期件数']);
    expect(lines.find((row) => row[0] === '合计')?.[2]).toBe(petitions.length);
    expect(lines.filter((row) => row[0] !== '合计').reduce((a, row) => a + Number(row[2]), 0)).toBe(petitions.length);
    expect(lines.map((row) => row[0])).toContain('来信');
    expect(JSON.stringify(rowsOf('趋势预测'))).toContain('移动平均');
  });

  it('refuses a report period that does not fit its kind', async () => {
    const res = await get('/api/reports/weekly/2026-11').expect(400);
    expect(res.body.details[0].field).toBe('period');
    const kind = await get('/api/reports/daily/2026-11').expect(400);
    expect(kind.body.details[0].field).toBe('kind');
    await get('/api/reports/quarterly/2026-Q4?format=pdf').expect(400);
    await get('/api/reports/annual/2026').expect(200);
    await get('/api/reports/weekly/2026-W42').expect(200);
  });

  it('ignores a redelivery of events it already has', async () => {
    const again = events.slice(0, 200);
    await h.publish(again);
    // The types it acts on come back as duplicates; the others are skipped without an inbox row.
    await eventually(async () => {
      const metrics = await request(h.app.url()).get('/metrics').expect(200);
      const duplicates = [...metrics.text.matchAll(/^events_consumed_total\{[^}]*outcome="duplicate"[^}]*\} (\d+)/gm)].reduce(
        (a, m) => a + Number(m[1]),
        0,
      );
      return duplicates >= handledEvents(again).length ? true : undefined;
    });
    const res = await get('/api/stats/volume?from=2026-10-01&to=2026-10-31').expect(200);
    expect(res.body.petitions.total).toBe(petitions.length);
    const [row] = await h.sql<{ n: number }>(`SELECT count(*)::int AS n FROM analytics.petition_facts`);
    expect(row.n).toBe(petitions.length);
  });

  // After the redelivery check, which counts the facts of October's petitions only.
  it('counts how triage handled the petitions, an answer given on the spot among them', async () => {
    const october = await get('/api/stats/triage-outcomes?from=2026-10-01&to=2026-10-31').expect(200);
    const repeats = petitions.filter((p) => p.repeatOf !== null).length;
    expect(october.body).toMatchObject({ total: petitions.length, regionCode: null });
    expect(Object.fromEntries(october.body.outcomes.map((o: { outcome: string; count: number }) => [o.outcome, o.count]))).toEqual({
      dispatch: petitions.length - repeats,
      link_repeat: repeats,
    });
    expect(october.body.outcomes.find((o: { outcome: string }) => o.outcome === 'link_repeat')).toMatchObject({ label: '重复信访并入' });

    const at = new Date('2026-11-05T10:00:00+08:00');
    const petitionId = randomUUID();
    await h.publish([
      {
        topic: Topics.intake,
        key: petitionId,
        envelope: createEnvelope('intake', at, {
          type: PETITION_TRIAGED,
          petitionId,
          payload: {
            petitionId,
            trackingNo: '440106-20261105-000001',
            outcome: TriageOutcome.AnswerOnTheSpot,
            target: null,
            relatedPetitionId: null,
            automatic: false,
            decidedAt: toOffsetIso(at),
            channel: 'visit',
            nature: 'claim',
            categoryCode: 'URBAN.DRAINAGE',
            regionCode: '440106001',
            receivedAt: toOffsetIso(at),
          },
        }),
      },
    ]);
    const november = await eventually(async () => {
      const res = await get('/api/stats/triage-outcomes?from=2026-11-01&to=2026-11-30&regionCode=440106').expect(200);
      return res.body.total === 1 ? res.body : undefined;
    });
    expect(november.outcomes).toEqual([{ outcome: 'answer_on_the_spot', label: '当场答复', count: 1, share: 1 }]);
    const volume = await get('/api/stats/volume?from=2026-11-01&to=2026-11-30&dimension=channel').expect(200);
    expect(asMap(volume.body.breakdown)).toMatchObject({ visit: 1, call: 0, letter: 0 });
  });

  it('refuses bad queries with field reasons and wrong roles', async () => {
    const bad = async (query: string, field: string) => {
      const res = await get(`/api/stats/volume?${query}`).expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
    };
    await bad('from=2026-13-01', 'from');
    await bad('from=2026-02-30&to=2026-03-01', 'from');
    await bad('from=2026-11-02&to=2026-11-01', 'from');
    await bad('from=2020-01-01&to=2026-01-01&groupBy=month', 'to');
    await bad('from=2025-01-01&to=2026-06-01&groupBy=day', 'groupBy');
    await bad('groupBy=hour', 'groupBy');
    await bad('dimension=weather', 'dimension');
    await bad('regionCode=44x', 'regionCode');
    await bad('colour=red', 'colour');
    const limit = await get('/api/stats/repeats?limit=0').expect(400);
    expect(limit.body.details[0].field).toBe('limit');
    await request(h.app.url()).get('/api/stats/volume').expect(401);
    await get('/api/stats/volume', bearer([Role.Clerk])).expect(403);
    await get('/api/stats/backlog', bearer([Role.Supervisor])).expect(200);
  });
});

/** PostgreSQL's percentile_cont: linear between the neighbouring ranks. */
function percentileCont(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  const rank = p * (s.length - 1);
  const lo = Math.floor(rank);
  return s[lo] + (rank - lo) * (s[Math.ceil(rank)] - s[lo]);
}

function dayOf(d: Date): string {
  return new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}
