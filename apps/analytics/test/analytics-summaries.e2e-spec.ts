import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { migrate, startTestStack, type TestStack } from '@petition/testing';
import { buildAggregates } from '../bench/synthetic-history.sql';
import { analyticsMigrations } from '../src/database/migrations';
import { PERCENTILE_RELATIVE_ERROR } from '../src/stats/duration-histogram';
import { StatsRepository } from '../src/stats/stats.repository';
import { prng } from './petition-history';

/**
 * The dashboard summaries (open_backlog, stage_hours, prev_reg_day) are kept by triggers one fact
 * change at a time. Here random fact writes — out of order, moving petitions between days,
 * petitioners, units and districts, from three connections at once — must leave exactly what the
 * bulk build (the migration's statements, used by the benchmark) computes from the final facts,
 * and the repository's answers must equal plain recomputations over the facts.
 */
describe('dashboard summaries kept by triggers', () => {
  let stack: TestStack;
  const clients: Client[] = [];
  const sql = async <T>(query: string, params: unknown[] = []) => (await clients[0].query(query, params)).rows as T[];
  const repository = () => new StatsRepository({ query: (q: string, p?: unknown[]) => sql(q, p) } as unknown as DataSource);

  beforeAll(async () => {
    stack = await startTestStack();
    await migrate(stack.databaseUrl, 'analytics', analyticsMigrations);
    for (let i = 0; i < 3; i++) {
      const c = new Client({ connectionString: stack.databaseUrl, options: '-c search_path=analytics,public -c timezone=Asia/Shanghai' });
      await c.connect();
      clients.push(c);
    }
    await applyRandomWrites(clients);
  });
  afterAll(async () => {
    for (const c of clients) await c.end();
    await stack?.stop();
  });

  const snapshot = async () => ({
    daily_volume: await rows(`SELECT * FROM daily_volume WHERE (n, collective_n, emergency_n, repeat_n) <> (0, 0, 0, 0)`),
    open_backlog: await rows(`SELECT * FROM open_backlog WHERE n <> 0`),
    stage_hours: await rows(`SELECT * FROM stage_hours WHERE (n, micros) <> (0, 0)`),
    previous: await rows(`SELECT petition_id, prev_reg_day FROM petition_facts`),
  });
  const rows = async (query: string) =>
    (await sql<{ r: string }>(`SELECT to_jsonb(x)::text AS r FROM (${query}) x`)).map((r) => r.r).sort();

  it('leaves the same summaries as the bulk build from the final facts', async () => {
    const live = await snapshot();
    expect(live.open_backlog.length).toBeGreaterThan(20);
    expect(live.stage_hours.length).toBeGreaterThan(100);
    expect(live.previous.filter((r) => !r.includes('"prev_reg_day": null')).length).toBeGreaterThan(50);
    await sql(`UPDATE petition_facts SET prev_reg_day = NULL`);
    await buildAggregates(clients[0]);
    expect(await snapshot()).toEqual(live);
  });

  it('answers backlog, repeat petitioners and stage times as recomputations over the facts do', async () => {
    const repo = repository();
    const asOf = new Date('2026-10-25T10:00:00+08:00');
    for (const region of [undefined, '440106', '440106001']) {
      const like = `${region ?? ''}%`;
      const [naive] = await sql<Record<string, number>>(
        `SELECT count(*)::int AS open, count(*) FILTER (WHERE reg_day < DATE '2026-10-25' - 10)::int AS over10
         FROM petition_facts WHERE is_open AND reg_day <= '2026-10-25' AND COALESCE(region_code, '') LIKE $1`,
        [like],
      );
      const backlog = await repo.backlog(asOf, region, 200);
      expect(backlog.totals.open).toBe(naive.open);
      expect(backlog.units.reduce((a, u) => a + u.open, 0)).toBe(naive.open);

      for (const [from, to] of [
        ['2026-10-01', '2026-10-31'],
        ['2026-10-05', '2026-10-12'],
        ['2026-10-20', '2026-10-20'],
      ]) {
        const people = await sql<{ ref: string; petitions: number }>(
          `SELECT petitioner_ref AS ref, count(*)::int AS petitions FROM petition_facts
           WHERE petitioner_ref IS NOT NULL AND reg_day BETWEEN $1 AND $2 AND COALESCE(region_code, '') LIKE $3
           GROUP BY 1 HAVING count(*) >= 2 ORDER BY 2 DESC, 1`,
          [from, to, like],
        );
        const repeats = await repo.repeats({ from, to }, region, 100);
        expect(repeats.repeatPetitioners).toBe(people.length);
        expect(repeats.petitioners.map((p) => p.petitionerRef).sort()).toEqual(people.map((p) => p.ref).sort());

        const stages = await repo.stageTimes({ from, to }, region);
        const [exact] = await sql<{ n: number; mean: number | null; p90: number | null }>(
          `SELECT count(h)::int AS n, avg(h) AS mean, percentile_cont(0.9) WITHIN GROUP (ORDER BY h) AS p90
           FROM (SELECT date_part('epoch', replied_at - accepted_at) / 3600.0 AS h FROM petition_facts
                 WHERE has_registration AND reg_day BETWEEN $1 AND $2 AND COALESCE(region_code, '') LIKE $3) x`,
          [from, to, like],
        );
        const handling = stages.find((s) => s.stage === 'handling');
        expect(handling?.count).toBe(exact.n);
        if (exact.n > 0) {
          expect(handling?.meanHours).toBeCloseTo(Number(exact.mean), 1);
          expect(Math.abs((handling?.p90Hours as number) - Number(exact.p90))).toBeLessThanOrEqual(
            Number(exact.p90) * PERCENTILE_RELATIVE_ERROR + 0.005,
          );
        }
      }
    }
  });
});

