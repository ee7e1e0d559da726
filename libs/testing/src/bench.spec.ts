import { benchOptions, percentile } from './bench';

describe('benchmark options and percentiles', () => {
  it('reads --kebab-case numbers over the defaults', () => {
    expect(benchOptions({ rate: 100, routingSeconds: 5 }, ['--routing-seconds', '2'])).toEqual({ rate: 100, routingSeconds: 2 });
    expect(benchOptions({ rate: 100 }, [])).toEqual({ rate: 100 });
  });

  it('refuses an option the benchmark does not have, and a value that is not a number', () => {
    expect(() => benchOptions({ rate: 100, routingSeconds: 5 }, ['--rates', '50'])).toThrow(
      'unknown option --rates (options: --rate, --routing-seconds)',
    );
    expect(() => benchOptions({ rate: 100 }, ['--rate', 'fast'])).toThrow('--rate takes a number (got "fast")');
  });

  it('takes the nearest-rank percentile of unsorted values', () => {
    const values = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6];
    expect(percentile(values, 50)).toBe(5);
    expect(percentile(values, 90)).toBe(9);
    expect(percentile(values, 99)).toBe(10);
    expect(percentile([42], 95)).toBe(42);
  });
});
