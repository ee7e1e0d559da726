import { ConfigError } from './config-error';
import { readSettings } from './settings-reader';

describe('readSettings', () => {
  it('reads typed values with their defaults', () => {
    const s = readSettings({ A_INT: '42', A_URL: 'http://intake:3001/', A_RATE: '2.5' }, (r) => ({
      int: r.int('A_INT', 1, 0, 100),
      url: r.url('A_URL', 'http://x'),
      rate: r.positive('A_RATE', 1),
      text: r.text('A_TEXT', 'fallback'),
      missing: r.optional('NONE'),
    }));
    expect(s).toEqual({ int: 42, url: 'http://intake:3001', rate: 2.5, text: 'fallback', missing: undefined });
  });

  it('names every bad variable at once', () => {
    let problems: string[] = [];
    try {
      readSettings({ A_INT: '4.5', A_URL: 'ftp://x', A_RATE: '-1', EMPTY: '' }, (r) => {
        r.int('A_INT', 1, 0, 100);
        r.url('A_URL', 'http://x');
        r.positive('A_RATE', 1);
        r.int('EMPTY', 7, 0, 10);
        r.problem('A_KEY must be base64 of 32 bytes');
        return null;
      });
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      problems = (err as ConfigError).problems;
    }
    expect(problems).toEqual([
      'A_INT must be an integer from 0 to 100 (got "4.5")',
      'A_URL must be an http(s) URL (got "ftp://x")',
      'A_RATE must be a number greater than 0 (got "-1")',
      'A_KEY must be base64 of 32 bytes',
    ]);
  });
});
