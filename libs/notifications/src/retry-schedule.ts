/**
 * How many times a notice is tried before it is given up and reported to staff as undelivered.
 * With the default schedule the first 8 attempts span 30 s + 60 s + … + 1920 s = 3810 s, then one
 * attempt an hour: 31 attempts cover about a day (3810 s + 23 h), so a provider's day-long outage
 * still delivers, and a notice that could not go out in a day is left to staff, who can still write.
 */
export const MAX_DELIVERY_ATTEMPTS = 31;

/**
 * How long to wait after failed attempt number `attempt` (1 = the first) before the next one:
 * `baseMs · 2^(attempt-1)`, capped at `maxMs`. Deterministic (no jitter), so
 * the next attempt's time can be stored with the notice and tested.
 */
export function nextAttemptDelayMs(attempt: number, opts: { baseMs?: number; maxMs?: number } = {}): number {
  if (!Number.isInteger(attempt) || attempt < 1) throw new RangeError(`attempt must be a whole number from 1, got ${attempt}`);
  const { baseMs = 30_000, maxMs = 3_600_000 } = opts;
  return Math.min(maxMs, baseMs * 2 ** (attempt - 1));
}
