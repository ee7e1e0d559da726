import { forecastNext } from './forecast';
import { parsePeriod, shiftPeriod } from './report-period';

describe('forecastNext', () => {
  it('follows a linear trend with Holt smoothing', () => {
    expect(forecastNext([10, 20, 30, 40, 50, 60, 70, 80])).toMatchObject({ method: 'holt_linear', value: 90 });
  });

  it('falls back to the mean with fewer than three periods, and to nothing without history', () => {
    expect(forecastNext([0, 0, 0, 0, 0, 0, 10, 20])).toMatchObject({ method: 'moving_average', value: 15 });
    expect(forecastNext([0, 0, 0])).toMatchObject({ method: 'none', value: null });
  });

  it('never forecasts a negative volume', () => {
    expect(forecastNext([100, 50, 10]).value).toBeGreaterThanOrEqual(0);
  });
});

describe('report periods', () => {
  it('parses each kind into its days', () => {
    expect(parsePeriod('weekly', '2026-W47')).toMatchObject({ from: '2026-11-16', to: '2026-11-22' });
    expect(parsePeriod('weekly', '2026-W01')).toMatchObject({ from: '2025-12-29', to: '2026-01-04' });
    expect(parsePeriod('monthly', '2026-02')).toMatchObject({ from: '2026-02-01', to: '2026-02-28' });
    expect(parsePeriod('quarterly', '2026-Q4')).toMatchObject({ from: '2026-10-01', to: '2026-12-31' });
    expect(parsePeriod('annual', '2026')).toMatchObject({ from: '2026-01-01', to: '2026-12-31' });
  });

  it('steps to neighbouring periods across year ends', () => {
    expect(shiftPeriod(parsePeriod('weekly', '2026-W01'), -1).label).toBe('2025-W52');
    expect(shiftPeriod(parsePeriod('monthly', '2026-01'), -1).label).toBe('2025-12');
    expect(shiftPeriod(parsePeriod('quarterly', '2026-Q1'), -1).label).toBe('2025-Q4');
    expect(shiftPeriod(parsePeriod('annual', '2026'), 1).label).toBe('2027');
  });

  it('refuses a label that does not fit the kind', () => {
    expect(() => parsePeriod('monthly', '2026-W47')).toThrow();
    expect(() => parsePeriod('weekly', '2027-W53')).toThrow();
    expect(parsePeriod('weekly', '2026-W53')).toMatchObject({ from: '2026-12-28', to: '2027-01-03' });
  });
});
