import { randomBytes } from 'node:crypto';
import { PiiCipher } from './pii-cipher';
import { QueryCodeSealer } from './query-code-sealer';

describe('QueryCodeSealer', () => {
  const key = randomBytes(32);
  const sealer = new QueryCodeSealer(new PiiCipher(new Map([['k1', key]]), 'k1', randomBytes(32)));

  it('stores no query code in clear, at any depth, and gives the same answer back to a retry', () => {
    const answer = {
      trackingNo: '440106-20261122-000001',
      queryCode: 'K7M2Q9XP',
      results: [{ queryCode: 'ABCDEFGH' }, { queryCode: null }],
    };
    const stored = JSON.stringify(sealer.seal(answer));
    expect(stored).not.toContain('K7M2Q9XP');
    expect(stored).not.toContain('ABCDEFGH');
    expect(stored).toContain('440106-20261122-000001');
    expect(sealer.open(JSON.parse(stored))).toEqual(answer);
    // The answer handed to the first caller is not touched.
    expect(answer.queryCode).toBe('K7M2Q9XP');
  });

  it('answers a retry without the code once its key is retired', () => {
    const stored = JSON.parse(JSON.stringify(sealer.seal({ queryCode: 'K7M2Q9XP' }))) as unknown;
    const rotated = new QueryCodeSealer(new PiiCipher(new Map([['k2', randomBytes(32)]]), 'k2', randomBytes(32)));
    expect(rotated.open(stored)).toEqual({ queryCode: null });
  });
});
