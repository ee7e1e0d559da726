import fc from 'fast-check';
import { DeadlinesErrorCode } from '../deadlines.errors';
import { civilFields, dayOfWeek, daysFromCivil, formatDay, parseDay, shanghaiDayOf } from './civil-date.util';
import { formatInstant, shanghaiDateOf, toEpochMs } from './instant.util';

describe('civil dates (day numbers)', () => {
  it('numbers days from 1970-01-01 and knows the weekday', () => {
    expect(daysFromCivil(1970, 1, 1)).toBe(0);
    expect(daysFromCivil(2026, 10, 1)).toBe(20727);
    expect(formatDay(20727)).toBe('2026-10-01');
    expect(dayOfWeek(daysFromCivil(2026, 10, 1))).toBe(4); // Thursday
    expect(dayOfWeek(daysFromCivil(2026, 10, 10))).toBe(6); // Saturday (a make-up workday)
    expect(formatDay(daysFromCivil(2028, 2, 29))).toBe('2028-02-29');
  });

  it('round-trips every day of 2000-2099', () => {
    const mismatches: number[] = [];
    for (let d = daysFromCivil(2000, 1, 1); d <= daysFromCivil(2099, 12, 31); d++) {
      const [y, m, dd] = civilFields(d);
      if (daysFromCivil(y, m, dd) !== d || parseDay(formatDay(d)) !== d) mismatches.push(d);
    }
    expect(mismatches).toEqual([]);
  });

  it('refuses dates that do not exist', () => {
    expect(() => parseDay('2026-02-29')).toThrow(/not a real calendar date/);
    expect(() => parseDay('2026-2-1')).toThrow(/YYYY-MM-DD/);
    expect(parseDay('2024-02-29')).toBe(daysFromCivil(2024, 2, 29));
  });
});

describe('instants', () => {
  it('renders every instant in Asia/Shanghai with +08:00', () => {
    expect(formatInstant(toEpochMs('2026-10-08T16:00:00Z'))).toBe('2026-10-09T00:00:00+08:00');
    expect(formatInstant(toEpochMs('2026-10-08T12:00:00-04:00'))).toBe('2026-10-09T00:00:00+08:00');
    expect(formatInstant(toEpochMs('2026-10-08T23:59:59.5+08:00'))).toBe('2026-10-08T23:59:59.500+08:00');
    expect(formatInstant(toEpochMs('2026-10-08T24:00:00+08:00'))).toBe('2026-10-09T00:00:00+08:00');
    expect(formatInstant(Date.UTC(2026, 0, 1, 0, 0, 0, 7))).toBe('2026-01-01T08:00:00.007+08:00');
  });

  it('accepts Date objects and epoch milliseconds at the boundary', () => {
    const ms = Date.UTC(2026, 9, 8, 16);
    expect(toEpochMs(new Date(ms))).toBe(ms);
    expect(toEpochMs(ms)).toBe(ms);
  });

  it('refuses strings without an offset, since they would be read in the machine time zone', () => {
    for (const bad of ['2026-10-08T09:00:00', '2026-10-08', '2026-10-08 09:00']) {
      expect(() => toEpochMs(bad, 'start')).toThrow(
        expect.objectContaining({
          code: DeadlinesErrorCode.InvalidInstant,
          message: expect.stringMatching(/^start must be an ISO-8601 instant with an offset/),
        }),
      );
    }
  });

  it('refuses impossible values', () => {
    expect(() => toEpochMs('2026-02-30T09:00:00+08:00')).toThrow(/not a real calendar date/);
    expect(() => toEpochMs('2026-02-03T25:00:00+08:00')).toThrow(/impossible time of day/);
    expect(() => toEpochMs('2026-02-03T09:00:00+25:00')).toThrow(/impossible UTC offset/);
    expect(() => toEpochMs(new Date(NaN))).toThrow(/not a valid instant/);
    expect(() => toEpochMs(Number.POSITIVE_INFINITY)).toThrow(/not a valid instant/);
  });

  it('parses like the ECMAScript parser for every instant with an offset (fast and slow paths)', () => {
    const instant = fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2099, 11, 31) });
    const offsetMinutes = fc.integer({ min: -12 * 60, max: 14 * 60 });
    fc.assert(
      fc.property(instant, offsetMinutes, fc.boolean(), (ms, off, withMillis) => {
        const local = new Date(ms + off * 60_000).toISOString().slice(0, withMillis ? 23 : 19);
        const sign = off < 0 ? '-' : '+';
        const abs = Math.abs(off);
        const text = `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
        const expected = Date.parse(text); // offset given, so Date.parse is zone-independent
        expect(toEpochMs(text)).toBe(expected);
        expect(toEpochMs(formatInstant(expected))).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('gives the Shanghai civil date of an instant', () => {
    expect(shanghaiDateOf('2026-09-30T15:59:59Z')).toBe('2026-09-30');
    expect(shanghaiDateOf('2026-09-30T16:00:00Z')).toBe('2026-10-01');
    expect(formatDay(shanghaiDayOf(toEpochMs('2026-10-01T00:00:00+08:00')))).toBe('2026-10-01');
  });
});
