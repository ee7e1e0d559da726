import { randomBytes } from 'node:crypto';
import { PiiCipher, maskIdNumber, maskName, maskPhone } from './pii-cipher';

describe('PiiCipher', () => {
  const k1 = randomBytes(32);
  const k2 = randomBytes(32);
  const hashKey = randomBytes(32);

  it('encrypts with the active key, never storing plaintext, and decrypts with any configured key', () => {
    const old = new PiiCipher(new Map([['k1', k1]]), 'k1', hashKey);
    const stored = old.encrypt('张三');
    expect(stored.startsWith('k1:')).toBe(true);
    expect(stored).not.toContain('张三');
    const rotated = new PiiCipher(
      new Map([
        ['k1', k1],
        ['k2', k2],
      ]),
      'k2',
      hashKey,
    );
    expect(rotated.encrypt('张三').startsWith('k2:')).toBe(true);
    expect(rotated.decrypt(stored)).toBe('张三');
    expect(old.encrypt('张三')).not.toBe(stored);
  });

  it('detects tampering and unknown keys', () => {
    const c = new PiiCipher(new Map([['k1', k1]]), 'k1', hashKey);
    const stored = c.encrypt('13812345678');
    const raw = Buffer.from(stored.slice(3), 'base64');
    raw[raw.length - 1] ^= 1;
    expect(() => c.decrypt(`k1:${raw.toString('base64')}`)).toThrow();
    expect(() => c.decrypt(`k9:${stored.slice(3)}`)).toThrow(/no PII key "k9"/);
  });

  it('hashes identically for equal values and differently under another key', () => {
    const a = new PiiCipher(new Map([['k1', k1]]), 'k1', hashKey);
    const b = new PiiCipher(new Map([['k1', k1]]), 'k1', randomBytes(32));
    expect(a.hash('44010619900101123x')).toBe(a.hash(' 44010619900101123X'));
    expect(a.hash('44010619900101123X')).not.toBe(b.hash('44010619900101123X'));
  });
});

describe('masking', () => {
  it.each([
    ['张三', '张*'],
    ['欧阳娜娜', '欧***'],
    ['Li', 'L*'],
  ])('name %s → %s', (name, masked) => expect(maskName(name)).toBe(masked));

  it('phones and ID numbers keep only their ends', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskIdNumber('440106199001011234')).toBe('4401**********1234');
  });
});
