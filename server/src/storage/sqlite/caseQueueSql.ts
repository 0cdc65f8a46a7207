import { CASE_STATUSES, CLOSED_STATUSES } from '@haven/shared';
import { decodeCursor } from '../cursor';
import { searchTerms, severityRank, sortKeyCount } from '../queue';
import type { CaseFilter, CaseQuery, CaseSort } from '../types';

/**
 * The SQL of the triage queue on SQLite. A query is driven by the index of its narrowest kind of
 * filter, one that also holds the status and the order's columns, so that a first page is an
 * ordered, limited index scan (or a bounded one) rather than a sort of every match (see
 * migrations 4 and 6 for the indexes):
 * - free text: the full-text index, keyed by the case's `text_key`, which grows with the
 *   creation time, so its matches come newest (or oldest) first. Its facets column holds each
 *   case's status and severity rank as tokens, so a search in some states finds only their
 *   matches, and a search by priority is read one rank at a time. Each such match is looked up
 *   in an index holding the order's columns, and only the page's cases are read;
 * - else a tag: `case_tags`, which keeps each tagged case's status and order columns, so that a
 *   tag has an ordered index per state;
 * - else the indexes on `cases` that start with the status.
 * A list in several states runs as one ordered, limited scan per state merged by a last sort of
 * at most states × limit rows: SQLite cannot merge the ranges of an `IN` itself.
 */

export type Params = Record<string, string | number>;

export interface Statement {
  sql: string;
  params: Params;
}

/** A case's text key is its creation time in milliseconds times this, plus a serial. */
export const TEXT_KEYS_PER_MS = 1_048_576;

/**
 * A case's facets in the full-text index (as migration 6 writes them): its status token, that
 * token with `r` and its severity rank, and `r` with the rank.
 */
export function facetsOf(status: string, severityRank: number): string {
  const token = statusToken(status);
  return `${token} ${token}r${severityRank} r${severityRank}`;
}

/** A status as one token: `s` and its UTF-8 bytes in hex. */
function statusToken(status: string): string {
  return `s${Buffer.from(status, 'utf8').toString('hex')}`;
}

/** The severity ranks, most urgent first: critical 0 … none 4. */
const RANKS = Array.from({ length: severityRank(null) + 1 }, (_, rank) => rank);

/** The columns a case's status and order are read from (`case_tags` copies them). */
type KeyColumn = 'status' | 'severity_rank' | 'sla_due_at' | 'created_at' | 'id';

/** The columns of each order (before `id`) and its direction. */
const ORDERS: Record<CaseSort, { columns: KeyColumn[]; direction: 'ASC' | 'DESC' }> = {
  priority: { columns: ['severity_rank', 'sla_due_at', 'created_at'], direction: 'ASC' },
  newest: { columns: ['created_at'], direction: 'DESC' },
  oldest: { columns: ['created_at'], direction: 'ASC' },
  slaDue: { columns: ['sla_due_at'], direction: 'ASC' },
};

/**
 * The matches of a text query and their cases. CROSS JOIN: the full-text index drives, SQLite
 * does not reorder it. The index named holds what the status filter and the orders need of each
 * match (SQLite would take the unique one and read every case).
 */
const TEXT_MATCHES = `cases_fts CROSS JOIN cases c INDEXED BY cases_by_text_key_queue
  ON c.text_key = cases_fts.rowid`;

/** Where a query reads from; the cases are always `c`. */
interface Source {
  kind: 'cases' | 'tag' | 'text';
  /** The FROM clause; `withCases` false leaves the cases out where the source allows it. */
  from(withCases: boolean): string;
  /** Where the status and order columns are read: the tag's row for a tag, else the case. */
  key(column: KeyColumn): string;
  /** The source's own conditions: the tag, or the words. */
  where: string[];
}

/**
 * The statements that list the first `query.limit + 1` cases of the queue after the cursor (one
 * more tells that more follow): each yields at most that many, in order, and all of one come
 * before any of the next, so the caller reads them in turn until it has enough.
 */
