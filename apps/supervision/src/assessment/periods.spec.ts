import { monthOf, parsePeriod, periodKeysOfMonth } from './periods';

describe('assessment periods', () => {
  it('parses months, quarters and years in Asia/Shanghai', () => {
    const q = parsePeriod('2026-Q4');
    expect(q?.months).toEqual(['2026-10', '2026-11', '2026-12']);
    expect(q?.start.toISOString()).toBe('2026-09-30T16:00:00.000Z');
    expect(q?.end.toISOString()).toBe('2026-12-31T16:00:00.000Z');
    expect(parsePeriod('2026-02')?.kind).toBe('month');
    expect(parsePeriod('2026')?.months).toHaveLength(12);
  });

  it('refuses anything else', () => {
    for (const bad of ['2026-13', '2026-Q5', '26-Q1', '2026-1', '', '2026-Q4 ', '1999']) expect(parsePeriod(bad)).toBeNull();
  });

  it('puts an instant in its Shanghai month, and a month in its quarter and year', () => {
    expect(monthOf('2026-09-30T16:30:00Z')).toBe('2026-10');
    expect(monthOf('2026-10-31T23:59:59+08:00')).toBe('2026-10');
    expect(periodKeysOfMonth('2026-11')).toEqual(['2026-11', '2026-Q4', '2026']);
  });
});
