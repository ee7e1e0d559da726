import { rankUnits, rateOf, scoreOf, type Scheme } from './scoring';
import { RATE_KPIS, type RateKpi } from './kpis';

const scheme: Scheme = {
  name: 'default',
  version: 1,
  weights: { acceptance: 15, on_time: 30, quality: 15, satisfaction: 25, participation: 5, one_time: 10 },
  repeatPenalty: 1,
  repeatPenaltyCap: 10,
  overduePenalty: 0.5,
  overduePenaltyCap: 10,
  minMatters: 5,
};
const rates = (r: Partial<Record<RateKpi, [number, number]>>) =>
  Object.fromEntries(RATE_KPIS.map((k) => [k, rateOf(r[k] ? { numerator: r[k][0], denominator: r[k][1] } : undefined)])) as Record<
    RateKpi,
    ReturnType<typeof rateOf>
  >;

describe('assessment scoring', () => {
  it('an empty denominator is null, never 0 or 100 %', () => {
    expect(rateOf({ numerator: 0, denominator: 0 }).rate).toBeNull();
    expect(rateOf(undefined).rate).toBeNull();
    expect(rateOf({ numerator: 3, denominator: 4 }).rate).toBe(0.75);
  });

  it('weights × rates, 100 when every rate is perfect', () => {
    const all = rates({
      acceptance: [1, 1],
      on_time: [2, 2],
      quality: [1, 1],
      participation: [1, 1],
      satisfaction: [1, 1],
      one_time: [1, 1],
    });
    expect(scoreOf(scheme, all, 0, 0).score).toBe(100);
    const half = rates({
      acceptance: [1, 2],
      on_time: [1, 2],
      quality: [1, 2],
      participation: [1, 2],
      satisfaction: [1, 2],
      one_time: [1, 2],
    });
    expect(scoreOf(scheme, half, 0, 0).score).toBe(50);
  });

  it('spreads the weight of null rates over the others in proportion', () => {
    // Only acceptance (15) at 100 % and on-time (30) at 50 %: (15·1 + 30·0.5) / 45 × 100 = 66.67.
    expect(scoreOf(scheme, rates({ acceptance: [4, 4], on_time: [2, 4] }), 0, 0).score).toBe(66.67);
  });

  it('deducts 1 per repeat and 0.5 per overdue, each at most 10, never below 0', () => {
    const all = rates({ acceptance: [1, 1] });
    expect(scoreOf(scheme, all, 3, 4).score).toBe(95);
    expect(scoreOf(scheme, all, 30, 40).score).toBe(80);
    expect(scoreOf(scheme, rates({ acceptance: [0, 5] }), 2, 2).score).toBe(0);
  });

  it('ranks ties by fewer overdue, then more matters, and marks too few matters', () => {
    const c = (matters: number, overdue: number) => ({
      acceptance: { numerator: 1, denominator: 1 },
      matters: { numerator: matters, denominator: matters },
      overdue: { numerator: overdue, denominator: overdue },
    });
    const lines = rankUnits(
      { ...scheme, overduePenalty: 0 },
      ['a', 'b', 'c', 'd'],
      new Map([
        ['a', c(10, 2)],
        ['b', c(10, 1)],
        ['c', c(20, 1)],
        ['d', c(3, 0)],
      ]),
    );
    expect(lines.map((l) => l.unitId)).toEqual(['d', 'c', 'b', 'a']);
    expect(lines.map((l) => l.rank)).toEqual([1, 2, 3, 4]);
    expect(lines.find((l) => l.unitId === 'd')?.tooFewMatters).toBe(true);
    expect(lines.find((l) => l.unitId === 'c')?.tooFewMatters).toBe(false);
  });

  it('puts units without matters last, by code, sharing one rank, with null rates', () => {
    const c = { acceptance: { numerator: 0, denominator: 1 }, matters: { numerator: 1, denominator: 1 } };
    const info = new Map([
      ['x', { code: 'B', name: 'x' }],
      ['y', { code: 'A', name: 'y' }],
    ]);
    const lines = rankUnits({ ...scheme, minMatters: 0 }, ['z', 'x', 'y', 'a'], new Map([['a', c]]), info);
    expect(lines.map((l) => [l.unitId, l.rank, l.code])).toEqual([
      ['a', 1, null],
      ['y', 2, 'A'],
      ['x', 2, 'B'],
      ['z', 2, null],
    ]);
    expect(lines[0].score).toBe(0);
    for (const l of lines.slice(1)) {
      expect(l.tooFewMatters).toBe(true);
      expect(Object.values(l.rates).every((r) => r.rate === null)).toBe(true);
    }
  });
});
