import { useCallback, useEffect, useRef, useState } from 'react';
import { type ProblemDetails, problemOf } from '../api/problem';

export interface Resource<T> {
  /** The last data loaded for this key (kept while reloading). */
  readonly data: T | undefined;
  readonly loading: boolean;
  readonly problem: ProblemDetails | null;
  reload(): void;
}

interface State<T> {
  readonly key: string;
  readonly data: T | undefined;
  readonly loading: boolean;
  readonly problem: ProblemDetails | null;
}

/** Loads data when `key` changes (and on reload); only the latest answer counts. */
export function useResource<T>(key: string, load: () => Promise<T>): Resource<T> {
  const [state, setState] = useState<State<T>>({ key, data: undefined, loading: true, problem: null });
  const [version, setVersion] = useState(0);
  const latestLoad = useRef(load);
  useEffect(() => {
    latestLoad.current = load;
  });

  useEffect(() => {
    let current = true;
    setState((previous) => ({
      key,
      data: previous.key === key ? previous.data : undefined,
      loading: true,
      problem: previous.key === key ? previous.problem : null,
    }));
    latestLoad.current().then(
      (data) => current && setState({ key, data, loading: false, problem: null }),
      (error: unknown) =>
        current && setState((previous) => ({ ...previous, loading: false, problem: problemOf(error) })),
    );
    return () => {
      current = false;
    };
  }, [key, version]);

  const reload = useCallback(() => setVersion((count) => count + 1), []);
  const own = state.key === key;
  return {
    data: own ? state.data : undefined,
    loading: own ? state.loading : true,
    problem: own ? state.problem : null,
    reload,
  };
}
