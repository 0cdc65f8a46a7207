import type Database from 'better-sqlite3';
import type { StatsDimension } from '@haven/shared';
import { groupsOf, type GroupedRow } from '../stats';
import type { StatsFilter, StatsGroup, StatsStore } from '../types';
import { StatementCache } from './statements';

const COLUMNS: Record<StatsDimension, string> = {
  category: 'category',
  month: 'month',
  country: 'country',
  status: 'status',
  severity: 'severity',
  platform: 'platform',
  // The case's set of targets as JSON (sorted, see `storedTargets`); split by `groupsOf`.
  target: 'targets',
};

/** Whole days, as `daysBetween` counts them; NULL until the milestone is reached. */
const days = (column: string) => `max(0, (${column} - created_at) / 86400000)`;

type Params = Record<string, string | number>;

/**
 * Breakdowns as one GROUP BY over `cases_stats` (migration 7), an index holding every column a
 * breakdown reads: the scan never touches the cases themselves. The rows are grouped by the
 * dimensions and by the days to triage and to resolution together, so that one sort yields the
 * counts and both day distributions of every group.
 */
export class SqliteStatsStore implements StatsStore {
  private readonly sql: StatementCache;

  constructor(db: Database.Database) {
    this.sql = new StatementCache(db);
  }

  async breakdown(query: { dims: StatsDimension[]; filter: StatsFilter }): Promise<StatsGroup[]> {
    const params: Params = {};
    const where = conditions(query.filter, params);
    if (query.dims.includes('target')) where.push(`targets != '[]'`);
    const keys = query.dims.map((dim, index) => `${COLUMNS[dim]} AS key${index}`);
    const groupBy = query.dims.map((_, index) => `key${index}`);
    // INDEXED BY: the planner would otherwise take a narrower index that matches a filter (the
    // creation time, say) and read every matching case from the table.
    const sql = `SELECT ${keys.join(', ')},
        ${days('triaged_at')} AS triage_days, ${days('resolved_at')} AS resolution_days,
        count(*) AS count
      FROM cases INDEXED BY cases_stats
      ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      GROUP BY ${[...groupBy, 'triage_days', 'resolution_days'].join(', ')}`;
    const rows = this.sql.get<unknown[]>(sql).raw().all(params) as unknown[][];
    return groupsOf(rows.map((row) => toGroupedRow(row, query.dims)));
  }
}

function conditions(filter: StatsFilter, params: Params): string[] {
  const where: string[] = [];
  const list = (name: string, values: string[]) => {
    values.forEach((value, index) => (params[`${name}${index}`] = value));
    return `(${values.map((_, index) => `@${name}${index}`).join(', ') || 'NULL'})`;
  };
  if (filter.from !== undefined) {
    where.push('created_at >= @from');
    params.from = filter.from.getTime();
  }
  if (filter.to !== undefined) {
    where.push('created_at < @to');
    params.to = filter.to.getTime();
  }
  if (filter.category !== undefined) {
    where.push('category = @category');
    params.category = filter.category;
  }
  if (filter.country !== undefined) {
    where.push('country = @country');
    params.country = filter.country;
  }
  if (filter.status) where.push(`status IN ${list('status', filter.status)}`);
  if (filter.severity) {
    const named = filter.severity.filter((value): value is string => value !== null);
    const none = named.length < filter.severity.length;
    const clauses = [
      `severity IN ${list('severity', named)}`,
      ...(none ? ['severity IS NULL'] : []),
    ];
    where.push(`(${clauses.join(' OR ')})`);
  }
  return where;
}

function toGroupedRow(row: unknown[], dims: StatsDimension[]): GroupedRow {
  const count = dims.length;
  return {
    keys: dims.map((dim, index) => {
      const value = row[index] as string | null;
      return dim === 'target' ? (JSON.parse(value ?? '[]') as string[]) : value;
    }),
    triageDays: row[count] as number | null,
    resolutionDays: row[count + 1] as number | null,
    count: row[count + 2] as number,
  };
}
