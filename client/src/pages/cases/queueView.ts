import {
  CASE_SORTS,
  CASE_STATUSES,
  CLOSED_STATUSES,
  SEVERITIES,
  TLP_LABELS,
  type CaseSortName,
  type CaseStatus,
} from '@haven/shared';

/**
 * What the queue shows, read from and written to the page's query string, so a reload, a link
 * or the back button bring back the same view. The API's own query is made from it.
 */

export const QUEUE_TABS = [
  'new',
  'triaged',
  'investigating',
  'escalated',
  'resolved',
  'finished',
  'mine',
] as const;
export type QueueTab = (typeof QUEUE_TABS)[number];

/** The cases still being worked on: what "mine" lists. */
const OPEN_STATUSES = CASE_STATUSES.filter((status) => !CLOSED_STATUSES.includes(status));

/** The statuses each tab lists. */
export const TAB_STATUSES: Record<QueueTab, readonly CaseStatus[]> = {
  new: ['new'],
  triaged: ['triaged'],
  investigating: ['investigating'],
  escalated: ['escalated'],
  resolved: ['resolved'],
  finished: ['closed', 'rejected', 'duplicate'],
  mine: OPEN_STATUSES,
};

export const SEVERITY_FILTERS = ['', 'none', ...SEVERITIES] as const;
export const TLP_FILTERS = ['', ...TLP_LABELS] as const;
/** `''`: anyone or nobody. */
export const ASSIGNEE_FILTERS = ['', 'me', 'none'] as const;

export interface QueueFilters {
  category: string;
  severity: (typeof SEVERITY_FILTERS)[number];
  tlp: (typeof TLP_FILTERS)[number];
  assignee: (typeof ASSIGNEE_FILTERS)[number];
  country: string;
  overdue: boolean;
  unread: boolean;
  from: string;
  to: string;
  tag: string;
  q: string;
}

export interface QueueView {
  tab: QueueTab;
  sort: CaseSortName;
  filters: QueueFilters;
}

export const NO_FILTERS: QueueFilters = {
  category: '',
  severity: '',
  tlp: '',
  assignee: '',
  country: '',
  overdue: false,
  unread: false,
  from: '',
  to: '',
  tag: '',
  q: '',
};

const oneOf = <T extends string>(allowed: readonly T[], value: string | null, fallback: T): T =>
  allowed.includes(value as T) ? (value as T) : fallback;

/** The view a query string asks for; anything unknown or malformed falls back to the default. */
export function readView(search: URLSearchParams): QueueView {
  const text = (name: string) => search.get(name)?.trim() ?? '';
  return {
    tab: oneOf(QUEUE_TABS, search.get('tab'), 'new'),
    sort: oneOf(CASE_SORTS, search.get('sort'), 'priority'),
    filters: {
      category: text('category'),
      severity: oneOf(SEVERITY_FILTERS, search.get('severity'), ''),
      tlp: oneOf(TLP_FILTERS, search.get('tlp'), ''),
      assignee: oneOf(ASSIGNEE_FILTERS, search.get('assignee'), ''),
      country: text('country').toUpperCase(),
      overdue: search.get('overdue') === 'true',
      unread: search.get('unread') === 'true',
      from: text('from'),
      to: text('to'),
      tag: text('tag'),
      q: text('q'),
    },
  };
}

/** The query string of a view, with only what differs from the default. */
export function writeView(view: QueueView): URLSearchParams {
  const search = new URLSearchParams();
  if (view.tab !== 'new') search.set('tab', view.tab);
  for (const [name, value] of Object.entries(view.filters)) {
    if (value === true) search.set(name, 'true');
    else if (typeof value === 'string' && value !== '') search.set(name, value);
  }
  if (view.sort !== 'priority') search.set('sort', view.sort);
  return search;
}

export function hasFilters(filters: QueueFilters): boolean {
  return Object.entries(filters).some(([name, value]) => value !== NO_FILTERS[name as 'q']);
}

/**
 * The API's query for a view: the filters, and `assignee=me` on the "mine" tab. `withStatus`
 * false leaves the statuses out, for the counts of the other tabs (the API counts every status
 * of the cases matching all other filters).
 */
export function apiQuery(
  view: QueueView,
  options: { mine: boolean; withStatus: boolean; limit: number },
): Record<string, string> {
  const { filters } = view;
  const query: Record<string, string> = { sort: view.sort, limit: String(options.limit) };
  if (options.withStatus) query.status = TAB_STATUSES[view.tab].join(',');
  if (filters.category) query.category = filters.category;
  if (filters.severity) query.severity = filters.severity;
  if (filters.tlp) query.tlp = filters.tlp;
  if (options.mine) query.assignee = 'me';
  else if (filters.assignee) query.assignee = filters.assignee;
  if (filters.country) query.country = filters.country;
  if (filters.overdue) query.overdue = 'true';
  if (filters.unread) query.unread = 'true';
  if (filters.from) query.from = filters.from;
  if (filters.to) query.to = filters.to;
  if (filters.tag) query.tag = filters.tag;
  if (filters.q) query.q = filters.q;
  return query;
}

/** A tab's count from the API's counts per status. */
export function tabCount(tab: QueueTab, counts: Record<string, number>): number {
  return TAB_STATUSES[tab].reduce((sum, status) => sum + (counts[status] ?? 0), 0);
}
