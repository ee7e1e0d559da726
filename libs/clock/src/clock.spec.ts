import { ControllableClock, parseDuration } from './clock';

describe('ControllableClock', () => {
  it('moves forward by set and advance, and never backwards', () => {
    const clock = new ControllableClock();
    clock.set(new Date('2030-01-01T00:00:00Z'));
    expect(clock.now().getTime()).toBeGreaterThanOrEqual(Date.parse('2030-01-01T00:00:00Z'));
    const before = clock.now().getTime();
    clock.advance(parseDuration('60d'));
    expect(clock.now().getTime() - before).toBeGreaterThanOrEqual(60 * 86_400_000);
    expect(() => clock.set(new Date('2029-01-01T00:00:00Z'))).toThrow(/backwards/);
    expect(() => clock.advance(-1)).toThrow(RangeError);
  });

  it('starts at a chosen instant, before or after the real date, and runs forward from there', () => {
    for (const start of ['2001-02-03T04:05:06Z', '2999-01-01T00:00:00Z']) {
      const clock = new ControllableClock(new Date(start));
      const elapsed = clock.now().getTime() - Date.parse(start);
      expect(elapsed).toBeGreaterThanOrEqual(0);
      expect(elapsed).toBeLessThan(60_000);
      expect(() => clock.set(new Date(Date.parse(start) - 1000))).toThrow(/backwards/);
      clock.set(new Date(Date.parse(start) + 86_400_000));
      expect(clock.now().getTime()).toBeGreaterThanOrEqual(Date.parse(start) + 86_400_000);
    }
  });

  it('refuses an invalid start', () => {
    expect(() => new ControllableClock(new Date('not a date'))).toThrow(RangeError);
  });
});

describe('parseDuration', () => {
  it.each([
    ['90s', 90_000],
    ['15m', 900_000],
    ['36h', 129_600_000],
    ['1d12h', 129_600_000],
    ['2w', 1_209_600_000],
    ['250ms', 250],
  ])('%s', (text, ms) => expect(parseDuration(text)).toBe(ms));

  it.each(['', '3', 'd', '3x', '1d 2h', '-1d'])('refuses "%s"', (text) => expect(() => parseDuration(text)).toThrow(/not a duration/));
});
