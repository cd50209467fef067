/** A page request as repositories take it: ids are time-ordered UUIDv7, so "after id" is a stable cursor. */
export interface PageRequest {
  readonly limit: number;
  readonly afterId?: string;
}

/**
 * A page request for lists ordered by something other than the id: the cursor carries the sort key of the
 * last row shown (a JSON value), so the next page starts right after it even if that row has gone since.
 */
export interface KeysetPageRequest<Key> {
  readonly limit: number;
  readonly after?: Key;
}

/**
 * Prisma arguments for one page of rows ordered by id (merge `where` into the query's filter): oldest first,
 * or with 'desc' newest first (ids are UUIDv7, so id order is creation order). Fetches limit + 1 rows: the
 * extra row only tells that another page exists.
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
