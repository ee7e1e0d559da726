import { parseCliArguments } from './cli-arguments';

describe('parseCliArguments', () => {
  it('reads the documented options', () => {
    const parsed = parseCliArguments(['--port', '19092', '--data', '.data/kafka', '--partitions', '3', '--verbose', '--fsync', '250']);
    expect(parsed.options).toMatchObject({ port: 19092, dataDir: '.data/kafka', partitions: 3, verbose: true, fsync: { intervalMs: 250 } });
    expect(parseCliArguments(['--data', 'd', '--fsync', 'always']).options.fsync).toBe('always');
    expect(parseCliArguments(['--data', 'd']).options.port).toBe(0);
  });

  it('names what is wrong', () => {
    expect(() => parseCliArguments([])).toThrow(/--data/);
    expect(() => parseCliArguments(['--data', 'd', '--port', 'abc'])).toThrow(/--port must be an integer/);
    expect(() => parseCliArguments(['--data', 'd', '--colour', 'blue'])).toThrow(/unknown option --colour/);
    expect(() => parseCliArguments(['stray'])).toThrow(/unexpected argument/);
  });
});
