import { RATE_KPIS, type Kpi, type RateKpi } from './kpis';

/** A scoring scheme version (versioned data; a change is a new version). */
export interface Scheme {
  name: string;
  version: number;
  /** Points per rate KPI; KPIs not named weigh nothing. */
  weights: Partial<Record<RateKpi, number>>;
  repeatPenalty: number;
  repeatPenaltyCap: number;
  overduePenalty: number;
  overduePenaltyCap: number;
  /** Fewer matters than this in the denominators: ranked but marked "too few matters". */
  minMatters: number;
}

/** A numerator, a denominator and their rate (null when the denominator is empty). */
export interface RateFigure {
  numerator: number;
  denominator: number;
  rate: number | null;
}

/** Raw counters of one unit for one period. */
export type UnitCounters = Partial<Record<Kpi, { numerator: number; denominator: number }>>;

/** What the directory says about a unit (null when it does not know the unit). */
export interface UnitInfo {
  code: string | null;
  name: string | null;
}

/** One unit's line of a ranking. */
export interface UnitScore {
  unitId: string;
  /** Display only (from the directory); not part of the publication comparison. */
  code: string | null;
  name: string | null;
  rank: number;
  score: number;
  tooFewMatters: boolean;
  matters: number;
  repeats: number;
  overdue: number;
  rates: Record<RateKpi, RateFigure>;
  deductions: { repeats: number; overdue: number };
}

const round = (x: number, digits: number): number => {
  const f = 10 ** digits;
  return Math.round(x * f + Number.EPSILON * f) / f;
};

/** A rate from counters; an empty denominator is "no data" (null), never 0 % or 100 %. */
export function rateOf(c: { numerator: number; denominator: number } | undefined): RateFigure {
  const numerator = c?.numerator ?? 0;
  const denominator = c?.denominator ?? 0;
  return { numerator, denominator, rate: denominator > 0 ? numerator / denominator : null };
}

/**
 * The score of one unit (out of the scheme's total weight, 100 for the presets): weight × rate for
 * every rate with data, the weights of null rates spread over the others in proportion, minus the
 * deductions (each capped), never below 0. With no rate at all the base is 0. Rounded to 2 places.
 */
export function scoreOf(
  scheme: Scheme,
  rates: Record<RateKpi, RateFigure>,
  repeats: number,
  overdue: number,
): { score: number; deductions: { repeats: number; overdue: number } } {
  let total = 0;
  let weighted = 0;
  let present = 0;
  for (const kpi of RATE_KPIS) {
    const w = scheme.weights[kpi] ?? 0;
    if (w <= 0) continue;
    total += w;
    const r = rates[kpi].rate;
    if (r === null) continue;
    present += w;
    weighted += w * r;
  }
  const base = present > 0 ? (weighted * total) / present : 0;
  const deductions = {
    repeats: Math.min(repeats * scheme.repeatPenalty, scheme.repeatPenaltyCap),
    overdue: Math.min(overdue * scheme.overduePenalty, scheme.overduePenaltyCap),
  };
  return { score: round(Math.max(0, base - deductions.repeats - deductions.overdue), 2), deductions };
}

const byCode = (a: UnitScore, b: UnitScore): number => {
  const [x, y] = [a.code ?? `~${a.unitId}`, b.code ?? `~${b.unitId}`];
  return x < y ? -1 : x > y ? 1 : a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : 0;
};

/**
 * Ranks every unit: higher score first; ties go to fewer overdue matters, then more matters (then
 * unit id, so the order is stable). Equal on score, overdue and matters → the same rank. Units with
 * no matter in the period (nothing to score) come after all the others, by unit code (units the
 * directory does not know last, by id), all sharing one rank, and always "too few matters" — so
 * adding such a unit never moves anyone else.
 */
export function rankUnits(
  scheme: Scheme,
  unitIds: readonly string[],
  counters: ReadonlyMap<string, UnitCounters>,
  info: ReadonlyMap<string, UnitInfo> = new Map(),
): UnitScore[] {
  const all = unitIds.map((unitId): UnitScore => {
    const c = counters.get(unitId) ?? {};
    const rates = Object.fromEntries(RATE_KPIS.map((k) => [k, rateOf(c[k])])) as Record<RateKpi, RateFigure>;
    const repeats = c.repeats?.denominator ?? 0;
    const overdue = c.overdue?.denominator ?? 0;
    const matters = c.matters?.denominator ?? 0;
    const { score, deductions } = scoreOf(scheme, rates, repeats, overdue);
    const { code = null, name = null } = info.get(unitId) ?? {};
    return {
      unitId,
      code,
      name,
      rank: 0,
      score,
      tooFewMatters: matters === 0 || matters < scheme.minMatters,
      matters,
      repeats,
      overdue,
      rates,
      deductions,
    };
  });
  const lines = all.filter((l) => l.matters > 0);
  const empty = all.filter((l) => l.matters === 0).sort(byCode);
  lines.sort(
    (a, b) =>
      b.score - a.score || a.overdue - b.overdue || b.matters - a.matters || (a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : 0),
  );
  lines.forEach((line, i) => {
    const prev = lines[i - 1];
    line.rank = prev && prev.score === line.score && prev.overdue === line.overdue && prev.matters === line.matters ? prev.rank : i + 1;
  });
  for (const line of empty) line.rank = lines.length + 1;
  return [...lines, ...empty];
}
