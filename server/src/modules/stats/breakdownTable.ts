import {
  CASE_STATUSES,
  COUNTRY_CODES,
  PLATFORMS,
  SEVERITIES,
  STATS_NONE_LABEL,
  TARGETED_CHARACTERISTICS,
  type StatsDimension,
} from '@haven/shared';
import type { DayCounts, StatsFilter, StatsGroup } from '../../storage';
import {
  oneDimensionTable,
  twoDimensionTable,
  type CountTable,
  type Margined,
  type Median,
} from './disclosure';

/**
 * A breakdown's groups laid out as a table: the labels of its rows and columns, the case count
 * of every cell (0 where no case fell), and the medians of every cell and margin. Margins' medians
 * come from the day counts added up, never from the cells' medians.
 */
export interface Breakdown {
  counts: CountTable;
  medians: { triage: Margined<Median>; resolution: Margined<Median> };
}

/** What decides which rows and columns a table has besides the data. */
export interface LabelContext {
  filter: StatsFilter;
  /** The configured categories' ids, in order. */
  categories: readonly string[];
  /** `YYYY-MM` bounds of the period asked for, if any. */
  fromMonth?: string;
  toMonth?: string;
  /**
   * Whether the labels must not depend on the data (a noisy release): every country, and a row
   * for "none" wherever a case may lack the value, whether or not any case does.
   */
  dataIndependent: boolean;
}

const NULLABLE: readonly StatsDimension[] = ['country', 'severity', 'platform'];

/** How many cells a table may have: suppression time grows with cells × small cells. */
export const MAX_CELLS = 5_000;

export function labelsOf(
  dim: StatsDimension,
  values: readonly (string | null)[],
  context: LabelContext,
): (string | null)[] {
  const seen = new Set(values);
  const known = domainOf(dim, context, seen);
  const extra = [...seen].filter(
    (value): value is string => value !== null && !known.includes(value),
  );
  const none =
    seen.has(null) ||
    (context.dataIndependent && NULLABLE.includes(dim) && !pinned(dim, context.filter));
  return [...known, ...extra.sort(), ...(none ? [null] : [])];
}

/** Whether the filter leaves no case without a value of `dim`. */
function pinned(dim: StatsDimension, filter: StatsFilter): boolean {
  if (dim === 'country') return filter.country !== undefined;
  if (dim === 'severity') return filter.severity !== undefined && !filter.severity.includes(null);
  return false;
}

/** The values a dimension always shows (zeros included), narrowed to what the filter allows. */
function domainOf(dim: StatsDimension, context: LabelContext, seen: Set<string | null>): string[] {
  const { filter } = context;
  switch (dim) {
    case 'category':
      return filter.category !== undefined ? [filter.category] : [...context.categories];
    case 'country':
      if (filter.country !== undefined) return [filter.country];
      return context.dataIndependent ? [...COUNTRY_CODES] : [];
    case 'status':
      return filter.status
        ? CASE_STATUSES.filter((status) => filter.status!.includes(status))
        : [...CASE_STATUSES];
    case 'severity':
      return filter.severity
        ? SEVERITIES.filter((severity) => filter.severity!.includes(severity))
        : [...SEVERITIES];
    case 'platform':
      return [...PLATFORMS];
    case 'target':
      return [...TARGETED_CHARACTERISTICS];
    case 'month': {
      const months = [...seen].filter((value): value is string => value !== null).sort();
      const first = context.fromMonth ?? months[0];
      const last = context.toMonth ?? months.at(-1);
      return first && last ? monthsBetween(first, last) : [];
    }
  }
}

/** Every month from `first` to `last` (`YYYY-MM`), both included. */
export function monthsBetween(first: string, last: string): string[] {
  const months: string[] = [];
  let [year, month] = first.split('-').map(Number) as [number, number];
  for (let value = first; value <= last;) {
    months.push(value);
    [year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
    value = `${year}-${String(month).padStart(2, '0')}`;
  }
  return months;
}

/** The label of a value in a published table. */
export function labelOf(value: string | null): string {
  return value ?? STATS_NONE_LABEL;
}

/**
 * The table of `groups` over the given row and column values (`columns` null for one dimension);
 * groups outside them (none, when the labels came from `labelsOf`) are left out.
 */
export function breakdownOf(
  groups: readonly StatsGroup[],
  rows: readonly (string | null)[],
  columns: readonly (string | null)[] | null,
): Breakdown {
  const width = columns?.length ?? 1;
  const rowIndex = new Map(rows.map((value, index) => [value, index]));
  const columnIndex = new Map((columns ?? []).map((value, index) => [value, index]));
  const cells = rows.map(() => Array.from({ length: width }, () => emptyCell()));
  for (const group of groups) {
    const row = rowIndex.get(group.keys[0]!);
    const column = columns ? columnIndex.get(group.keys[1]!) : 0;
    if (row === undefined || column === undefined) continue;
    const cell = cells[row]![column]!;
    cell.count += group.count;
    addDays(cell.triage, group.daysToTriage);
    addDays(cell.resolution, group.daysToResolution);
  }
  const rowTotals = cells.map((row) => sumCells(row));
  const columnTotals = Array.from({ length: width }, (_, column) =>
    sumCells(cells.map((row) => row[column]!)),
  );
  const total = sumCells(rowTotals);
  const rowLabels = rows.map(labelOf);
  const counts = columns
    ? twoDimensionTable(
        rowLabels,
        columns.map(labelOf),
        cells.map((row) => row.map((cell) => cell.count)),
      )
    : oneDimensionTable(
        rowLabels,
        cells.map((row) => row[0]!.count),
      );
  const medians = (measure: 'triage' | 'resolution'): Margined<Median> => ({
    cells: cells.map((row) => row.map((cell) => medianOf(cell[measure]))),
    rowTotals: rowTotals.map((cell) => medianOf(cell[measure])),
    columnTotals: columnTotals.map((cell) => medianOf(cell[measure])),
    total: medianOf(total[measure]),
  });
  return { counts, medians: { triage: medians('triage'), resolution: medians('resolution') } };
}

interface Cell {
  count: number;
  triage: Map<number, number>;
  resolution: Map<number, number>;
}

function emptyCell(): Cell {
  return { count: 0, triage: new Map(), resolution: new Map() };
}

function addDays(into: Map<number, number>, days: DayCounts | Map<number, number>): void {
  for (const [value, cases] of days) into.set(value, (into.get(value) ?? 0) + cases);
}

function sumCells(cells: readonly Cell[]): Cell {
  const sum = emptyCell();
  for (const cell of cells) {
    sum.count += cell.count;
    addDays(sum.triage, cell.triage);
    addDays(sum.resolution, cell.resolution);
  }
  return sum;
}

/**
 * The median of the days, and over how many cases: the middle value, or the mean of the two
 * middle ones for an even count.
 */
export function medianOf(days: Map<number, number> | DayCounts): Median {
  const sorted = [...days].sort(([a], [b]) => a - b);
  const cases = sorted.reduce((sum, [, count]) => sum + count, 0);
  if (cases === 0) return { median: null, cases };
  const at = (position: number) => {
    let seen = 0;
    for (const [value, count] of sorted) {
      seen += count;
      if (position < seen) return value;
    }
    throw new Error('unreachable: position past the counts');
  };
  const middle = Math.floor((cases - 1) / 2);
  const median = cases % 2 === 1 ? at(middle) : (at(middle) + at(middle + 1)) / 2;
  return { median, cases };
}
