import type { Kpi } from './kpis';
import type { MatterFacts } from './matter-facts';
import { monthOf, periodKeysOfMonth } from './periods';

/** One matter (or repeat petition) counted in one KPI of one unit, in the months it counts in. */
export interface Contribution {
  kpi: Kpi;
  unitId: string;
  /** Distinct `YYYY-MM` months; the matter counts once per period whichever of them fall in it. */
  months: string[];
  numerator: boolean;
  /** Why it is in or out of the numerator (for drill-down). */
  facts: Record<string, unknown>;
}

const SATISFIED = new Set(['satisfied', 'basically_satisfied']);
const t = (x: Date | null): number | null => (x ? x.getTime() : null);
const iso = (x: Date | null): string | null => (x ? x.toISOString() : null);
const uniq = (xs: string[]): string[] => [...new Set(xs)].sort();

/** The deadline that handling is held to: the one fixed at acceptance, or the approved extension. */
export function effectiveHandlingDue(f: MatterFacts): Date | null {
  return f.extendedDue ?? f.handlingDue;
}

/**
 * Every KPI contribution of one matter to its lead unit (docs/rules.md, Unit scores). Pure: the same
 * facts always give the same contributions, so counters kept as deltas equal a recomputation.
 */
export function matterContributions(f: MatterFacts): Contribution[] {
  const unitId = f.unitId;
  if (!unitId) return [];
  const out: Contribution[] = [];
  const add = (kpi: Kpi, instants: Array<Date | null>, numerator: boolean, facts: Record<string, unknown>): void => {
    const months = uniq(instants.filter((x): x is Date => x !== null).map(monthOf));
    if (months.length) out.push({ kpi, unitId, months, numerator, facts });
  };

  // Acceptance: deadline in P or accepted in P; a confirmed return clears the assignment.
  if (f.acceptDue) {
    const onTime = f.acceptedAt !== null && (t(f.acceptedAt) as number) <= f.acceptDue.getTime();
    add('acceptance', [f.acceptDue, f.acceptedAt], onTime, { acceptDue: iso(f.acceptDue), acceptedAt: iso(f.acceptedAt) });
  }

  // On-time completion: every reply round by the deadline in force for it (round 1: the handling
  // deadline with approved extension; rework rounds: their rework deadline). A matter never
  // replied stays in the denominator of its deadline's period, so leaving it open does not help.
  const due = effectiveHandlingDue(f);
  const rounds = Object.keys(f.replies)
    .map(Number)
    .sort((a, b) => a - b);
  const lastReplyAt = rounds.length ? new Date(f.replies[String(rounds[rounds.length - 1])].at) : null;
  if (due) {
    const first = f.replies['1'];
    let onTime = first !== undefined && Date.parse(first.at) <= due.getTime();
    for (const r of rounds) if (r > 1 && Date.parse(f.replies[String(r)].at) > Date.parse(f.replies[String(r)].due)) onTime = false;
    add('on_time', [due, lastReplyAt], onTime, { handlingDue: iso(f.handlingDue), extendedDue: iso(f.extendedDue), replies: f.replies });
  }

  if (f.firstReviewAt)
    add('quality', [f.firstReviewAt], f.firstReviewPassed === true, {
      firstReviewAt: iso(f.firstReviewAt),
      passedAtFirstReview: f.firstReviewPassed,
    });

  // Participation: delivered replies that can be evaluated; an accusation's petitioner is not
  // called back (条例 Art. 30 confidentiality), so accusations are out.
  if (f.deliveredAt && f.nature !== 'accusation') {
    const evaluated = f.evalRound !== null && f.evalRound >= (f.deliveredRound ?? 1);
    add('participation', [f.deliveredAt], evaluated, {
      deliveredAt: iso(f.deliveredAt),
      deliveredRound: f.deliveredRound,
      evaluatedRound: f.evalRound,
    });
  }

  if (f.evalRecordedAt) {
    const facts = { evaluatedAt: iso(f.evalRecordedAt), round: f.evalRound, satisfaction: f.evalSatisfaction, solved: f.evalSolved };
    add('satisfaction', [f.evalRecordedAt], SATISFIED.has(f.evalSatisfaction ?? ''), facts);
    add('resolution', [f.evalRecordedAt], f.evalSolved === true, facts);
  }

  // One-time resolution: first-time claims whose 30-day window after the (latest) delivered reply
  // ends in P; resolved when the window has ended with no review requested and no repeat petition
  // in it. A window still open is not (yet) done — a review request or a repeat may still come — so
  // in a running period it counts in the denominator only, until the sweep records its end.
  if (f.nature === 'claim' && !f.isRepeat && f.deliveredAt && f.reviewWindowEnd) {
    const from = f.deliveredAt.getTime();
    const to = f.reviewWindowEnd.getTime();
    const repeatInWindow = f.repeatLinkedAts.some((r) => r.getTime() > from && r.getTime() <= to);
    const windowEnded = f.reviewWindowEndedFor !== null && f.reviewWindowEndedFor.getTime() >= to;
    add('one_time', [f.reviewWindowEnd], windowEnded && !f.reviewRequestedAt && !repeatInWindow, {
      deliveredAt: iso(f.deliveredAt),
      windowEnd: iso(f.reviewWindowEnd),
      windowEnded,
      reviewRequestedAt: iso(f.reviewRequestedAt),
      repeatInWindow,
    });
  }

  // The distinct matter, counted once in each period where any of its rates counts it.
  const rateMonths = uniq(out.flatMap((c) => c.months));
  if (rateMonths.length) out.push({ kpi: 'matters', unitId, months: rateMonths, numerator: true, facts: {} });

  for (const at of f.repeatLinkedAts) add('repeats', [at], true, { repeatLinkedAt: at.toISOString() });
  return out;
}

/** An overdue matter of a unit: counted once in each period in which a deadline of it went overdue. */
export function overdueContributions(unitId: string, months: string[]): Contribution[] {
  return months.length ? [{ kpi: 'overdue', unitId, months: uniq(months), numerator: true, facts: {} }] : [];
}

/** A change of one counter: `(period, unit, kpi)` by `numerator` and `denominator`. */
export interface CounterDelta {
  period: string;
  unitId: string;
  kpi: Kpi;
  numerator: number;
  denominator: number;
}

/**
 * The counter changes that turn `before` into `after`, for months, quarters and years. A matter
 * counts once per period: two months of one quarter add one to the quarter.
 */
export function counterDeltas(before: Contribution[], after: Contribution[]): CounterDelta[] {
  const acc = new Map<string, CounterDelta>();
  const apply = (cs: Contribution[], sign: 1 | -1): void => {
    for (const c of cs) {
      const periods = new Set(c.months.flatMap(periodKeysOfMonth));
      for (const period of periods) {
        const key = `${period}|${c.unitId}|${c.kpi}`;
        const d = acc.get(key) ?? { period, unitId: c.unitId, kpi: c.kpi, numerator: 0, denominator: 0 };
        d.denominator += sign;
        if (c.numerator) d.numerator += sign;
        acc.set(key, d);
      }
    }
  };
  apply(before, -1);
  apply(after, 1);
  return [...acc.entries()]
    .filter(([, d]) => d.numerator !== 0 || d.denominator !== 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, d]) => d);
}
