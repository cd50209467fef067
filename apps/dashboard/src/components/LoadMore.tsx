import type { PagedList } from '../hooks/usePagedList';

/** The "Load more" button under a paginated list, while there are more rows. */
export function LoadMore({ list }: { list: PagedList<unknown> }) {
  if (!list.hasMore) return null;
  return (
    <button
      type="button"
      className="load-more"
      onClick={list.loadMore}
      disabled={list.loadingMore}
      aria-busy={list.loadingMore}
    >
      Load more
    </button>
  );
}
