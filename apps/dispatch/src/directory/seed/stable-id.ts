import { createHash } from 'node:crypto';

/**
 * A stable UUID (version 5 layout) for a directory code, so the demo city has the same unit ids
 * on every machine and every run, and scripts and tests can name units by code.
 */
export function stableId(namespace: string, code: string): string {
  const h = createHash('sha1').update(`${namespace}:${code}`).digest();
  h[6] = (h[6] & 0x0f) | 0x50;
  h[8] = (h[8] & 0x3f) | 0x80;
  const hex = h.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The demo unit id of a unit code. */
export const unitIdFor = (code: string) => stableId('unit', code);
