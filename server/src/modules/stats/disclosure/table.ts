/** Values laid out as a breakdown: one per cell, one per row and column total, and the grand total. */
export interface Margined<T> {
  /** `cells[row][column]`; a one-dimension breakdown has a single column. */
  readonly cells: readonly (readonly T[])[];
  readonly rowTotals: readonly T[];
  readonly columnTotals: readonly T[];
  readonly total: T;
}

export interface TableLabels {
  readonly rows: readonly string[];
  /** `null` for a one-dimension breakdown, whose row totals repeat its cells. */
  readonly columns: readonly string[] | null;
}

/** Case counts by one or two dimensions, with margins computed from the cells. */
export type CountTable = TableLabels & Margined<number>;

/**
 * A count table as it may leave the system: a withheld cell or margin is `null`. Withheld values
 * all carry the same mark whatever the reason (too small, or withheld to protect another), since
 * telling the two apart would let a reader bound the small ones.
 */
export type PublishedTable = TableLabels &
  Margined<number | null> & {
    /** The threshold `k` the table was suppressed with; the export prints a withheld value `<k`. */
    readonly threshold: number;
  };

/** A breakdown by one dimension: one count per row, and their total. */
export function oneDimensionTable(rows: readonly string[], counts: readonly number[]): CountTable {
  if (rows.length !== counts.length) {
    throw new RangeError(`${rows.length} row labels for ${counts.length} counts`);
  }
  return withMargins(
    { rows, columns: null },
    counts.map((count) => [count]),
  );
}

/** A breakdown by two dimensions: `cells[row][column]`. */
export function twoDimensionTable(
  rows: readonly string[],
  columns: readonly string[],
  cells: readonly (readonly number[])[],
): CountTable {
  if (rows.length !== cells.length || cells.some((row) => row.length !== columns.length)) {
    throw new RangeError(`cells do not match ${rows.length} rows × ${columns.length} columns`);
  }
  return withMargins({ rows, columns }, cells);
}

/** The same table with other cells, margins recomputed (noise is added this way). */
export function withCells(table: CountTable, cells: readonly (readonly number[])[]): CountTable {
  return table.columns === null
    ? oneDimensionTable(
        table.rows,
        cells.map((row) => row[0]!),
      )
    : twoDimensionTable(table.rows, table.columns, cells);
}

function withMargins(labels: TableLabels, cells: readonly (readonly number[])[]): CountTable {
  if (cells.length === 0 || cells[0]!.length === 0) {
    throw new RangeError('a table needs at least one row and one column');
  }
  for (const count of cells.flat()) {
    if (!Number.isSafeInteger(count) || count < 0) {
      throw new RangeError(`a count must be a non-negative integer, not ${count}`);
    }
  }
  const rowTotals = cells.map(sum);
  const columnTotals = cells[0]!.map((_, column) => sum(cells.map((row) => row[column]!)));
  return {
    ...labels,
    cells: cells.map((row) => [...row]),
    rowTotals,
    columnTotals,
    total: sum(rowTotals),
  };
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

/**
 * The table and its margins as one (rows + 1) × (columns + 1) grid: the last column holds the row
 * totals, the last row the column totals, the corner the grand total. Every row and every column
 * of the grid then reads "the entries before the last add up to the last".
 */
export function toGrid<T>(table: Margined<T>): T[][] {
  return [
    ...table.cells.map((row, index) => [...row, table.rowTotals[index]!]),
    [...table.columnTotals, table.total],
  ];
}

export function fromGrid<T>(grid: readonly (readonly T[])[]): Margined<T> {
  const inner = grid.slice(0, -1);
  const last = grid[grid.length - 1]!;
  return {
    cells: inner.map((row) => row.slice(0, -1)),
    rowTotals: inner.map((row) => row[row.length - 1]!),
    columnTotals: last.slice(0, -1),
    total: last[last.length - 1]!,
  };
}
