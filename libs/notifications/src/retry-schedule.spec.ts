import { MAX_DELIVERY_ATTEMPTS, nextAttemptDelayMs } from './retry-schedule';

describe('nextAttemptDelayMs', () => {
  it('doubles from 30 s and stops at 1 h', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 50].map((a) => nextAttemptDelayMs(a) / 1000)).toEqual([
      30, 60, 120, 240, 480, 960, 1920, 3600, 3600, 3600,
    ]);
  });

  it('takes another base and cap', () => {
    expect([1, 2, 3, 4].map((a) => nextAttemptDelayMs(a, { baseMs: 1000, maxMs: 5000 }))).toEqual([1000, 2000, 4000, 5000]);
  });

  it('refuses an attempt that is not a whole number from 1', () => {
    for (const bad of [0, -1, 1.5, NaN]) expect(() => nextAttemptDelayMs(bad)).toThrow(RangeError);
  });

  it('spans what MAX_DELIVERY_ATTEMPTS says: about a day from the first attempt to the last', () => {
    let total = 0;
    for (let attempt = 1; attempt < MAX_DELIVERY_ATTEMPTS; attempt++) total += nextAttemptDelayMs(attempt);
    expect(total).toBe(3_810_000 + 23 * 3_600_000);
  });
});
