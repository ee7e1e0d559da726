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
    const tokens = this.tokens(key, nowMs);
    return tokens >= 1 ? 0 : Math.ceil((1 - tokens) / this.refillPerSecond);
  }

  /** True when `key` has a token to spend now; takes nothing. */
  hasToken(key: string, nowMs = Date.now()): boolean {
    return this.tokens(key, nowMs) >= 1;
  }

  /** True when `key` has spent nothing that has not grown back: no recent use at all. */
  isFull(key: string, nowMs = Date.now()): boolean {
    return this.tokens(key, nowMs) >= this.capacity;
  }

  /** Whole seconds until `key`'s bucket is full again (0 when it is). */
  secondsUntilFull(key: string, nowMs = Date.now()): number {
    return Math.max(0, Math.ceil((this.capacity - this.tokens(key, nowMs)) / this.refillPerSecond));
  }

  private tokens(key: string, nowMs: number): number {
    const b = this.buckets.get(key);
    if (!b) return this.capacity;
    return Math.min(this.capacity, b.tokens + ((nowMs - b.at) / 1000) * this.refillPerSecond);
  }

  /** Drops buckets that have refilled completely: they carry no information. */
  private evictFull(nowMs: number): void {
    for (const [k, b] of this.buckets)
      if (b.tokens + ((nowMs - b.at) / 1000) * this.refillPerSecond >= this.capacity) this.buckets.delete(k);
    if (this.buckets.size >= this.maxKeys) this.buckets.clear();
  }
}
