import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import type { KeysetPageRequest, PageRequest } from '@callwire/database';
import { ValidationProblemException } from './problem';

// Repositories (libs/database) take these; the API makes them from its query parameters.
export { type KeysetPageRequest, type PageRequest, pageQuery } from '@callwire/database';

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

export class PageMetaDto {
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Pass as ?cursor= to get the next page; null on the last page.',
  })
  nextCursor!: string | null;
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
