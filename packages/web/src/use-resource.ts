/**
 * @module use-resource
 * Loads what a page shows, again whenever its inputs change, and forgets answers that arrive after the
 * page moved on (the request is aborted). Errors are kept for the page to show, never swallowed.
 * @example const { data, error, loading, reload } = useResource((signal) => getAlert(id, signal), [id]);
 */
import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react';

export interface Resource<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  /** Load again with the same inputs (after a decision, say), keeping the current data on screen meanwhile. */
  reload: () => void;
}

export function useResource<T>(load: (signal: AbortSignal) => Promise<T>, deps: DependencyList): Resource<T> {
  const [state, setState] = useState<{ data?: T; error?: unknown; loading: boolean }>({ loading: true });
  const [generation, setGeneration] = useState(0);
  // New inputs (another record) must not show the old record while loading; a reload may.
  const keepData = useRef(false);
  useEffect(() => {
    const controller = new AbortController();
    const keep = keepData.current;
    keepData.current = false;
    setState((s) => (keep ? { data: s.data, loading: true } : { loading: true }));
    load(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ data, loading: false });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ error, loading: false });
      },
    );
    return () => controller.abort();
    // The caller's deps decide when to load again: `load` is a new closure on every render.
  }, [...deps, generation]);
  const reload = useCallback(() => {
    keepData.current = true;
    setGeneration((g) => g + 1);
  }, []);
  return { data: state.data, error: state.error, loading: state.loading, reload };
}
