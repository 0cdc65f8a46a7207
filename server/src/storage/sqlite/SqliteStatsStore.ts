import type { StatsDimension } from '@haven/shared';
import { groupsOf, type GroupedRow } from '../stats';
import type { StatsFilter, StatsGroup, StatsStore } from '../types';
import { StatsScan, type Params, type Tally } from './statsScan';

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

/** Days to triage and to resolution packed into one integer, `NONE` for "not yet". */
const NONE = 65_535;
/** Whole days, as `daysBetween` counts them; NULL until the milestone is reached. */
const days = (column: string) => `min(${NONE - 1}, max(0, (${column} - created_at) / 86400000))`;
const PACKED_DAYS = `coalesce(${days('triaged_at')}, ${NONE}) * ${NONE + 1}
  + coalesce(${days('resolved_at')}, ${NONE})`;

/**
 * Breakdowns as one scan of `cases_stats` (migration 7), an index holding every column a
 * breakdown reads, so the scan never touches the cases themselves. The scan feeds an aggregate
 * function that tallies cases by the dimensions and the days to triage and to resolution in a
 * hash table, split over worker threads (see `StatsScan`): SQLite's own GROUP BY sorts every row
 * first, which at 1,000,000 cases costs twice the time on one core (bench/README.md). Only the
 * tally is ever held, never a case.
 */
export class SqliteStatsStore implements StatsStore {
  private readonly scan: StatsScan;

  constructor(file: string) {
    this.scan = new StatsScan(file);
  }

  async breakdown(query: { dims: StatsDimension[]; filter: StatsFilter }): Promise<StatsGroup[]> {
    const params: Params = {};
    const where = conditions(query.filter, params);
    if (query.dims.includes('target')) where.push(`targets != '[]'`);
    where.push('created_at % @parts = @part');
    const [first, second] = query.dims.map((dim) => COLUMNS[dim]);
    // INDEXED BY: the planner would otherwise take a narrower index that matches a filter (the
    // creation time, say) and read every matching case from the table.
    const sql = `SELECT haven_stats_tally(${first}, ${second ?? 'NULL'}, ${PACKED_DAYS})
      FROM cases INDEXED BY cases_stats WHERE ${where.join(' AND ')}`;
    return groupsOf(rowsOf(await this.scan.run(sql, params), query.dims));
  }

  close(): Promise<void> {
    return this.scan.close();
  }
}

function* rowsOf(tally: Tally, dims: StatsDimension[]): Generator<GroupedRow> {
  const key = (dim: StatsDimension | undefined, value: string | null) =>
    dim === 'target' ? (JSON.parse(value ?? '[]') as string[]) : value;
  for (const [first, byFirst] of tally) {
    for (const [second, byDays] of byFirst) {
      const keys = [key(dims[0], first), ...(dims.length > 1 ? [key(dims[1], second)] : [])];
      for (const [packed, count] of byDays) {
        const triage = Math.floor(packed / (NONE + 1));
        const resolution = packed % (NONE + 1);
        yield {
          keys,
          triageDays: triage === NONE ? null : triage,
          resolutionDays: resolution === NONE ? null : resolution,
          count,
        };
      }
    }
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
