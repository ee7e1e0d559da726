import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../../api/errors';

export type LoadState<T> =
  | { status: 'loading'; value?: T; reload: () => void }
  | { status: 'ready'; value: T; reload: () => void }
  | { status: 'failed'; error: ApiError; value?: T; reload: () => void };

interface Settled<T> {
  load: () => Promise<T>;
  version: number;
  value?: T;
  error?: ApiError;
}

/**
 * Loads with `load` (memoize it: a new function loads again) and again on `reload()`. While a new
 * load is under way the last value stays available, so a page keeps its content when it refreshes.
 */
export function useLoad<T>(load: () => Promise<T>): LoadState<T> {
  const [version, setVersion] = useState(0);
  const [settled, setSettled] = useState<Settled<T> | null>(null);
  useEffect(() => {
    let live = true;
    load().then(
      (value) => live && setSettled({ load, version, value }),
      (error: unknown) =>
        live &&
        setSettled((last) => ({ load, version, value: last?.value, error: error instanceof ApiError ? error : ApiError.network(error) })),
    );
    return () => {
      live = false;
    };
  }, [load, version]);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  const current = settled && settled.load === load && settled.version === version;
  if (current && settled.error) return { status: 'failed', error: settled.error, value: settled.value, reload };
  if (current) return { status: 'ready', value: settled.value as T, reload };
  return { status: 'loading', value: settled?.value, reload };
}

/** The API's message of a failure, for an error alert. */
export function messageOf(error: unknown): string {
  return error instanceof ApiError ? error.message : ApiError.network(error).message;
}
