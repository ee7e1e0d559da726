/** Every service reads time through a clock, so tests and the demo can move it. */
export interface Clock {
  now(): Date;
}

/** The machine's clock. */
export class SystemClock implements Clock {
  now(): Date {
    return new Date();
  }
}

/**
 * A clock that runs at real speed from a movable offset: `set` jumps to an instant, `advance`
 * moves forward. Time keeps flowing between moves, so timeouts and ordering still behave.
 *
 * It starts at the machine's time, or at `start` when given (`CLOCK_START`): a test that needs
 * "Monday 23 November 2026" starts there instead of jumping there, because a jump is refused
 * once the real date has passed that Monday, and a test that depends on today's date rots.
 */
export class ControllableClock implements Clock {
  private offsetMs: number;

  constructor(start?: Date) {
    if (start !== undefined && !Number.isFinite(start.getTime())) throw new RangeError('the clock cannot start at an invalid date');
    this.offsetMs = start === undefined ? 0 : start.getTime() - Date.now();
  }

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  /** Jumps to `instant`; moving backwards is refused, as deadlines and events assume time only grows. */
  set(instant: Date): void {
    const delta = instant.getTime() - this.now().getTime();
    if (delta < 0)
      throw new RangeError(
        `the clock cannot move backwards (by ${-delta} ms); to begin at an earlier instant, restart the service with CLOCK_START`,
      );
    this.offsetMs += delta;
  }

  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError('advance takes a non-negative duration');
    this.offsetMs += ms;
  }
}

/** Parses durations like `90s`, `15m`, `36h`, `60d`, `1d12h` into milliseconds. */
export function parseDuration(text: string): number {
  const units: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };
  const re = /(\d+(?:\.\d+)?)(ms|s|m|h|d|w)/gy;
  let total = 0;
  let matched = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    total += Number(m[1]) * units[m[2]];
    matched = re.lastIndex;
  }
  if (matched === 0 || matched !== text.length) throw new RangeError(`not a duration: "${text}" (try 90s, 15m, 36h, 60d)`);
  return total;
}
