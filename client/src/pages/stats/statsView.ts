import {
  CASE_STATUSES,
  SEVERITIES,
  STATS_DIMENSIONS,
  StatsQuerySchema,
  type CaseStatus,
  type StatsDimension,
} from '@haven/shared';
import type { SchemaIssue } from '../../forms/formErrors';

/**
 * The breakdown the page shows, read from and written to its query string, so a reload, a link
 * or the back button bring back the same form. The query string is the API's own query.
 */

export const SEVERITY_CHOICES = [...SEVERITIES, 'none'] as const;
export type SeverityChoice = (typeof SEVERITY_CHOICES)[number];

/** The epsilon offered when noise is first turned on: a common, moderate choice. */
export const DEFAULT_EPSILON = '1';

export interface StatsView {
  rows: StatsDimension;
  /** `''`: a breakdown by one dimension. */
  columns: StatsDimension | '';
  /** Months, `YYYY-MM`; `''` for no bound. */
  from: string;
  to: string;
  category: string;
  country: string;
  /** None chosen: every status. */
  status: CaseStatus[];
  severity: SeverityChoice[];
  noise: boolean;
  epsilon: string;
}

export const DEFAULT_VIEW: StatsView = {
  rows: 'category',
  columns: '',
  from: '',
  to: '',
  category: '',
  country: '',
  status: [],
  severity: [],
  noise: false,
  epsilon: DEFAULT_EPSILON,
};

const isOneOf = <T extends string>(allowed: readonly T[], value: string | undefined): value is T =>
  allowed.includes(value as T);

/** Chosen values of a comma-separated list, in the list's own order; unknown ones are dropped. */
const listOf = <T extends string>(allowed: readonly T[], value: string | null): T[] => {
  const chosen = new Set(value?.split(',') ?? []);
  return allowed.filter((item) => chosen.has(item));
};

/** Whether the query string asks for a breakdown at all (a first visit does not). */
export function isRequested(search: URLSearchParams): boolean {
  return search.has('dims');
}

/**
 * The view a query string asks for. Choices from a list fall back to the default when unknown;
 * typed values are kept as they are, for the schema to judge.
 */
export function readView(search: URLSearchParams): StatsView {
  const text = (name: string) => search.get(name)?.trim() ?? '';
  const [first, second] = text('dims').split(',');
  const rows = isOneOf(STATS_DIMENSIONS, first) ? first : DEFAULT_VIEW.rows;
  const dp = search.get('dp');
  return {
    rows,
    columns: isOneOf(STATS_DIMENSIONS, second) && second !== rows ? second : '',
    from: text('from'),
    to: text('to'),
    category: text('category'),
    country: text('country').toUpperCase(),
    status: listOf(CASE_STATUSES, search.get('status')),
    severity: listOf(SEVERITY_CHOICES, search.get('severity')),
    noise: dp !== null,
    epsilon: dp?.trim() || DEFAULT_EPSILON,
  };
}

/** The query string of a view: what the API is asked, with only the filters in use. */
export function writeView(view: StatsView): URLSearchParams {
  const search = new URLSearchParams();
  search.set('dims', view.columns ? `${view.rows},${view.columns}` : view.rows);
  for (const name of ['from', 'to', 'category', 'country'] as const) {
    if (view[name]) search.set(name, view[name]);
  }
  if (view.status.length > 0) search.set('status', view.status.join(','));
  if (view.severity.length > 0) search.set('severity', view.severity.join(','));
  if (view.noise) search.set('dp', view.epsilon);
  return search;
}

/** What the API's schema finds wrong with a view, by the query's field names. */
export function viewIssues(view: StatsView): SchemaIssue[] {
  const parsed = StatsQuerySchema.safeParse(Object.fromEntries(writeView(view)));
  return parsed.success ? [] : (parsed.error.issues as SchemaIssue[]);
}

/** Whether a query string asks for noise: such a release spends privacy budget each time. */
export function isNoisy(query: string): boolean {
  return new URLSearchParams(query).has('dp');
}