export function listStatements(query: CaseQuery): Statement[] {
  const params: Params = { limit: query.limit + 1 };
  const statuses = statusesOf(query);
  const source = sourceOf(query, statuses, params);
  const where = [...source.where, ...conditions(query, params, source.key, () => {})];
  const order = ORDERS[query.sort];
  const keys: KeyColumn[] = [...order.columns, 'id'];
  const position = query.cursor && decodeCursor(query.cursor, sortKeyCount(query.sort));
  if (position) {
    const values = [...position.keys, position.id];
    values.forEach((value, index) => (params[`cursor${index}`] = value));
    const names = values.map((_, index) => `@cursor${index}`);
    const comparison = order.direction === 'DESC' ? '<' : '>';
    where.push(`(${keys.map(source.key).join(', ')}) ${comparison} (${names.join(', ')})`);
  }
  const orderBy = (column: (key: KeyColumn) => string) =>
    `ORDER BY ${keys.map((key) => `${column(key)} ${order.direction}`).join(', ')}`;

  if (source.kind === 'text') {
    if (statuses) where.push(statusIn(statuses, params, source.key));
    const matches = `${source.from(true)} ${whereClause(where)}`;
    switch (query.sort) {
      case 'newest':
      case 'oldest':
        return [{ sql: textInCreationOrder(query.sort, matches, Boolean(position)), params }];
      case 'priority': {
        // One rank at a time, from the cursor's on: each a narrow search of its own.
        const sql = textPage(`${matches} AND c.severity_rank = @rank`, orderBy);
        return ranksOf(query)
          .filter((rank) => !position || rank >= position.keys[0]!)
          .map((rank) => ({
            sql,
            params: { ...params, rank, text: textMatch(query.text!, rankFacets(statuses, rank)) },
          }));
      }
      case 'slaDue':
        return [{ sql: textPage(matches, orderBy), params }];
    }
  }
  if (statuses && statuses.length > 1) {
    const arms = statuses.map((status, index) => {
      params[`status${index}`] = status;
      const armWhere = [`${source.key('status')} = @status${index}`, ...where];
      return `SELECT * FROM (SELECT c.* FROM ${source.from(true)} ${whereClause(armWhere)}
        ${orderBy(source.key)} LIMIT @limit)`;
    });
    return [{ sql: `${arms.join(' UNION ALL ')} ${orderBy((key) => key)} LIMIT @limit`, params }];
  }
  if (statuses) where.push(statusIn(statuses, params, source.key));
  const sql = `SELECT c.* FROM ${source.from(true)} ${whereClause(where)}
    ${orderBy(source.key)} LIMIT @limit`;
  return [{ sql, params }];
}

/**
 * Free text, newest or oldest first: the full-text index yields the matches in creation order
 * (by text key), so the first `limit` of them reach back to some millisecond; only matches of
 * that millisecond or later can be on the page, and only those are read and sorted (ties within
 * a millisecond are ordered by id, which the text key does not follow). After a cursor, the
 * index starts at the cursor's millisecond. (A forged time past the keys' range makes that bound
 * a REAL, which FTS5 takes as no bound: still correct.)
 */
function textInCreationOrder(
  sort: 'newest' | 'oldest',
  matchesWhere: string,
  afterCursor: boolean,
): string {
  let matches = matchesWhere;
  if (afterCursor) {
    matches +=
      sort === 'newest'
        ? ` AND cases_fts.rowid < (@cursor0 + 1) * ${TEXT_KEYS_PER_MS}`
        : ` AND cases_fts.rowid >= @cursor0 * ${TEXT_KEYS_PER_MS}`;
  }
  const direction = ORDERS[sort].direction;
  const first = `SELECT c.created_at FROM ${matches}
    ORDER BY cases_fts.rowid ${direction} LIMIT @limit`;
  const reach =
    sort === 'newest'
      ? `cases_fts.rowid >= (SELECT min(created_at) FROM (${first})) * ${TEXT_KEYS_PER_MS}`
      : `cases_fts.rowid < (SELECT max(created_at) + 1 FROM (${first})) * ${TEXT_KEYS_PER_MS}`;
  return `SELECT c.* FROM ${matches} AND ${reach}
    ORDER BY c.created_at ${direction}, c.id ${direction} LIMIT @limit`;
}

