import type { GeneratedEvent } from './assessment-generator';

/** A unit's figures for one period, recomputed by hand from the raw events. */
export interface ExpectedUnit {
  rates: Record<string, { numerator: number; denominator: number }>;
  repeats: number;
  overdue: number;
  matters: number;
  score: number;
}

type P = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const RATES = ['acceptance', 'on_time', 'quality', 'participation', 'satisfaction', 'resolution', 'one_time'];
/** Steps the unit's own staff record; the bureau's (triage, delivery, callback, appeal decisions) never count against a unit. */
const UNIT_STEPS = new Set([
  'unit_accept',
  'unit_return',
  'first_contact',
  'handling_standard',
  'handling_fast',
  'handling_suggestion',
  'supervision_order',
]);

/** Shanghai calendar month of an ISO instant, by string arithmetic on the +08:00 form. */
function shanghaiMonth(iso: string): string {
  const shifted = new Date(Date.parse(iso) + 8 * 3600_000);
  return `${shifted.getUTCFullYear()}-${String(shifted.getUTCMonth() + 1).padStart(2, '0')}`;
}

/**
 * docs/rules.md "Unit scores", recomputed from the generated events without any of the service's code:
 * each KPI is a set of matters per unit, decided by the events of that matter. `now` is the instant
 * the figures are read at: a review window that has not ended by then is not (yet) resolved.
 */
