import { useEffect, useState } from 'preact/hooks';
import { liveQuery } from 'dexie';

/**
 * Preact binding for Dexie's liveQuery: re-runs `query` whenever the tables it
 * read change (in this or another extension page) and re-renders with the
 * result. `deps` re-subscribes when the query's inputs change.
 * Returns `initial` until the first result; errors land in `error`.
 */
export function useLiveQuery<T>(query: () => T | Promise<T>, deps: unknown[], initial: T): { value: T; error?: string } {
  const [state, setState] = useState<{ value: T; error?: string }>({ value: initial });
  useEffect(() => {
    const sub = liveQuery(query).subscribe({
      next: (value) => setState({ value }),
      error: (err: unknown) => setState((s) => ({ value: s.value, error: err instanceof Error ? err.message : String(err) })),
    });
    return () => sub.unsubscribe();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return state;
}
