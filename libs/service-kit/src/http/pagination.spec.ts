import { ValidationFailedError } from '../domain-error';
import { afterTimeAndId, decodeCursor, encodeCursor, keysetPage } from './pagination';

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

describe('keyset pages', () => {
  const rows = [
    { at: '2026-11-03T00:00:00.000Z', id: 'c' },
    { at: '2026-11-02T00:00:00.000Z', id: 'b' },
    { at: '2026-11-01T00:00:00.000Z', id: 'a' },
  ];

  it('answer the first `limit` rows and a cursor after the last of them when more came back', () => {
    const page = keysetPage(
      rows,
      2,
      (r) => r.id,
      (r) => [r.at, r.id],
    );
    expect(page.items).toEqual(['c', 'b']);
    expect(afterTimeAndId(page.nextCursor ?? undefined)).toEqual({ at: '2026-11-02T00:00:00.000Z', id: 'b' });
  });

  it('answer no cursor on the last page, and no position without a cursor', () => {
    expect(
      keysetPage(
        rows,
        3,
        (r) => r.id,
        (r) => [r.at, r.id],
      ).nextCursor,
    ).toBeNull();
    expect(afterTimeAndId(undefined)).toBeNull();
  });
});
