import { ValidationFailedError } from '../domain-error';
import { decodeCursor, encodeCursor } from './pagination';

describe('cursors', () => {
  it('round-trip keyset values', () => {
    expect(decodeCursor(encodeCursor(['2026-11-22T00:00:00.000Z', 'abc']), 2)).toEqual(['2026-11-22T00:00:00.000Z', 'abc']);
  });

  it.each(['%%%', Buffer.from('{"a":1}').toString('base64url'), encodeCursor(['only-one'])])(
    'refuse a tampered cursor (%s) with a field reason',
    (cursor) => {
      expect(() => decodeCursor(cursor, 2)).toThrow(ValidationFailedError);
    },
  );
});
