import request from 'supertest';
import { Role } from '@petition/contracts';
import { bearer } from '@petition/testing';
import { READ_MODEL_TABLES, rebuildReadModels } from '../src/rebuild/rebuild-read-models';
import { AWAIT_PROCESSED_MS, handledEvents, startAnalytics, type AnalyticsHarness } from './analytics-harness';
import { generateHistory } from './petition-history';

const QUERIES = [
  '/api/stats/volume?from=2026-09-01&to=2026-09-30&dimension=channel&groupBy=week',
  '/api/stats/volume?from=2026-09-01&to=2026-09-30&dimension=region&regionCode=440106',
  '/api/stats/volume?from=2026-09-01&to=2026-09-30&dimension=unit',
  '/api/stats/backlog',
  '/api/stats/repeats?from=2026-09-01&to=2026-09-30',
  '/api/stats/stage-times?from=2026-09-01&to=2026-09-30',
  '/api/stats/hotspots?from=2026-09-16&to=2026-09-30&limit=5',
];

describe('rebuilding the read models from the topics', () => {
  let h: AnalyticsHarness;
  const { events } = generateHistory({ seed: 20260901, count: 250, start: new Date('2026-09-01T00:00:00+08:00'), days: 30 });

  const answers = async () => {
    const out: Record<string, unknown> = {};
    for (const q of QUERIES) {
      // The clock keeps running after the jump: compare what was counted, not the millisecond it was asked.
      const { asOf: _asOf, ...body } = (
        await request(h.app.url())
          .get(q)
          .set('Authorization', bearer([Role.Analyst]))
          .expect(200)
      ).body;
      out[q] = body;
    }
    return out;
  };
  /** Every read model row; aggregate rows that netted out to zero are bookkeeping, not results. */
  const ZERO_ROWS: Record<string, string> = {
    daily_volume: 'WHERE (n, collective_n, emergency_n, repeat_n) <> (0, 0, 0, 0)',
    open_backlog: 'WHERE n <> 0',
    stage_hours: 'WHERE (n, micros) <> (0, 0)',
  };
  const tables = async () => {
    const out: Record<string, unknown[]> = {};
    for (const t of READ_MODEL_TABLES) {
      const where = ZERO_ROWS[t] ?? '';
      out[t] = (await h.sql<{ r: string }>(`SELECT to_jsonb(x)::text AS r FROM analytics.${t} x ${where}`)).map((row) => row.r).sort();
    }
    return out;
  };

  beforeAll(async () => {
    // Both runs (before and after the restart) start the clock here, so backlog ages agree.
    h = await startAnalytics('2026-12-15T09:00:00+08:00');
    await h.publish(events);
    await h.awaitProcessed(handledEvents(events).length);
    // Its own wait, plus booting the stack: the hook must not give up before the wait does.
  }, AWAIT_PROCESSED_MS + 60_000);
  afterAll(async () => {
    await h?.stop();
  });

  it('replays every topic into fresh tables that equal the live ones, and the service resumes without counting twice', async () => {
    const liveTables = await tables();
    const liveAnswers = await answers();
    expect(liveTables.petition_facts).toHaveLength(250);

    await h.app.shutdown();
    const report = await rebuildReadModels({ databaseUrl: h.stack.databaseUrl, kafka: h.kafka });
    expect(report).toMatchObject({ events: events.length, deadLettered: 0 });
    expect(report.eventsPerSecond).toBeGreaterThan(0);
    expect(await tables()).toEqual(liveTables);

    await h.restart();
    expect(await answers()).toEqual(liveAnswers);
    const [inbox] = await h.sql<{ n: number }>(`SELECT count(*)::int AS n FROM analytics.inbox WHERE consumer LIKE 'analytics-%'`);
    // Every event it acts on once; none of the types it ignores (work_item.opened here) left a row.
    expect(handledEvents(events).length).toBeLessThan(events.length);
    expect(inbox.n).toBe(handledEvents(events).length);
  });
});