/**
 * Random facts writes as the projection makes them (upserts merging columns), in a shuffled order,
 * spread over three connections running at once; a deadlock (two petitions of one petitioner
 * written crosswise) is retried, as the consumer's EventProcessor does.
 */
async function applyRandomWrites(clients: Client[]): Promise<void> {
  const r = prng(42);
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
  const refs = Array.from({ length: 12 }, (_, i) => `ptr_${i}`);
  const regions = ['440106001', '440106002', '440111001', '440111', null];
  const units = [randomUUID(), randomUUID(), randomUUID()];
  const base = Date.parse('2026-10-01T00:00:00+08:00');
  const at = (hours: number) => new Date(base + hours * 3_600_000).toISOString();
  const ops: Array<[string, unknown[]]> = [];
  const upsert = (id: string, cols: Record<string, [unknown, 'set' | 'least']>) => {
    const names = Object.keys(cols);
    const merge = names.map((n) => `${n} = ${cols[n][1] === 'set' ? `EXCLUDED.${n}` : `LEAST(petition_facts.${n}, EXCLUDED.${n})`}`);
    ops.push([
      `INSERT INTO petition_facts (petition_id, ${names.join(', ')}) VALUES ($1, ${names.map((_, i) => `$${i + 2}`).join(', ')})
       ON CONFLICT (petition_id) DO UPDATE SET ${merge.join(', ')}`,
      [id, ...names.map((n) => cols[n][0])],
    ]);
  };
  const ids = Array.from({ length: 160 }, () => randomUUID());
  for (const id of ids) {
    const reg = r() * 30 * 24;
    const ref = r() < 0.1 ? null : pick(refs);
    upsert(id, {
      registered_at: [at(reg), 'set'],
      has_registration: [true, 'set'],
      petitioner_ref: [ref, 'set'],
      region_code: [pick(regions), 'set'],
      category_code: [pick(['A', 'B']), 'set'],
    });
    upsert(id, { triaged_at: [at(reg + r() * 2), 'least'], first_seen_at: [at(reg + 1), 'least'] });
    if (r() < 0.8) upsert(id, { lead_unit_id: [pick(units), 'set'], assigned_at: [at(reg + 3 + r() * 20), 'least'] });
    if (r() < 0.6) upsert(id, { accepted_at: [at(reg + 30 + r() * 40), 'least'] });
    if (r() < 0.5) upsert(id, { replied_at: [at(reg + 80 + r() * 500), 'least'] });
    if (r() < 0.3) upsert(id, { closed_at: [at(reg + 700 + r() * 100), 'least'] });
    // Corrections that move a petition to another day, petitioner, unit or region.
    if (r() < 0.15) upsert(id, { registered_at: [at(r() * 30 * 24), 'set'] });
    if (r() < 0.15) upsert(id, { petitioner_ref: [pick(refs), 'set'] });
    if (r() < 0.1) upsert(id, { lead_unit_id: [pick(units), 'set'], region_code: [pick(regions), 'set'] });
  }
  // A few rows first seen before their registration arrives (no ref, a triage day only).
  for (let i = 0; i < 10; i++) upsert(randomUUID(), { first_seen_at: [at(r() * 30 * 24), 'least'], repeat_of: [pick(ids), 'set'] });
  for (let i = ops.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [ops[i], ops[j]] = [ops[j], ops[i]];
  }
  await Promise.all(
    clients.map(async (c, k) => {
      for (let i = k; i < ops.length; i += clients.length) {
        for (let attempt = 0; ; attempt++) {
          try {
            await c.query(ops[i][0], ops[i][1]);
            break;
          } catch (err) {
            if ((err as { code?: string }).code !== '40P01' || attempt > 5) throw err;
          }
        }
      }
    }),
  );
}
