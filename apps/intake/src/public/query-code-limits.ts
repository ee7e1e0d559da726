import { PublicRateLimitedError } from './public.errors';
import { TokenBucketLimiter } from './rate-limiter';

/** Wrong codes one client address may try at once, then one per {@link FAILURE_REFILL_SECONDS}. */
export const FAILURES_PER_ADDRESS = 10;
/** Wrong codes all addresses together may try on one tracking number before it counts as under attack. */
export const FAILURES_PER_TRACKING_NO = 10;
/** A failure token grows back every 6 minutes: 10 wrong codes an hour, after the first 10. */
export const FAILURE_REFILL_SECONDS = 360;

/**
 * Who may try a query code now (docs/window.md, Query codes and limits). A stranger must not be
 * able to lock the petitioner out of their own page, evaluation and appeal, so nothing keyed by
 * the tracking number ever stops a caller that has not been failing; and guessing must stay
 * hopeless, so wrong codes are what is counted:
 *
 * - every attempt spends the address's request bucket (60, then 1/s): a flood limit no owner hits;
 * - a wrong code spends the address's failure bucket (10, then 10/h); an empty one refuses that
 *   address before any code is checked — the owner, at another address, is not affected;
 * - a wrong code spends the tracking number's failure bucket too; while it is empty the number is
 *   under attack, and an address that has itself failed within the hour is refused before its code
 *   is checked. An address with no recent failure — the petitioner typing their code — is always
 *   checked, so a correct code is never subject to the tracking number's limit.
 *
 * In memory, per instance, like every public limit (README, Rate limits).
 */
export class QueryCodeLimits {
  private readonly requests = new TokenBucketLimiter(60, 1);
  private readonly addressFailures = new TokenBucketLimiter(FAILURES_PER_ADDRESS, 1 / FAILURE_REFILL_SECONDS);
  private readonly trackingNoFailures = new TokenBucketLimiter(FAILURES_PER_TRACKING_NO, 1 / FAILURE_REFILL_SECONDS);

  /** Throws {@link PublicRateLimitedError} when `address` may not try a code for `trackingNo` now. */
  admit(address: string, trackingNo: string, nowMs = Date.now()): void {
    if (!this.requests.take(address, nowMs)) throw new PublicRateLimitedError('address', this.requests.secondsUntilToken(address, nowMs));
    if (!this.addressFailures.hasToken(address, nowMs))
      throw new PublicRateLimitedError('address', this.addressFailures.secondsUntilToken(address, nowMs), TOO_MANY_WRONG_CODES);
    if (!this.trackingNoFailures.hasToken(trackingNo, nowMs) && !this.addressFailures.isFull(address, nowMs))
      throw new PublicRateLimitedError('trackingNo', this.addressFailures.secondsUntilFull(address, nowMs), TOO_MANY_WRONG_CODES);
  }

  /** Counts a wrong code (or an unknown tracking number) against the address and the tracking number. */
  failed(address: string, trackingNo: string, nowMs = Date.now()): void {
    this.addressFailures.take(address, nowMs);
    this.trackingNoFailures.take(trackingNo, nowMs);
  }
}

const TOO_MANY_WRONG_CODES = '查询码错误次数过多，请稍后再试 (too many wrong query codes)';
