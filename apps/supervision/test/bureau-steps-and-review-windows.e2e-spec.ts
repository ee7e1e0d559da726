import { randomUUID } from 'node:crypto';
import request from 'supertest';
import {
  DEADLINE_OVERDUE,
  REPLY_DELIVERED,
  REVIEW_WINDOW_ENDED,
  Role,
  SUPERVISION_ORDER_ISSUED,
  URGE_ISSUED,
  type EventEnvelope,
} from '@petition/contracts';
import { bearer, eventually } from '@petition/testing';
import { startFlowFixture, type FlowFixture } from './reviews-flow.fixture';

/** Monday 23 November 2026, 09:00 in Guangzhou. */
const MONDAY = '2026-11-23T09:00:00+08:00';
const admin = bearer([Role.Admin]);

interface Line {
  unitId: string;
  overdue: number;
  rates: Record<string, { numerator: number; denominator: number }>;
}

/**
 * The whole supervision service (tracker, sweep, assessment) on a controllable clock: the two
 * scoring rules an independent recomputation found broken — a review window still open is not
 * yet a one-time resolution, and a unit is not held to the bureau's callback.
 */
describe('one-time resolution waits for the review window; the callback is the bureau’s step', () => {
  let f: FlowFixture;
  const windowUnit = randomUUID();
  const windowMatter = randomUUID();
  const callbackUnit = randomUUID();
  const callbackMatter = randomUUID();

  const line = async (unitId: string, period: string): Promise<Line> => {
    const res = await f.get(`/api/assessments?period=${period}`).expect(200);
    return (res.body.units as Line[]).find((l) => l.unitId === unitId) as Line;
  };
  const deliverOnline = async (petitionId: string, unitId: string): Promise<EventEnvelope<{ reviewRequestDeadline: { due: string } }>> => {
    const reply = await f.reply(petitionId, unitId);
    const review = await f.pendingReview(reply.replyId);
    await f.post(`/api/reviews/${review.id}/approve`, { delivery: 'online' }).expect(200);
    return f.event(REPLY_DELIVERED, petitionId);
  };

  beforeAll(async () => {
    f = await startFlowFixture(MONDAY);
  });
  afterAll(async () => {
    await f?.stop();
  });

  it('a first-time claim delivered today counts in December’s one-time resolution, as not yet resolved, while its window is open', async () => {
    const delivered = await deliverOnline(windowMatter, windowUnit);
    // 30 days from Monday 23 November: the window ends at 24:00 on 23 December.
    expect(delivered.payload.reviewRequestDeadline.due).toBe('2026-12-24T00:00:00+08:00');
    const december = await eventually(async () =>
      (await line(windowUnit, '2026-12'))?.rates.one_time.denominator === 1 ? line(windowUnit, '2026-12') : undefined,
    );
    expect(december.rates.one_time).toMatchObject({ numerator: 0, denominator: 1 });
    const items = (await f.get(`/api/assessments/${windowUnit}/2026-12/matters?kpi=one_time`).expect(200)).body.items;
    expect(items).toEqual([
      expect.objectContaining({ petitionId: windowMatter, inNumerator: false, facts: expect.objectContaining({ windowEnded: false }) }),
    ]);
  });

  it('a reply nobody calls back goes overdue for the bureau: no unit named, no urge or order to the unit, nothing off its score', async () => {
    await deliverOnline(callbackMatter, callbackUnit);
    const opened = await eventually(
      async () => (await f.get(`/api/deadlines?petitionId=${callbackMatter}&stage=callback`).expect(200)).body.items[0],
    );
    expect(opened).toMatchObject({ stage: 'callback', unitId: null, state: 'open' });

    // The callback (5 working days from Monday) was due on 1 December; 10 December is 7 working days
    // past it, where a unit's step would have climbed to an urge and a supervision order.
    await f.setClock('2026-12-10T10:00:00+08:00');
    const flagged = await eventually(async () =>
      f.published.find(
        (e) => e.type === DEADLINE_OVERDUE && e.petitionId === callbackMatter && (e.payload as { stage: string }).stage === 'callback',
      ),
    );
    expect(flagged.payload).toMatchObject({ stage: 'callback', unitId: null, flag: 'overdue' });
    const swept = await request(f.app.url()).post('/internal/sweep').set('Authorization', admin).expect(200);
    expect(swept.body).toEqual({ deadlines: expect.any(Number), fired: expect.any(Number), reviewWindowsEnded: expect.any(Number) });
    const callback = (await f.get(`/api/deadlines?petitionId=${callbackMatter}&stage=callback`).expect(200)).body.items[0];
    expect(callback).toMatchObject({ unitId: null, flags: ['warning', 'overdue'], escalationStep: 'none' });

    const ladder = f.published.filter(
      (e) => (e.type === URGE_ISSUED || e.type === SUPERVISION_ORDER_ISSUED) && (e.payload as { stage?: string }).stage === 'callback',
    );
    expect(ladder).toEqual([]);
    const overdueItems = (await f.get(`/api/assessments/${callbackUnit}/2026-12/matters?kpi=overdue`).expect(200)).body.items as Array<{
      facts: { stages?: string[] };
    }>;
    expect(overdueItems.flatMap((i) => i.facts.stages ?? [])).not.toContain('callback');
    // The unit cannot record the callback itself: the evaluation endpoint is the bureau's.
    await f
      .post(
        '/api/evaluations',
        { petitionId: callbackMatter, satisfaction: 'satisfied', solved: true, method: 'phone', summary: '单位自行回访。' },
        bearer([Role.Handler], callbackUnit),
      )
      .expect(403);
  });

  it('when the window ends, the sweep records it and the claim becomes resolved once, in the same figures', async () => {
    expect((await line(windowUnit, '2026-12')).rates.one_time).toMatchObject({ numerator: 0, denominator: 1 });
    await f.setClock('2026-12-24T09:00:00+08:00');
    const ended = await eventually(async () => f.published.find((e) => e.type === REVIEW_WINDOW_ENDED && e.petitionId === windowMatter));
    expect(ended.payload).toMatchObject({ petitionId: windowMatter, round: 1, windowEnd: '2026-12-24T00:00:00+08:00' });
    const december = await eventually(async () =>
      (await line(windowUnit, '2026-12')).rates.one_time.numerator === 1 ? line(windowUnit, '2026-12') : undefined,
    );
    expect(december.rates.one_time).toMatchObject({ numerator: 1, denominator: 1 });
    const items = (await f.get(`/api/assessments/${windowUnit}/2026-12/matters?kpi=one_time`).expect(200)).body.items;
    expect(items).toEqual([
      expect.objectContaining({ petitionId: windowMatter, inNumerator: true, facts: expect.objectContaining({ windowEnded: true }) }),
    ]);
    // Recorded once: more sweeps publish nothing more for it.
    await request(f.app.url()).post('/internal/sweep').set('Authorization', admin).expect(200);
    expect(f.published.filter((e) => e.type === REVIEW_WINDOW_ENDED && e.petitionId === windowMatter)).toHaveLength(1);
  });
});
