/**
 * Token buckets kept in this process's memory: each key may spend `capacity` requests at once and
 * regains `refillPerSecond`. Per instance, so N replicas allow N times the rate; that is enough to
 * stop guessing query codes through one instance, and a shared store can replace it later.
 */
export class TokenBucketLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly capacity: number,
    private readonly refillPerSecond: number,
    private readonly maxKeys = 100_000,
  ) {}

  /** Takes one token for `key`; false when the bucket is empty. `nowMs` is injectable for tests. */
  take(key: string, nowMs = Date.now()): boolean {
    const b = this.buckets.get(key) ?? { tokens: this.capacity, at: nowMs };
    b.tokens = Math.min(this.capacity, b.tokens + ((nowMs - b.at) / 1000) * this.refillPerSecond);
    b.at = nowMs;
    if (this.buckets.size >= this.maxKeys && !this.buckets.has(key)) this.evictFull(nowMs);
    const ok = b.tokens >= 1;
    if (ok) b.tokens -= 1;
    this.buckets.set(key, b);
    return ok;
  }

  /** Whole seconds until `key` has a token again (0 when it has one now); for `Retry-After`. */
  secondsUntilToken(key: string, nowMs = Date.now()): number {
    const b = this.buckets.get(key);
    if (!b) return 0;
    const tokens = Math.min(this.capacity, b.tokens + ((nowMs - b.at) / 1000) * this.refillPerSecond);
    return tokens >= 1 ? 0 : Math.ceil((1 - tokens) / this.refillPerSecond);
  }

  /** Drops buckets that have refilled completely: they carry no information. */
  private evictFull(nowMs: number): void {
    for (const [k, b] of this.buckets)
      if (b.tokens + ((nowMs - b.at) / 1000) * this.refillPerSecond >= this.capacity) this.buckets.delete(k);
    if (this.buckets.size >= this.maxKeys) this.buckets.clear();
  }
}
