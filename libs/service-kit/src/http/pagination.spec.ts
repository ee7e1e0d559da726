import { ValidationFailedError } from '../domain-error';
import { afterTimeAndId, decodeCursor, encodeCursor, keysetPage } from './pagination';

const ID = '0b6f1f9e-2c1a-4d3e-9f00-1234567890ab';

describe('cursors', () => {
  it('round-trip keyset values of the declared kinds', () => {
    expect(decodeCursor(encodeCursor(['2026-11-22T00:00:00.000Z', ID]), ['instant', 'uuid'])).toEqual(['2026-11-22T00:00:00.000Z', ID]);
    expect(decodeCursor(encodeCursor([2, 'GZ-440106']), ['int', 'text'])).toEqual([2, 'GZ-440106']);
  });

  it.each([
    ['not base64url JSON', '%%%'],
    ['an object', Buffer.from('{"a":1}').toString('base64url')],
    ['too few values', encodeCursor(['2026-11-22T00:00:00.000Z'])],
    ['a date that is no date', encodeCursor(['yesterday', ID])],
    ['a date out of range', encodeCursor(['2026-02-31T00:00:00.000Z', ID])],
    ['a date in another form', encodeCursor(['2026-11-22 00:00:00', ID])],
    ['an id that is no uuid', encodeCursor(['2026-11-22T00:00:00.000Z', "x' OR 1=1"])],
    ['a number for a date', encodeCursor([1, ID])],
  ])('refuse a tampered (instant, uuid) cursor: %s', (_, cursor) => {
    expect(() => decodeCursor(cursor, ['instant', 'uuid'])).toThrow(ValidationFailedError);
  });

  it.each([
    ['a negative offset', [-5]],
    ['a fractional offset', [1.5]],
    ['an offset as text', ['10']],
    ['a huge offset', [1e300]],
  ])('refuse a tampered offset: %s', (_, values) => {
    expect(() => decodeCursor(encodeCursor(values as Array<string | number>), ['int'])).toThrow(ValidationFailedError);
  });

  it('refuse codes that are empty, overlong or carry control characters', () => {
    for (const code of ['', 'x'.repeat(201), 'GZ\u0000', 'a\nb'])
      expect(() => decodeCursor(encodeCursor([code]), ['text'])).toThrow(ValidationFailedError);
  });

  it('say which field is wrong', () => {
    try {
      decodeCursor(encodeCursor(['x', 'y']), ['instant', 'uuid']);
      throw new Error('expected a refusal');
    } catch (err) {
      expect((err as ValidationFailedError).details).toEqual([{ field: 'cursor', reason: 'not a cursor returned by this endpoint' }]);
    }
  });
});

describe('keyset pages', () => {
  const id = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;
  const rows = [
    { at: '2026-11-03T00:00:00.000Z', id: id(3) },
    { at: '2026-11-02T00:00:00.000Z', id: id(2) },
    { at: '2026-11-01T00:00:00.000Z', id: id(1) },
  ];

  it('answer the first `limit` rows and a cursor after the last of them when more came back', () => {
    const page = keysetPage(
      rows,
      2,
      (r) => r.id,
      (r) => [r.at, r.id],
    );
    expect(page.items).toEqual([id(3), id(2)]);
    expect(afterTimeAndId(page.nextCursor ?? undefined)).toEqual({ at: '2026-11-02T00:00:00.000Z', id: id(2) });
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
