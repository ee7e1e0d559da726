import { randomBytes } from 'node:crypto';

/** Query codes avoid look-alike characters (0/O, 1/I/L) so they can be read over the phone. */
export const QUERY_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** Characters in a query code: 31^8 ≈ 8.5 × 10^11 codes. */
export const QUERY_CODE_LENGTH = 8;

/**
 * Bytes at or above this are rejected: 248 = 8 × 31 is the largest multiple of the alphabet's size
 * that fits in a byte, so each accepted byte maps to every character exactly 8 times. Taking
 * `byte % 31` over all 256 values (the old draw) gave the first 8 characters 9 chances in 256 and
 * the others 8.
 */
export const QUERY_BYTE_LIMIT = Math.floor(256 / QUERY_ALPHABET.length) * QUERY_ALPHABET.length;

/**
 * The characters an unbiased draw makes of `bytes` (rejection sampling): bytes ≥ {@link QUERY_BYTE_LIMIT}
 * are skipped, so the result may be shorter than the input. Pure, so its uniformity is proven by a unit test.
 */
export function queryCharsFromBytes(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) if (b < QUERY_BYTE_LIMIT) out += QUERY_ALPHABET[b % QUERY_ALPHABET.length];
  return out;
}

/** A new query code: {@link QUERY_CODE_LENGTH} characters drawn uniformly from {@link QUERY_ALPHABET}. */
export function newQueryCode(random: (n: number) => Uint8Array = randomBytes): string {
  let code = '';
  // 8 of 256 byte values are rejected, so one extra draw is rarely needed.
  while (code.length < QUERY_CODE_LENGTH) code += queryCharsFromBytes(random(QUERY_CODE_LENGTH - code.length));
  return code;
}
