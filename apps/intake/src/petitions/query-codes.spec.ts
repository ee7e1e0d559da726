import { QUERY_ALPHABET, QUERY_BYTE_LIMIT, QUERY_CODE_LENGTH, newQueryCode, queryCharsFromBytes } from './query-codes';

describe('query codes', () => {
  it('map every accepted byte value to each character exactly the same number of times, and reject the rest (no modulo bias)', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    const chars = queryCharsFromBytes(all);
    expect(QUERY_BYTE_LIMIT).toBe(248);
    expect(chars).toHaveLength(248);
    const counts = new Map<string, number>();
    for (const c of chars) counts.set(c, (counts.get(c) ?? 0) + 1);
    expect([...counts.keys()].sort().join('')).toBe([...QUERY_ALPHABET].sort().join(''));
    for (const n of counts.values()) expect(n).toBe(8);
    // The 8 values a plain `% 31` would have folded onto the first characters are dropped.
    expect(queryCharsFromBytes(Uint8Array.from([248, 249, 250, 251, 252, 253, 254, 255]))).toBe('');
  });

  it('draws again for rejected bytes, so a code is always 8 characters of the alphabet', () => {
    const draws = [Uint8Array.from([255, 0, 1, 2, 3, 4, 5, 6]), Uint8Array.from([30])];
    expect(newQueryCode(() => draws.shift() as Uint8Array)).toBe(`${QUERY_ALPHABET.slice(0, 7)}${QUERY_ALPHABET[30]}`);
    for (let i = 0; i < 200; i++) expect(newQueryCode()).toMatch(new RegExp(`^[${QUERY_ALPHABET}]{${QUERY_CODE_LENGTH}}$`));
  });
});
