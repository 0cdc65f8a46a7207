import { SUPPRESSION_MIN_K } from '@haven/shared';
import { UnprocessableError } from '../../../errors';
import { fromGrid, toGrid, type CountTable, type PublishedTable } from './table';

/**
 * Small-cell suppression with complementary suppression (DESIGN.md §4).
 *
 * Primary: a cell or margin with `0 < n < k` is withheld. Zeros are published as 0: in this
 * product a structural or sampling zero says that no case has that combination, which identifies
 * nobody, and a reader knowing that zeros are shown learns only that a withheld value is ≥ 1.
 *
 * Complementary: a reader who knows the published values can write each row and column as an
 * equation ("the cells add up to the total") and solve for what is withheld. We work on the grid
 * of cells plus margins (`toGrid`), where every row and column says "the entries before the last
 * add up to the last". Four withheld entries at the corners of a rectangle in that grid can move
 * together, two up and two down by the same amount (with the sign flipped for margins), leaving
 * every published value true; so no withheld entry on such a rectangle is determined. How far they
 * can move is limited by non-negativity: down by (smallest of the entries going down) − 1, up by
 * (smallest going up) − 1. We call a rectangle protective when that span is at least k − 1, i.e.
 * a reader cannot narrow a withheld value to fewer than k possible values.
 *
 * Every primary entry, in row-major order, gets a protective rectangle of non-zero entries. We
 * pick the one that withholds the fewest new margins, then the smallest sum of newly withheld
 * values, then the fewest new entries, then the first in row-major order (deterministic). One
 * always exists: the entry, its row total, its column total and the grand total (whose moves all
 * go the same way). Since each withheld entry lies on a protective rectangle, every row and column
 * holding one withheld entry holds at least two, no withheld value can be derived, and its range
 * spans at least k − 1; the attacker tests check this with linear algebra and linear programming.
 *
 * Not covered: a reader who knows this algorithm and reasons about which cells it would have
 * picked, and differencing between overlapping tables released at different times.
 */
export function suppress(table: CountTable, k: number): PublishedTable {
  assertThreshold(k);
  const grid = toGrid(table);
  const withheld = grid.map((row) => row.map((n) => n > 0 && n < k));
  grid.forEach((row, i) =>
    row.forEach((n, j) => {
      if (n > 0 && n < k) {
        for (const [r, c] of cheapestProtectiveRectangle(grid, withheld, i, j, k)) {
          withheld[r]![c] = true;
        }
      }
    }),
  );
  const published = grid.map((row, i) => row.map((n, j) => (withheld[i]![j] ? null : n)));
  return { rows: table.rows, columns: table.columns, ...fromGrid(published), threshold: k };
}

export function assertThreshold(k: number): void {
  if (!Number.isSafeInteger(k) || k < SUPPRESSION_MIN_K) {
    throw new UnprocessableError(
      `The suppression threshold must be a whole number of at least ${SUPPRESSION_MIN_K}.`,
      'suppression_threshold_too_low',
    );
  }
}

type Corner = [row: number, column: number];

/** Written for speed: it runs for every small entry over every rectangle through it. */
function cheapestProtectiveRectangle(
  grid: number[][],
  withheld: boolean[][],
  i: number,
  j: number,
  k: number,
): Corner[] {
  const lastRow = grid.length - 1;
  const lastColumn = grid[0]!.length - 1;
  // A corner moves with its place in the rectangle (+ − over − +), flipped once for a margin's
  // row and once for a margin's column: margins carry the opposite sign in every equation.
  const sign = (r: number, c: number) => (r === lastRow ? -1 : 1) * (c === lastColumn ? -1 : 1);
  let best: Corner | undefined;
  let bestMargins = Infinity;
  let bestSum = Infinity;
  let bestCount = Infinity;
  for (let i2 = 0; i2 <= lastRow; i2++) {
    if (i2 === i || grid[i2]![j] === 0) continue;
    for (let j2 = 0; j2 <= lastColumn; j2++) {
      if (j2 === j || grid[i]![j2] === 0 || grid[i2]![j2] === 0) continue;
      let smallestUp = Infinity;
      let smallestDown = Infinity;
      let margins = 0;
      let sum = 0;
      let count = 0;
      const visit = (r: number, c: number, place: number) => {
        const value = grid[r]![c]!;
        if (place * sign(r, c) > 0) smallestUp = Math.min(smallestUp, value);
        else smallestDown = Math.min(smallestDown, value);
        if (withheld[r]![c]) return;
        count++;
        sum += value;
        if (r === lastRow || c === lastColumn) margins++;
      };
      visit(i, j, 1);
      visit(i, j2, -1);
      visit(i2, j, -1);
      visit(i2, j2, 1);
      if (smallestUp - 1 + (smallestDown - 1) < k - 1) continue;
      const cheaper =
        margins !== bestMargins
          ? margins < bestMargins
          : sum !== bestSum
            ? sum < bestSum
            : count < bestCount;
      if (cheaper) {
        best = [i2, j2];
        [bestMargins, bestSum, bestCount] = [margins, sum, count];
      }
    }
  }
  // Unreachable for a non-zero entry: its row total, column total and grand total qualify.
  if (!best) throw new Error(`no protective rectangle for entry ${i},${j}`);
  const [i2, j2] = best;
  return [
    [i, j],
    [i, j2],
    [i2, j],
    [i2, j2],
  ];
}
