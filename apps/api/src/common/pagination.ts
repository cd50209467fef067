import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { ValidationProblemException } from './problem';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export class PageQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit?: number;

  @ApiPropertyOptional({ description: "Opaque cursor from a previous page's nextCursor." })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;
}

/** A page request as repositories take it: ids are time-ordered UUIDv7, so "after id" is a stable cursor. */
export interface PageRequest {
  readonly limit: number;
  readonly afterId?: string;
}

export interface Page<T> {
  readonly data: T[];
  readonly nextCursor: string | null;
}

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function toPageRequest(query: PageQueryDto): PageRequest {
  const limit = query.limit ?? DEFAULT_PAGE_SIZE;
  if (query.cursor === undefined) return { limit };
  const afterId = Buffer.from(query.cursor, 'base64url').toString('utf8');
  if (!UUID_PATTERN.test(afterId)) {
    throw new ValidationProblemException([{ field: 'cursor', message: 'cursor is not a valid page cursor' }]);
  }
  return { limit, afterId };
}

/** Repositories fetch limit + 1 rows; the extra row only tells that another page exists. */
export function toPage<Row extends { id: string }, T>(
  rows: Row[],
  request: PageRequest,
  map: (row: Row) => T,
): Page<T> {
  const hasMore = rows.length > request.limit;
  const pageRows = hasMore ? rows.slice(0, request.limit) : rows;
  const last = pageRows[pageRows.length - 1];
  return {
    data: pageRows.map(map),
    nextCursor: hasMore && last ? Buffer.from(last.id, 'utf8').toString('base64url') : null,
  };
}

/**
 * Prisma arguments for one page of rows ordered by id (merge `where` into the query's filter): oldest first,
 * or with 'desc' newest first (ids are UUIDv7, so id order is creation order).
 */
export function pageQuery(
  request: PageRequest,
  order: 'asc' | 'desc' = 'asc',
): {
  where: { id?: { gt: string } | { lt: string } };
  take: number;
  orderBy: { id: 'asc' | 'desc' };
} {
  const { afterId } = request;
  return {
    where: afterId ? { id: order === 'asc' ? { gt: afterId } : { lt: afterId } } : {},
    take: request.limit + 1,
    orderBy: { id: order },
  };
}

export class PageMetaDto {
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Pass as ?cursor= to get the next page; null on the last page.',
  })
  nextCursor!: string | null;
}

/**
 * A page request for lists ordered by something other than the id: the cursor carries the sort key of the
 * last row shown (a JSON value), so the next page starts right after it even if that row has gone since.
 */
export interface KeysetPageRequest<Key> {
  readonly limit: number;
  readonly after?: Key;
}

export function toKeysetPageRequest<Key>(
  query: PageQueryDto,
  isKey: (value: unknown) => value is Key,
): KeysetPageRequest<Key> {
  const limit = query.limit ?? DEFAULT_PAGE_SIZE;
  if (query.cursor === undefined) return { limit };
  let after: unknown;
  try {
    after = JSON.parse(Buffer.from(query.cursor, 'base64url').toString('utf8'));
  } catch {
    after = undefined;
  }
  if (!isKey(after)) {
    throw new ValidationProblemException([{ field: 'cursor', message: 'cursor is not a valid page cursor' }]);
  }
  return { limit, after };
}

/** Like toPage, for keyset pages: rows are limit + 1, the cursor encodes keyOf(the last row shown). */
export function toKeysetPage<Row, Key, T>(
  rows: Row[],
  request: KeysetPageRequest<Key>,
  keyOf: (row: Row) => Key,
  map: (row: Row) => T,
): Page<T> {
  const pageRows = rows.slice(0, request.limit);
  const last = pageRows[pageRows.length - 1];
  return {
    data: pageRows.map(map),
    nextCursor:
      rows.length > request.limit && last
        ? Buffer.from(JSON.stringify(keyOf(last)), 'utf8').toString('base64url')
        : null,
  };
}
