import { TokenBucketLimiter } from './rate-limiter';

describe('TokenBucketLimiter', () => {
  it('allows a burst up to capacity, then refills over time', () => {
    const limiter = new TokenBucketLimiter(3, 1);
    expect([1, 2, 3, 4].map(() => limiter.take('a', 0))).toEqual([true, true, true, false]);
    expect(limiter.take('b', 0)).toBe(true);
    expect(limiter.take('a', 999)).toBe(false);
    expect(limiter.take('a', 1000)).toBe(true);
  });

  it('says how long until the next token, for Retry-After', () => {
    const limiter = new TokenBucketLimiter(2, 1 / 60);
    expect(limiter.secondsUntilToken('a', 0)).toBe(0);
    limiter.take('a', 0);
    limiter.take('a', 0);
    expect(limiter.secondsUntilToken('a', 0)).toBe(60);
    expect(limiter.secondsUntilToken('a', 30_000)).toBe(30);
    expect(limiter.secondsUntilToken('a', 60_000)).toBe(0);
  });
});
