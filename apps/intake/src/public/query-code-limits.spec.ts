import { PublicRateLimitedError } from './public.errors';
import { FAILURES_PER_ADDRESS, FAILURES_PER_TRACKING_NO, FAILURE_REFILL_SECONDS, QueryCodeLimits } from './query-code-limits';

const NO = '440106-20261122-000001';

/** Whether `address` may try a code now. */
function admitted(limits: QueryCodeLimits, address: string, trackingNo = NO, nowMs = 0): boolean {
  try {
    limits.admit(address, trackingNo, nowMs);
    return true;
  } catch (err) {
    if (err instanceof PublicRateLimitedError) return false;
    throw err;
  }
}

describe('QueryCodeLimits', () => {
  it('stops an address after its wrong codes, and no one else', () => {
    const limits = new QueryCodeLimits();
    for (let i = 0; i < FAILURES_PER_ADDRESS; i++) {
      expect(admitted(limits, 'stranger', `440106-20261122-00010${i}`)).toBe(true);
      limits.failed('stranger', `440106-20261122-00010${i}`, 0);
    }
    expect(admitted(limits, 'stranger', NO)).toBe(false);
    expect(admitted(limits, 'owner', NO)).toBe(true);
    // One failure token grows back per refill period.
    expect(admitted(limits, 'stranger', NO, FAILURE_REFILL_SECONDS * 1000)).toBe(true);
  });

  it('under a distributed attack on one number, refuses every address that has failed, never a clean one', () => {
    const limits = new QueryCodeLimits();
    for (let i = 0; i < FAILURES_PER_TRACKING_NO; i++) {
      expect(admitted(limits, `bot-${i}`)).toBe(true);
      limits.failed(`bot-${i}`, NO, 0);
    }
    // Each bot failed once only, far from its own limit: the tracking number's budget stops it.
    expect(admitted(limits, 'bot-0')).toBe(false);
    expect(admitted(limits, 'owner')).toBe(true);
    expect(admitted(limits, 'owner')).toBe(true);
    // Another tracking number is not under attack: a bot is checked there.
    expect(admitted(limits, 'bot-0', '440106-20261122-000002')).toBe(true);
  });
});
