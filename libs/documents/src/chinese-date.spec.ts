import { chineseDate } from './chinese-date';

describe('chineseDate', () => {
  it('gives the civil date in Shanghai for an instant that is still the day before in UTC', () => {
    expect(chineseDate(new Date('2026-12-06T16:30:00Z'))).toBe('2026年12月7日');
    expect(chineseDate('2026-12-06T16:30:00Z')).toBe('2026年12月7日');
    expect(chineseDate(new Date('2026-12-06T15:59:59.999Z'))).toBe('2026年12月6日');
  });

  it('writes numbers without leading zeros, across a year end', () => {
    expect(chineseDate('2026-12-31T16:00:00Z')).toBe('2027年1月1日');
    expect(chineseDate('2027-01-05T09:00:00+08:00')).toBe('2027年1月5日');
  });

  it('takes a civil date as it is', () => {
    expect(chineseDate('2026-03-08')).toBe('2026年3月8日');
  });

  it('refuses what is no instant, including a local time that would depend on the machine zone', () => {
    for (const bad of ['2026-12-07T10:00:00', '2026-02-30', 'tomorrow', '']) expect(() => chineseDate(bad)).toThrow(RangeError);
    expect(() => chineseDate(new Date(NaN))).toThrow(RangeError);
  });
});