/** Free text in another order: every match ordered on the index, only the page's cases read. */
function textPage(
  matchesWhere: string,
  orderBy: (column: (key: KeyColumn) => string) => string,
): string {
  return `SELECT * FROM cases WHERE rowid IN (
      SELECT c.rowid FROM ${matchesWhere} ${orderBy((key) => `c.${key}`)} LIMIT @limit)
    ${orderBy((key) => key)} LIMIT @limit`;
}

/** The severity ranks a priority list may hold, most urgent first. */
function ranksOf(filter: CaseFilter): number[] {
  const allowed = filter.severity && new Set(filter.severity.map(severityRank));
  return RANKS.filter((rank) => !allowed || allowed.has(rank));
}

/** The facet tokens of one severity rank in the given states (or in any). */
function rankFacets(statuses: string[] | undefined, rank: number): string[] {
  return statuses ? statuses.map((status) => `${statusToken(status)}r${rank}`) : [`r${rank}`];
}

/**
 * The full-text query: each word quoted, which FTS5 reads as a plain string, all required, in
 * the text column; and any of the facet tokens, if some are given.
 */
function textMatch(text: string, facets: string[] | undefined): string {
  const words = `{text}: (${searchTerms(text)
    .map((term) => `"${term}"`)
    .join(' ')})`;
  if (!facets?.length) return words;
  return `${words} AND {facets}: (${facets.map((facet) => `"${facet}"`).join(' OR ')})`;
}

/**
 * How many cases match `filter` in each state, leaving out states with none: from the per-status
 * counters when nothing is filtered; else counted through the source's index (the tag's rows
 * alone when no other filter needs the case); and on the cases, by category or country over the
 * index that ends with the status, otherwise one count per state (the counters list them all)
 * over the indexes that start with it (by assignee, severity, SLA, creation time, unread).
 */
export function countStatement(filter: Omit<CaseFilter, 'status'>): Statement {
  const params: Params = {};
  const statuses = statusesOf(filter);
  const source = sourceOf(filter, statuses, params);
  let needsCase = false;
  const where = [
    ...source.where,
    ...conditions(filter, params, source.key, () => (needsCase = true)),
  ];
  if (statuses) where.push(statusIn(statuses, params, source.key));
  if (where.length === 0) {
    return { sql: 'SELECT status, count FROM case_counts WHERE count > 0', params };
  }
  if (source.kind === 'cases' && filter.category === undefined && filter.country === undefined) {
    const perState = `SELECT status,
        (SELECT count(*) FROM cases c WHERE c.status = counted.status AND ${where.join(' AND ')})
          AS count
      FROM case_counts AS counted`;
    return { sql: `SELECT status, count FROM (${perState}) WHERE count > 0`, params };
  }
  const sql = `SELECT ${source.key('status')} AS status, count(*) AS count
    FROM ${source.from(needsCase)} ${whereClause(where)} GROUP BY 1`;
  return { sql, params };
}

