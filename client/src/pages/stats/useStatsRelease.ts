import type { PrivacyBudget, StatsTable } from '@haven/shared';
import { useCallback, useEffect, useRef, useState } from 'react';
import { fetchPrivacyBudget, fetchStats } from '../../api/stats';
import { isNoisy } from './statsView';

type Released = { query: string; table: StatsTable | null; error: unknown };

interface ReleaseState {
  table: StatsTable | null;
  error: unknown;
  loading: boolean;
  /** The query adds noise and no release of it is in memory: it waits for an explicit one. */
  awaitingRelease: boolean;
}

const IDLE: ReleaseState = { table: null, error: null, loading: false, awaitingRelease: false };

/**
 * The published table for a query string (`null`: none asked). A table without noise is fetched
 * whenever the address names it. A noisy one costs privacy budget on every release, so only
 * `release` (the user's own "Show") fetches it; going back to one already paid for shows it again
 * from memory.
 */
export function useStatsRelease(query: string | null) {
  const [released, setReleased] = useState<Released | null>(null);
  const [noisyKept, setNoisyKept] = useState<ReadonlyMap<string, StatsTable>>(new Map());
  const [pending, setPending] = useState<string | null>(null);
  const [budget, setBudget] = useState<PrivacyBudget | null>(null);
  // The balance before any release this visit; a noisy release's answer then replaces it.
  useEffect(() => {
    fetchPrivacyBudget().then(
      (balance) => setBudget((known) => known ?? balance),
      () => undefined, // the form then says the balance is not known yet
    );
  }, []);
  // The newest request wins: an older answer arriving late is dropped.
  const latest = useRef(0);

  const fetchRelease = useCallback((next: string) => {
    const id = ++latest.current;
    fetchStats(new URLSearchParams(next)).then(
      (table) => {
        if (table.noise) {
          setBudget(table.noise.budget);
          setNoisyKept((kept) => new Map(kept).set(next, table));
        }
        if (id !== latest.current) return;
        setReleased({ query: next, table, error: null });
        setPending(null);
      },
      (error: unknown) => {
        if (id !== latest.current) return;
        setReleased({ query: next, table: null, error });
        setPending(null);
      },
    );
  }, []);

  /** Fetches the query's table now, even one already shown: "Show" asks for a fresh release. */
  const release = useCallback(
    (next: string) => {
      setPending(next);
      fetchRelease(next);
    },
    [fetchRelease],
  );

  const noisy = query !== null && isNoisy(query);
  useEffect(() => {
    if (query !== null && !noisy) fetchRelease(query);
  }, [query, noisy, fetchRelease]);

  return {
    ...stateOf(query, pending, released, noisyKept),
    /** What the last noisy release said was left of the month's budget. */
    budget,
    release,
  };
}

function stateOf(
  query: string | null,
  pending: string | null,
  released: Released | null,
  noisyKept: ReadonlyMap<string, StatsTable>,
): ReleaseState {
  if (query === null) return IDLE;
  if (pending === query) return { ...IDLE, loading: true };
  if (released?.query === query) {
    return { ...IDLE, table: released.table, error: released.error };
  }
  // The effect is fetching it.
  if (!isNoisy(query)) return { ...IDLE, loading: true };
  const kept = noisyKept.get(query);
  return kept ? { ...IDLE, table: kept } : { ...IDLE, awaitingRelease: true };
}
