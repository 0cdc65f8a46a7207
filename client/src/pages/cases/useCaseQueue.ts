import { CaseQueueQuerySchema, type CaseSummary } from '@haven/shared';
import { useEffect, useMemo, useState } from 'react';
import { listCases } from '../../api/cases';
import type { SchemaIssue } from '../../forms/formErrors';
import { apiQuery, readView, tabCount, writeView, type QueueView } from './queueView';

const PAGE_SIZE = 25;

export interface QueueResult {
  items: CaseSummary[];
  nextCursor: string | null;
  /** Cases per status under the filters (with the filter bar's assignee): the status tabs. */
  counts: Record<string, number>;
  /** Open cases assigned to the reader under the other filters: the "mine" tab. */
  mineCount: number;
}

type Loaded = { key: string; result: QueueResult | null; error: unknown };

/**
 * The queue for a view: its first page, then more on request, and the counts of every tab. Two
 * requests: the view's own, and one for the counts the first cannot give (the "mine" tab's
 * counts while another tab is open, and the other way round).
 */
export function useCaseQueue(view: QueueView) {
  const key = writeView(view).toString();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);

  // The view is checked against the API's schema first: a hand-edited address gets field errors.
  // Everything is derived from the key, which says all the view says.
  const { mine, mainQuery, countsQuery, issues } = useMemo(() => {
    const keyed = readView(new URLSearchParams(key));
    const onMine = keyed.tab === 'mine';
    const main = apiQuery(keyed, { mine: onMine, withStatus: true, limit: PAGE_SIZE });
    const parsed = CaseQueueQuerySchema.safeParse(main);
    return {
      mine: onMine,
      mainQuery: main,
      countsQuery: apiQuery(keyed, { mine: !onMine, withStatus: false, limit: 1 }),
      issues: parsed.success ? [] : (parsed.error.issues as SchemaIssue[]),
    };
  }, [key]);

  useEffect(() => {
    if (issues.length > 0) return;
    let cancelled = false;
    Promise.all([
      listCases(new URLSearchParams(mainQuery)),
      listCases(new URLSearchParams(countsQuery)),
    ]).then(
      ([main, other]) => {
        if (cancelled) return;
        setLoaded({
          key,
          error: null,
          result: {
            items: main.items,
            nextCursor: main.nextCursor,
            counts: mine ? other.counts : main.counts,
            mineCount: tabCount('mine', mine ? main.counts : other.counts),
          },
        });
      },
      (error: unknown) => {
        if (!cancelled) setLoaded({ key, error, result: null });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [key, mine, mainQuery, countsQuery, issues]);

  /** Appends the next page; answers whether it came. */
  async function loadMore(): Promise<boolean> {
    const current = loaded?.result;
    if (!current?.nextCursor || loadingMore) return false;
    setLoadingMore(true);
    try {
      const page = await listCases(
        new URLSearchParams({ ...mainQuery, cursor: current.nextCursor }),
      );
      setLoaded((state) =>
        state?.key === key && state.result
          ? {
              ...state,
              error: null,
              result: {
                ...state.result,
                items: [...state.result.items, ...page.items],
                nextCursor: page.nextCursor,
              },
            }
          : state,
      );
      return true;
    } catch (error) {
      setLoaded((state) => (state?.key === key ? { ...state, error } : state));
      return false;
    } finally {
      setLoadingMore(false);
    }
  }

  const current = loaded?.key === key ? loaded : null;
  return {
    /** The view's filters break the API's rules: nothing was asked. */
    issues,
    /** A new view is being fetched; `result` is still the previous one's meanwhile. */
    loading: issues.length === 0 && current === null,
    loadingMore,
    result: issues.length === 0 ? (loaded?.result ?? null) : null,
    error: current?.error ?? null,
    loadMore,
  };
}