export function recompute(
  events: GeneratedEvent[],
  months: string[],
  weights: Record<string, number>,
  now: number,
  penalties = { repeat: 1, repeatCap: 10, overdue: 0.5, overdueCap: 10 },
): Map<string, ExpectedUnit> {
  const inP = (iso: string | null | undefined) => !!iso && months.includes(shanghaiMonth(iso));
  const byPetition = new Map<string, Array<{ type: string; p: P; at: string }>>();
  for (const e of events) {
    const list = byPetition.get(e.envelope.petitionId as string) ?? [];
    list.push({ type: e.envelope.type, p: e.envelope.payload, at: e.envelope.occurredAt });
    byPetition.set(e.envelope.petitionId as string, list);
  }
  const sets = new Map<string, Map<string, Map<string, boolean>>>(); // unit → kpi → petition → in numerator
  const put = (unit: string, kpi: string, petition: string, num: boolean) => {
    const u = sets.get(unit) ?? new Map<string, Map<string, boolean>>();
    const k = u.get(kpi) ?? new Map<string, boolean>();
    k.set(petition, num);
    u.set(kpi, k);
    sets.set(unit, u);
  };
  const leadOf = new Map<string, string>();
  const repeatsByOriginal = new Map<string, string[]>();
  for (const e of events)
    if (e.envelope.type === 'petition.repeat_linked') {
      const p = e.envelope.payload as P;
      repeatsByOriginal.set(p.originalPetitionId, [...(repeatsByOriginal.get(p.originalPetitionId) ?? []), p.linkedAt]);
    }

  for (const [petition, evs] of byPetition) {
    const of = (type: string) => evs.filter((e) => e.type === type).map((e) => e.p);
    const assigned = of('petition.assigned');
    if (!assigned.length) continue;
    const returned = new Set(of('assignment.returned').map((p) => p.assignmentId));
    const current = assigned[assigned.length - 1];
    if (returned.has(current.assignmentId)) continue;
    const unit: string = current.leadUnitId;
    leadOf.set(petition, unit);
    const nature = current.nature;

    const accepted = of('work_item.accepted').find((p) => p.assignmentId === current.assignmentId);
    if (inP(current.acceptDeadline.due) || inP(accepted?.acceptedAt)) {
      put(unit, 'acceptance', petition, !!accepted && Date.parse(accepted.acceptedAt) <= Date.parse(current.acceptDeadline.due));
    }
    if (accepted) {
      const ext = of('extension.approved')[0];
      const due: string = ext ? ext.handlingDeadline.due : accepted.handlingDeadline.due;
      const replies = of('petition.replied');
      const last = replies.length ? replies.reduce((x, y) => (y.round > x.round ? y : x)) : null;
      if (inP(due) || inP(last?.repliedAt)) {
        const first = replies.find((r) => r.round === 1);
        const ok =
          !!first &&
          Date.parse(first.repliedAt) <= Date.parse(due) &&
          replies.filter((r) => r.round > 1).every((r) => Date.parse(r.repliedAt) <= Date.parse(r.handlingDeadline.due));
        put(unit, 'on_time', petition, ok);
      }
    }
    const firstReview = [...of('review.approved'), ...of('review.returned')].find((p) => p.round === 1);
    if (firstReview && inP(firstReview.decidedAt))
      put(
        unit,
        'quality',
        petition,
        of('review.approved').some((p) => p.round === 1),
      );
    const deliveries = of('reply.delivered');
    const delivered = deliveries.length ? deliveries.reduce((x, y) => (y.round > x.round ? y : x)) : null;
    const evals = of('evaluation.recorded');
    const latestEval = evals.length
      ? evals.reduce((x, y) => (y.round > x.round || (y.round === x.round && y.recordedAt >= x.recordedAt) ? y : x))
      : null;
    if (delivered && nature !== 'accusation' && inP(delivered.deliveredAt))
      put(unit, 'participation', petition, !!latestEval && latestEval.round >= delivered.round);
    if (latestEval && inP(latestEval.recordedAt)) {
      put(unit, 'satisfaction', petition, latestEval.satisfaction !== 'dissatisfied');
      put(unit, 'resolution', petition, latestEval.solved === true);
    }
    if (delivered && nature === 'claim' && inP(delivered.reviewRequestDeadline.due)) {
      const from = Date.parse(delivered.deliveredAt);
      const to = Date.parse(delivered.reviewRequestDeadline.due);
      const repeated = (repeatsByOriginal.get(petition) ?? []).some((at) => Date.parse(at) > from && Date.parse(at) <= to);
      const reviewAsked = of('appeal.filed').some((p) => p.kind === 'review');
      put(unit, 'one_time', petition, to <= now && !repeated && !reviewAsked);
    }
  }

  const result = new Map<string, ExpectedUnit>();
  const unitOf = (u: string): ExpectedUnit => {
    let x = result.get(u);
    if (!x) {
      x = {
        rates: Object.fromEntries(RATES.map((k) => [k, { numerator: 0, denominator: 0 }])),
        repeats: 0,
        overdue: 0,
        matters: 0,
        score: 0,
      };
      result.set(u, x);
    }
    return x;
  };
  for (const [unit, kpis] of sets) {
    const x = unitOf(unit);
    const all = new Set<string>();
    for (const [kpi, members] of kpis) {
      for (const [petition, num] of members) {
        all.add(petition);
        x.rates[kpi].denominator += 1;
        if (num) x.rates[kpi].numerator += 1;
      }
    }
    x.matters = all.size;
  }
  for (const [original, ats] of repeatsByOriginal) {
    const unit = leadOf.get(original);
    if (unit) unitOf(unit).repeats += ats.filter((at) => inP(at)).length;
  }
  const overdue = new Map<string, Set<string>>();
  for (const e of events)
    if (e.envelope.type === 'deadline.overdue' && inP((e.envelope.payload as P).firedAt)) {
      const p = e.envelope.payload as P;
      if (!p.unitId || !UNIT_STEPS.has(p.stage)) continue;
      overdue.set(p.unitId, (overdue.get(p.unitId) ?? new Set()).add(p.petitionId));
    }
  for (const [unit, ps] of overdue) unitOf(unit).overdue = ps.size;

  for (const x of result.values()) {
    let total = 0;
    let have = 0;
    let sum = 0;
    for (const [kpi, w] of Object.entries(weights)) {
      total += w;
      const { numerator, denominator } = x.rates[kpi];
      if (denominator === 0) continue;
      have += w;
      sum += (w * numerator) / denominator;
    }
    const base = have === 0 ? 0 : (sum / have) * total;
    const raw =
      base - Math.min(x.repeats * penalties.repeat, penalties.repeatCap) - Math.min(x.overdue * penalties.overdue, penalties.overdueCap);
    x.score = Math.round(Math.max(0, raw) * 100) / 100;
  }
  return result;
}