/** `statuses`: those of `statusesOf`, which a text query also asks of the full-text index. */
function sourceOf(filter: CaseFilter, statuses: string[] | undefined, params: Params): Source {
  const onCase = (column: KeyColumn) => `c.${column}`;
  if (filter.text !== undefined) {
    const terms = searchTerms(filter.text);
    // Nothing to search for (only punctuation): nothing matches.
    if (terms.length === 0) {
      return { kind: 'cases', from: () => 'cases c', key: onCase, where: ['0'] };
    }
    // The states narrow the matches in the index; the status is still checked on the case's.
    params.text = textMatch(filter.text, statuses?.map(statusToken));
    const where = ['cases_fts MATCH @text'];
    if (filter.tag !== undefined) where.push(tagProbe(filter.tag, params));
    return {
      kind: 'text',
      from: () => TEXT_MATCHES,
      key: onCase,
      where,
    };
  }
  if (filter.tag !== undefined) {
    params.tag = filter.tag;
    return {
      kind: 'tag',
      from: (withCases) =>
        withCases ? 'case_tags t CROSS JOIN cases c ON c.id = t.case_id' : 'case_tags t',
      key: (column) => (column === 'id' ? 't.case_id' : `t.${column}`),
      where: ['t.tag = @tag'],
    };
  }
  return { kind: 'cases', from: () => 'cases c', key: onCase, where: [] };
}

/** A probe per case the driving index yields, rather than a list of every tagged case. */
function tagProbe(tag: string, params: Params): string {
  params.tag = tag;
  return 'EXISTS (SELECT 1 FROM case_tags WHERE tag = @tag AND case_id = c.id)';
}

/**
 * The states a query may match, or `undefined` for any: its status filter, less the closed
 * states when it asks for overdue cases (which lets an overdue list use the per-state scans).
 */
function statusesOf(filter: CaseFilter): string[] | undefined {
  if (filter.overdueAt === undefined) return filter.status && [...new Set(filter.status)];
  const closed = CLOSED_STATUSES as readonly string[];
  return [...new Set(filter.status ?? CASE_STATUSES)].filter((status) => !closed.includes(status));
}

function statusIn(statuses: string[], params: Params, key: Source['key']): string {
  return `${key('status')} IN ${bindList('status', statuses, params)}`;
}

/**
 * The conditions of every filter but the status (see `statusesOf`), the tag and the text (see
 * `sourceOf`), binding their values; `usesCase` is told when one needs the case's own row.
 */
function conditions(
  filter: CaseFilter,
  params: Params,
  key: Source['key'],
  usesCase: () => void,
): string[] {
  const where: string[] = [];
  const onCase = (condition: string) => {
    usesCase();
    where.push(condition);
  };
  if (filter.category !== undefined) {
    onCase('c.category = @category');
    params.category = filter.category;
  }
  if (filter.severity) {
    // The rank stands for the severity (and 4 for none), and is what the priority index holds.
    const ranks = [...new Set(filter.severity.map(severityRank))];
    where.push(`${key('severity_rank')} IN ${bindList('rank', ranks, params)}`);
  }
  if (filter.tlp) onCase(`c.tlp IN ${bindList('tlp', filter.tlp, params)}`);
  if (filter.assigneeId === null) onCase('c.assignee_id IS NULL');
  else if (filter.assigneeId !== undefined) {
    onCase('c.assignee_id = @assignee');
    params.assignee = filter.assigneeId;
  }
  if (filter.country !== undefined) {
    onCase('c.country = @country');
    params.country = filter.country;
  }
  if (filter.overdueAt !== undefined) {
    where.push(`${key('sla_due_at')} < @overdue`);
    params.overdue = filter.overdueAt.getTime();
  }
  if (filter.createdFrom !== undefined) {
    where.push(`${key('created_at')} >= @created_from`);
    params.created_from = filter.createdFrom.getTime();
  }
  if (filter.createdTo !== undefined) {
    where.push(`${key('created_at')} < @created_to`);
    params.created_to = filter.createdTo.getTime();
  }
  // Written as the partial index `cases_unread` says it, so that the index applies.
  if (filter.unreadOnly) onCase('c.unread_from_reporter > 0');
  return where;
}

function bindList(name: string, values: (string | number)[], params: Params): string {
  values.forEach((value, index) => (params[`${name}${index}`] = value));
  return `(${values.map((_, index) => `@${name}${index}`).join(', ') || 'NULL'})`;
}

function whereClause(where: string[]): string {
  return where.length ? `WHERE ${where.join(' AND ')}` : '';
}
