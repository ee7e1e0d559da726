/**
 * The log-scale duration histogram of `stage_hours` (see the DashboardSummaries migration, whose
 * `stage_bucket` must agree with this file). Bucket k > 0 holds durations in [1.04^(k−1), 1.04^k)
 * seconds, bucket −k the same negated, bucket 0 anything shorter than a second. A bucket stands for
 * its geometric middle, within a factor √1.04 of every duration in it, so a percentile read from the
 * histogram is within {@link PERCENTILE_RELATIVE_ERROR} (≈ 1.98 %) of the exact one, or one second.
 */
export const BUCKET_RATIO = 1.04;

/** Largest relative error of a percentile read from the histogram (durations of a second or more). */
export const PERCENTILE_RELATIVE_ERROR = Math.sqrt(BUCKET_RATIO) - 1;

/** One histogram bucket and how many durations fell in it. */
export interface HistogramBucket {
  bucket: number;
  n: number;
}

/** The duration, in seconds, a bucket stands for. */
export function bucketSeconds(bucket: number): number {
  if (bucket === 0) return 0;
  const magnitude = BUCKET_RATIO ** (Math.abs(bucket) - 0.5);
  return bucket > 0 ? magnitude : -magnitude;
}

/**
 * The `p` percentile (0–1) of the durations in the histogram, in seconds, interpolated between
 * neighbouring ranks as PostgreSQL's `percentile_cont` does; null when it is empty.
 */
export function histogramPercentile(buckets: HistogramBucket[], p: number): number | null {
  const sorted = buckets.filter((b) => b.n > 0).sort((a, b) => a.bucket - b.bucket);
  const total = sorted.reduce((a, b) => a + b.n, 0);
  if (total === 0) return null;
  const rank = p * (total - 1);
  const valueAt = (position: number): number => {
    let seen = 0;
    for (const b of sorted) {
      seen += b.n;
      if (position < seen) return bucketSeconds(b.bucket);
    }
    return bucketSeconds(sorted[sorted.length - 1].bucket);
  };
  const lo = Math.floor(rank);
  const low = valueAt(lo);
  return low + (rank - lo) * (valueAt(Math.ceil(rank)) - low);
}
