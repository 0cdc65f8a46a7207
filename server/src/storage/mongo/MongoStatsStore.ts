import { trusted, type FilterQuery, type Model } from 'mongoose';
import type { StatsDimension } from '@haven/shared';
import { groupsOf, type GroupedRow } from '../stats';
import type { StatsFilter, StatsGroup, StatsStore } from '../types';
import type { CaseDoc } from './models';

const FIELDS: Record<StatsDimension, keyof CaseDoc> = {
  category: 'category',
  month: 'month',
  country: 'country',
  status: 'status',
  severity: 'severity',
  platform: 'platform',
  // The case's whole set of targets: FerretDB v1's `$unwind` drops the document's other fields,
  // so sets are grouped as they are and split by `groupsOf`.
  target: 'targets',
};

/** `k0`, `k1`: the dimensions' values (FerretDB v1 evaluates no field paths inside arrays). */
interface GroupDoc {
  _id: Partial<Record<string, string | string[] | number | null>>;
  count: number;
}

/**
 * Breakdowns as one `$match` + `$group` pipeline, which MongoDB and FerretDB v1 both run: by the
 * dimensions and the days to triage and to resolution together (stored with each case at write
 * time, as FerretDB v1 computes no expressions in `$group`), so that one pass yields the counts
 * and both day distributions of every group.
 */
export class MongoStatsStore implements StatsStore {
  constructor(private readonly model: Model<CaseDoc>) {}

  async breakdown(query: { dims: StatsDimension[]; filter: StatsFilter }): Promise<StatsGroup[]> {
    const clauses = conditions(query.filter);
    if (query.dims.includes('target')) clauses.push({ 'targets.0': trusted({ $exists: true }) });
    const rows = await this.model.aggregate<GroupDoc>([
      { $match: clauses.length ? { $and: clauses } : {} },
      {
        $group: {
          _id: {
            ...Object.fromEntries(query.dims.map((dim, index) => [`k${index}`, `$${FIELDS[dim]}`])),
            triage: '$triageDays',
            resolution: '$resolutionDays',
          },
          count: { $sum: 1 },
        },
      },
    ]);
    return groupsOf(rows.map((row) => toGroupedRow(row, query.dims)));
  }
}

function conditions(filter: StatsFilter): FilterQuery<CaseDoc>[] {
  const clauses: FilterQuery<CaseDoc>[] = [];
  if (filter.from !== undefined) clauses.push({ createdAt: trusted({ $gte: filter.from }) });
  if (filter.to !== undefined) clauses.push({ createdAt: trusted({ $lt: filter.to }) });
  if (filter.category !== undefined) clauses.push({ category: filter.category });
  if (filter.country !== undefined) clauses.push({ country: filter.country });
  if (filter.status) clauses.push({ status: trusted({ $in: filter.status }) });
  // `null` in the list also matches cases written without the field, as wanted.
  if (filter.severity) clauses.push({ severity: trusted({ $in: filter.severity }) });
  return clauses;
}

/** Fields a case lacks (written before they existed) come out missing: as null, or no targets. */
function toGroupedRow(row: GroupDoc, dims: StatsDimension[]): GroupedRow {
  return {
    keys: dims.map((dim, index) => {
      const value = row._id[`k${index}`];
      return dim === 'target' ? (Array.isArray(value) ? value : []) : ((value as string) ?? null);
    }),
    triageDays: (row._id.triage as number | undefined) ?? null,
    resolutionDays: (row._id.resolution as number | undefined) ?? null,
    count: row.count,
  };
}
