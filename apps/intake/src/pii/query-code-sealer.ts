import type { ResponseSealer } from '@petition/service-kit';
import type { PiiCipher } from './pii-cipher';

/** Marks a sealed value in a stored answer. */
const SEALED = 'sealed:';

/**
 * Keeps query codes out of stored idempotent answers in clear (they are kept with no expiry, and
 * a code is the petitioner's only credential): every `queryCode` string is stored encrypted with
 * the PII keys, like the petitioner's own data, and opened only to answer a retry of the same
 * request — which must still get the code it was first given (docs/window.md, Query codes).
 */
export class QueryCodeSealer implements ResponseSealer {
  constructor(private readonly pii: PiiCipher) {}

  seal(body: unknown): unknown {
    return mapQueryCodes(body, (code) => (code.startsWith(SEALED) ? code : `${SEALED}${this.pii.encrypt(code)}`));
  }

  open(body: unknown): unknown {
    return mapQueryCodes(body, (stored) => {
      if (!stored.startsWith(SEALED)) return stored;
      try {
        return this.pii.decrypt(stored.slice(SEALED.length));
      } catch {
        // Its key was retired: the retry still gets its tracking number, without the code.
        return null;
      }
    });
  }
}

/** A copy of `value` with every string under a `queryCode` key passed through `f`; the input is left untouched. */
function mapQueryCodes(value: unknown, f: (code: string) => string | null): unknown {
  if (Array.isArray(value)) return value.map((v) => mapQueryCodes(v, f));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([k, v]) => [
      k,
      k === 'queryCode' && typeof v === 'string' ? f(v) : mapQueryCodes(v, f),
    ]),
  );
}
