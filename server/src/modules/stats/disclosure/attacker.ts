import { Rational } from './rational';
import { variableRanges } from './simplex';
import { toGrid, type PublishedTable } from './table';

/** What a reader of a published table can learn about one withheld value. */
export interface Exposure {
  /** Position in the grid of cells and margins (`toGrid`): the last row and column are totals. */
  readonly row: number;
  readonly column: number;
  /** The published values alone, as linear equations, fix this value. */
  readonly determined: boolean;
  /** The smallest and largest value it can take, knowing that every withheld value is ≥ 1. */
  readonly low: number;
  readonly high: number;
}

/**
 * The adversary of the suppression tests, knowing everything published and the policy that
 * zeros are shown (so a withheld value is at least 1), but not which withheld values were small.
 * It writes each row and column of the grid as an equation over the withheld values, finds by
 * exact elimination which ones the equations fix, and by linear programming how far each one can
 * range. Integer ranges equal these: the equations are totally unimodular.
 */
export function attack(table: PublishedTable): Exposure[] {
  const grid = toGrid(table);
  const unknowns: [row: number, column: number][] = [];
  const index = grid.map((row, r) =>
    row.map((value, c) => (value === null ? unknowns.push([r, c]) - 1 : -1)),
  );
  const lines = [
    ...grid.map((row, r) => row.map((_, c): [number, number] => [r, c])),
    ...grid[0]!.map((_, c) => grid.map((_, r): [number, number] => [r, c])),
  ];
  const a: number[][] = [];
  const b: number[] = [];
  for (const line of lines) {
    const coefficients = unknowns.map(() => 0);
    let constant = 0;
    line.forEach(([r, c], position) => {
      // "the entries before the last add up to the last"
      const coefficient = position === line.length - 1 ? -1 : 1;
      const value = grid[r]![c]!;
      if (value === null) coefficients[index[r]![c]!] = coefficient;
      else constant -= coefficient * value;
    });
    if (coefficients.some((c) => c !== 0)) {
      a.push(coefficients);
      b.push(constant);
    }
  }
  const fixed = determinedVariables(a, unknowns.length);
  const ranges = variableRanges(a, b, unknowns.length, 1);
  return unknowns.map(([row, column], variable) => ({
    row,
    column,
    determined: fixed[variable]!,
    ...ranges[variable]!,
  }));
}

/**
 * The withheld values a reader can pin down or narrow to fewer than k possible values (a range
 * `high − low` below k − 1); empty when the table discloses nothing this attacker can find.
 */
export function disclosures(table: PublishedTable): Exposure[] {
  return attack(table).filter(
    (exposure) => exposure.determined || exposure.high - exposure.low < table.threshold - 1,
  );
}

/** Which variables the equations fix, by reduction to row echelon form over the rationals. */
function determinedVariables(a: readonly (readonly number[])[], variables: number): boolean[] {
  const rows = a.map((row) => row.map((value) => Rational.of(value)));
  const pivotColumns: number[] = [];
  let next = 0;
  for (let c = 0; c < variables && next < rows.length; c++) {
    const found = rows.findIndex((row, r) => r >= next && !row[c]!.isZero());
    if (found < 0) continue;
    [rows[next], rows[found]] = [rows[found]!, rows[next]!];
    const pivotRow = rows[next]!.map((value) => value.dividedBy(rows[next]![c]!));
    rows[next] = pivotRow;
    const nonZero = pivotRow.flatMap((value, column) => (value.isZero() ? [] : [column]));
    rows.forEach((row, r) => {
      if (r === next || row[c]!.isZero()) return;
      const multiple = row[c]!;
      for (const column of nonZero) {
        row[column] = row[column]!.minus(multiple.times(pivotRow[column]!));
      }
    });
    pivotColumns.push(c);
    next++;
  }
  const determined = Array.from({ length: variables }, () => false);
  pivotColumns.forEach((c, r) => {
    determined[c] = rows[r]!.every((value, column) => column === c || value.isZero());
  });
  return determined;
}
