import type { EventEnvelope } from '@petition/contracts';
import { matterContributions } from './contributions';
import { applyMatterEvent, emptyMatter } from './matter-facts';

const P = '00000000-0000-4000-8000-000000000001';
const ref = (due: string) => ({ stage: 's', startedAt: '2026-10-01T00:00:00+08:00', due, ruleSet: 'r', provisional: false });
const ev = (type: string, payload: Record<string, unknown>): EventEnvelope => ({
  eventId: `${type}-${JSON.stringify(payload).length}`,
  type,
  version: 1,
  petitionId: P,
  occurredAt: '2026-10-01T00:00:00+08:00',
  producer: 't',
  causationId: null,
  correlationId: 'c',
  payload,
});

/** One matter's life: assigned to A, returned, assigned to B, accepted late, extended, replied, reworked, delivered, evaluated twice. */
const life: EventEnvelope[] = [
  ev('petition.assigned', {
    assignmentId: 'a1',
    leadUnitId: 'A',
    trackingNo: 'T1',
    nature: 'claim',
    acceptDeadline: ref('2026-10-04T00:00:00+08:00'),
    assignedAt: '2026-10-01T00:00:00+08:00',
  }),
  ev('assignment.returned', { assignmentId: 'a1' }),
  ev('petition.assigned', {
    assignmentId: 'a2',
    leadUnitId: 'B',
    trackingNo: 'T1',
    nature: 'claim',
    acceptDeadline: ref('2026-10-06T00:00:00+08:00'),
    assignedAt: '2026-10-03T00:00:00+08:00',
  }),
  ev('work_item.accepted', {
    assignmentId: 'a2',
    unitId: 'B',
    acceptedAt: '2026-10-07T00:00:00+08:00',
    handlingDeadline: ref('2026-10-27T00:00:00+08:00'),
  }),
  ev('extension.approved', { handlingDeadline: ref('2026-11-06T00:00:00+08:00') }),
  ev('petition.replied', { round: 1, repliedAt: '2026-11-01T00:00:00+08:00', handlingDeadline: ref('2026-11-06T00:00:00+08:00') }),
  ev('review.returned', { round: 1, decidedAt: '2026-11-02T00:00:00+08:00' }),
  ev('petition.replied', { round: 2, repliedAt: '2026-11-05T00:00:00+08:00', handlingDeadline: ref('2026-11-09T00:00:00+08:00') }),
  ev('review.approved', { round: 2, decidedAt: '2026-11-06T00:00:00+08:00' }),
  ev('reply.delivered', { round: 2, deliveredAt: '2026-11-07T00:00:00+08:00', reviewRequestDeadline: ref('2026-12-07T00:00:00+08:00') }),
  ev('evaluation.recorded', { round: 2, satisfaction: 'dissatisfied', solved: false, recordedAt: '2026-11-08T00:00:00+08:00' }),
  ev('evaluation.recorded', { round: 2, satisfaction: 'satisfied', solved: true, recordedAt: '2026-11-09T00:00:00+08:00' }),
];

function fold(events: EventEnvelope[]) {
  const f = emptyMatter(P);
  for (const e of events) applyMatterEvent(f, e);
  return f;
}

/** Each topic keeps its own order; topics interleave arbitrarily. */
function interleavings(seed: number): EventEnvelope[] {
  const topicOf = (t: string) =>
    t.startsWith('petition.assigned') || t.startsWith('assignment')
      ? 'dispatch'
      : ['work_item.accepted', 'extension.approved', 'petition.replied'].includes(t)
        ? 'handling'
        : 'supervision';
  const queues = new Map<string, EventEnvelope[]>();
  for (const e of life) queues.set(topicOf(e.type), [...(queues.get(topicOf(e.type)) ?? []), e]);
  const out: EventEnvelope[] = [];
  let s = seed;
  while ([...queues.values()].some((q) => q.length)) {
    const live = [...queues.values()].filter((q) => q.length);
    s = (s * 1103515245 + 12345) % 2 ** 31;
    out.push(live[s % live.length].shift() as EventEnvelope);
  }
  return out;
}

describe('matter facts', () => {
  it('folds one matter to the same facts whatever the order across topics', () => {
    const expected = fold(life);
    expect(expected).toMatchObject({
      unitId: 'B',
      assignmentId: 'a2',
      firstReviewPassed: false,
      evalSatisfaction: 'satisfied',
      deliveredRound: 2,
    });
    for (let seed = 1; seed <= 200; seed++) {
      const f = fold(interleavings(seed));
      expect(matterContributions(f)).toEqual(matterContributions(expected));
    }
  });

  it('the returned unit keeps nothing; the new lead is held to its own acceptance deadline', () => {
    const c = matterContributions(fold(life));
    expect(new Set(c.map((x) => x.unitId))).toEqual(new Set(['B']));
    expect(c.find((x) => x.kpi === 'acceptance')).toMatchObject({ numerator: false, months: ['2026-10'] });
    expect(c.find((x) => x.kpi === 'on_time')?.numerator).toBe(true);
  });
});
