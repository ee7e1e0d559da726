import { describe, expect, it } from 'vitest';
import { formatDate, formatTime } from './format';

describe('dates shown in the city’s time zone', () => {
  it('runs on a machine in another zone (the test config sets TZ)', () => {
    expect(new Date('2026-01-15T12:00:00Z').getTimezoneOffset()).toBe(300);
  });

  it('shows an instant as Asia/Shanghai wall-clock time', () => {
    expect(formatTime('2026-11-22T17:30:00Z')).toBe('2026-11-23 01:30');
    expect(formatTime('2026-11-23T09:05:07.000+08:00', true)).toBe('2026-11-23 09:05:07');
    expect(formatTime(new Date('2026-11-22T16:00:00Z'))).toBe('2026-11-23 00:00');
  });

  it('shows the city’s calendar date, and keeps a date-only value as it is', () => {
    expect(formatDate('2026-11-22T16:30:00Z')).toBe('2026-11-23');
    expect(formatDate('2026-11-20')).toBe('2026-11-20');
  });

  it('shows a dash for nothing', () => {
    expect(formatTime(null)).toBe('—');
    expect(formatDate(undefined)).toBe('—');
    expect(formatTime('')).toBe('—');
  });
});
