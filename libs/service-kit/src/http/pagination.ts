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

/** Decodes a cursor made by {@link encodeCursor}; a tampered one is a 400 on `cursor`. */
export function decodeCursor(cursor: string, arity: number): (string | number)[] {
  try {
    const values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(values) && values.length === arity && values.every((v) => typeof v === 'string' || typeof v === 'number'))
      return values;
  } catch {
    /* fall through */
  }
  throw new ValidationFailedError([{ field: 'cursor', reason: 'not a cursor returned by this endpoint' }]);
}

/** The position after which a newest-first `(timestamp, id)` keyset page starts, from the request's cursor. */
export function afterTimeAndId(cursor: string | undefined): { at: string; id: string } | null {
  if (!cursor) return null;
  const [at, id] = decodeCursor(cursor, 2);
  return { at: String(at), id: String(id) };
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
