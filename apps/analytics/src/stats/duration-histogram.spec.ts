import { PERCENTILE_RELATIVE_ERROR, bucketSeconds, histogramPercentile, type HistogramBucket } from './duration-histogram';

/** Deterministic pseudo-random numbers (mulberry32). */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The bucket of a duration, as the migration's `stage_bucket` computes it. */
const bucketOf = (s: number) =>
  s >= 1 ? 1 + Math.floor(Math.log(s) / Math.log(1.04)) : s <= -1 ? -1 - Math.floor(Math.log(-s) / Math.log(1.04)) : 0;

/** percentile_cont of PostgreSQL. */
function exact(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  const rank = p * (s.length - 1);
  const lo = Math.floor(rank);
  return s[lo] + (rank - lo) * (s[Math.ceil(rank)] - s[lo]);
}

describe('duration histogram', () => {
  it('puts each duration in a bucket whose middle is within the stated error', () => {
    for (const s of [1, 1.5, 59, 3600, 86_400 * 45.3, 1e8]) {
      expect(Math.abs(bucketSeconds(bucketOf(s)) - s) / s).toBeLessThanOrEqual(PERCENTILE_RELATIVE_ERROR + 1e-12);
    }
    expect(bucketSeconds(bucketOf(-7200))).toBeLessThan(0);
    expect(bucketSeconds(0)).toBe(0);
  });

  it('reads the p90 of random durations within 2 % of the exact percentile_cont', () => {
    const r = prng(9);
    for (let round = 0; round < 50; round++) {
      const values = Array.from({ length: 1 + Math.floor(r() * 500) }, () => 60 + r() ** 2 * 86_400 * 60);
      const counts = new Map<number, number>();
      for (const v of values) counts.set(bucketOf(v), (counts.get(bucketOf(v)) ?? 0) + 1);
      const buckets: HistogramBucket[] = [...counts].map(([bucket, n]) => ({ bucket, n }));
      const truth = exact(values, 0.9);
      expect(Math.abs((histogramPercentile(buckets, 0.9) as number) - truth) / truth).toBeLessThanOrEqual(0.02);
    }
    expect(histogramPercentile([], 0.9)).toBeNull();
  });
});
