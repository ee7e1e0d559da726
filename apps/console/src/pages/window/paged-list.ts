// A keyset-paged list (`{ items, nextCursor }`) shown page by page with 加载更多.
import { useEffect, useState } from 'react';
import { ApiError } from '../../api/errors';

type FetchPage<Item> = (cursor: string | undefined) => Promise<{ items: Item[]; nextCursor: string | null }>;

export interface PagedList<Item> {
  items: Item[];
  loading: boolean;
  error: ApiError | null;
  hasMore: boolean;
  loadMore: () => void;
  reload: () => void;
  /** Drops items answered elsewhere (assigned, triaged, recorded). */
  remove: (predicate: (item: Item) => boolean) => void;
}

interface State<Item> {
  /** The list these items belong to: a new `fetchPage` (other filters) starts over. */
  source: FetchPage<Item>;
  items: Item[];
  cursor: string | null;
  loading: boolean;
  error: ApiError | null;
}

const asApiError = (cause: unknown) => (cause instanceof ApiError ? cause : ApiError.network(cause));

/** The first page of `fetchPage` (memoised by the caller), then more on demand. */
export function usePagedList<Item>(fetchPage: FetchPage<Item>): PagedList<Item> {
  const fresh = (): State<Item> => ({ source: fetchPage, items: [], cursor: null, loading: true, error: null });
  const [state, setState] = useState<State<Item>>(fresh);
  const [reloads, setReloads] = useState(0);
  if (state.source !== fetchPage) setState(fresh());

  useEffect(() => {
    let live = true;
    fetchPage(undefined).then(
      (page) => live && setState((s) => ({ ...s, items: page.items, cursor: page.nextCursor, loading: false, error: null })),
      (cause: unknown) => live && setState((s) => ({ ...s, loading: false, error: asApiError(cause) })),
    );
    return () => {
      live = false;
    };
  }, [fetchPage, reloads]);

  const loadMore = () => {
    const cursor = state.cursor;
    if (!cursor || state.loading) return;
    setState((s) => ({ ...s, loading: true, error: null }));
    fetchPage(cursor).then(
      (page) =>
        setState((s) =>
          s.source === fetchPage ? { ...s, items: [...s.items, ...page.items], cursor: page.nextCursor, loading: false } : s,
        ),
      (cause: unknown) => setState((s) => (s.source === fetchPage ? { ...s, loading: false, error: asApiError(cause) } : s)),
    );
  };

  return {
    items: state.items,
    loading: state.loading,
    error: state.error,
    hasMore: state.cursor !== null,
    loadMore,
    reload: () => {
      setState((s) => ({ ...s, loading: true, error: null }));
      setReloads((n) => n + 1);
    },
    remove: (predicate) => setState((s) => ({ ...s, items: s.items.filter((item) => !predicate(item)) })),
  };
}
