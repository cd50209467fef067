import { useCallback, useEffect, useRef, useState } from 'react';
import { type ProblemDetails, problemOf } from '../api/problem';
import type { Page } from '../api/types';

const PAGE_SIZE = 20;
const MAX_PAGE_SIZE = 100;

export interface PagedList<T> {
  readonly items: T[];
  /** True until the first page has come (or failed). */
  readonly loading: boolean;
  readonly loadingMore: boolean;
  readonly hasMore: boolean;
  readonly problem: ProblemDetails | null;
  loadMore(): void;
  /** Reloads the rows shown so far (after a change, or a live event). */
  refresh(): void;
}

interface State<T> {
  readonly items: T[];
  readonly nextCursor: string | null;
  readonly loading: boolean;
  readonly loadingMore: boolean;
  readonly problem: ProblemDetails | null;
}

/** The page a list asks its loader for: `limit` rows after `cursor` (the first page without one). */
export interface PageQuery {
  readonly limit: number;
  readonly cursor?: string;
}

const INITIAL = { items: [], nextCursor: null, loading: true, loadingMore: false, problem: null };

/**
 * A cursor-paginated list ({ data, nextCursor }) with "Load more". `load` fetches one page (it may change on
 * every render; the latest is used); the list starts over when `key` (what is listed, with its filters) changes.
 */
export function usePagedList<T>(key: string, load: (page: PageQuery) => Promise<Page<T>>): PagedList<T> {
  const [state, setState] = useState<State<T>>(INITIAL);
  // Each request takes a number; an answer counts only if no request started after it.
  const sequence = useRef(0);
  const shown = useRef({ count: 0, nextCursor: null as string | null });
  const loadRef = useRef(load);
  useEffect(() => {
    loadRef.current = load;
    shown.current = { count: state.items.length, nextCursor: state.nextCursor };
  });

  const fetchPage = useCallback((limit: number, cursor: string | null, append: boolean) => {
    const id = ++sequence.current;
    loadRef.current({ limit, ...(cursor === null ? {} : { cursor }) }).then(
      (page) => {
        if (id !== sequence.current) return;
        setState((previous) => ({
          items: append ? [...previous.items, ...page.data] : page.data,
          nextCursor: page.nextCursor,
          loading: false,
          loadingMore: false,
          problem: null,
        }));
      },
      (error: unknown) => {
        if (id !== sequence.current) return;
        setState((previous) => ({ ...previous, loading: false, loadingMore: false, problem: problemOf(error) }));
      },
    );
  }, []);

  useEffect(() => {
    setState(INITIAL);
    fetchPage(PAGE_SIZE, null, false);
  }, [key, fetchPage]);

  const loadMore = useCallback(() => {
    const { nextCursor } = shown.current;
    if (nextCursor === null) return;
    setState((previous) => ({ ...previous, loadingMore: true }));
    fetchPage(PAGE_SIZE, nextCursor, true);
  }, [fetchPage]);

  const refresh = useCallback(() => {
    fetchPage(Math.min(MAX_PAGE_SIZE, Math.max(PAGE_SIZE, shown.current.count)), null, false);
  }, [fetchPage]);

  return {
    items: state.items,
    loading: state.loading,
    loadingMore: state.loadingMore,
    hasMore: state.nextCursor !== null,
    problem: state.problem,
    loadMore,
    refresh,
  };
}
