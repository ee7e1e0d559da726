import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { ValidationFailedError } from '../domain-error';

/** `?limit=&cursor=` of every list endpoint. */
export class PageQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @ApiPropertyOptional({ description: 'Opaque cursor from the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  cursor?: string;
}

/** Encodes keyset position values as an opaque cursor. */
export function encodeCursor(values: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

/**
 * What one value of a cursor position must be, checked before it reaches SQL: a cursor is opaque
 * to the client but not secret, so one that decodes can still carry anything.
 * - `instant`: a timestamp exactly as `Date.toISOString()` writes it;
 * - `uuid`: a row id;
 * - `text`: a code (region, category, unit), 1–200 characters, no control characters;
 * - `int`: a whole number from 0 (an offset, a rank).
 */
export type CursorField = 'instant' | 'uuid' | 'text' | 'int';

/** The decoded value of each {@link CursorField}. */
export type CursorValues<F extends readonly CursorField[]> = { [K in keyof F]: F[K] extends 'int' ? number : string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function fits(field: CursorField, value: unknown): boolean {
  switch (field) {
    case 'instant': {
      if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(value)) return false;
      const at = new Date(value);
      return Number.isFinite(at.getTime()) && at.toISOString() === value;
    }
    case 'uuid':
      return typeof value === 'string' && UUID.test(value);
    case 'text':
      // eslint-disable-next-line no-control-regex -- control characters (NUL above all) are what this refuses
      return typeof value === 'string' && value.length >= 1 && value.length <= 200 && !/[\u0000-\u001f\u007f]/.test(value);
    case 'int':
      return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 && value <= 1_000_000_000;
  }
}

/**
 * Decodes a cursor made by {@link encodeCursor} whose position is `fields`. Anything else —
 * not base64url JSON, the wrong number of values, a value of the wrong type or form (a date that
 * is no date, an id that is no uuid, a negative offset) — is a 400 `VALIDATION_FAILED` on
 * `cursor`, never a database error.
 */
export function decodeCursor<const F extends readonly CursorField[]>(cursor: string, fields: F): CursorValues<F> {
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    values = undefined;
  }
  if (Array.isArray(values) && values.length === fields.length && fields.every((field, i) => fits(field, values[i])))
    return values as CursorValues<F>;
  throw new ValidationFailedError([{ field: 'cursor', reason: 'not a cursor returned by this endpoint' }]);
}

/** The position after which a newest-first `(timestamp, id)` keyset page starts, from the request's cursor. */
export function afterTimeAndId(cursor: string | undefined): { at: string; id: string } | null {
  if (!cursor) return null;
  const [at, id] = decodeCursor(cursor, ['instant', 'uuid']);
  return { at, id };
}

/**
 * A keyset page from `rows` fetched with `limit + 1`: the first `limit` as views, and a cursor
 * to the rest when the extra row came back.
 */
export function keysetPage<T, V>(
  rows: readonly T[],
  limit: number,
  view: (row: T) => V,
  keyOf: (row: T) => readonly (string | number)[],
): { items: V[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { items: page.map(view), nextCursor: rows.length > limit && last !== undefined ? encodeCursor(keyOf(last)) : null };
}
