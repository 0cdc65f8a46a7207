import { attack, disclosures } from './attacker';
import { oneDimensionTable, twoDimensionTable, type PublishedTable } from './table';

/** A published table written out by hand: `null` is withheld. */
function published(
  cells: (number | null)[][],
  rowTotals: (number | null)[],
  columnTotals: (number | null)[],
  total: number | null,
  threshold = 10,
): PublishedTable {
  const labels = twoDimensionTable(
    cells.map((_, i) => `${i}`),
    cells[0]!.map((_, j) => `${j}`),
    cells.map((row) => row.map(() => 0)),
  );
  return {
    rows: labels.rows,
    columns: labels.columns,
    cells,
    rowTotals,
    columnTotals,
    total,
    threshold,
  };
}

describe('the attacker the suppression tests rely on', () => {
  it('when only the small cell of a 2×2 table is withheld, then it reads the cell from its row total', () => {
    const table = published(
      [
        [null, 30],
        [40, 50],
      ],
      [32, 90],
      [42, 80],
      122,
    );
    expect(attack(table)).toEqual([{ row: 0, column: 0, determined: true, low: 2, high: 2 }]);
    expect(disclosures(table)).toHaveLength(1);
  });

  it('when one cell of a one-dimension table is withheld beside its total, then it reads the cell', () => {
    const counts = oneDimensionTable(['a', 'b'], [4, 50]);
    const table: PublishedTable = {
      ...counts,
      cells: [[null], [50]],
      rowTotals: [null, 50],
      threshold: 10,
    };
    expect(attack(table).every((e) => e.determined && e.low === 4 && e.high === 4)).toBe(true);
  });

  it('when two small cells of a one-dimension table are withheld alone, then nothing is determined but their ranges are too narrow', () => {
    const counts = oneDimensionTable(['a', 'b', 'c'], [1, 2, 40]);
    const table: PublishedTable = {
      ...counts,
      cells: [[null], [null], [40]],
      rowTotals: [null, null, 40],
      threshold: 10,
    };
    const cells = attack(table).filter((e) => e.column === 0);
    expect(cells.map((e) => e.determined)).toEqual([false, false]);
    expect(cells.map((e) => [e.low, e.high])).toEqual([
      [1, 2],
      [1, 2],
    ]);
    expect(disclosures(table)).toHaveLength(4);
  });

  it('when a withheld value appears in no published equation, then it is unbounded above', () => {
    const table = published(
      [
        [null, 30],
        [40, 50],
      ],
      [null, 90],
      [null, 80],
      null,
    );
    const cell = attack(table).find((e) => e.row === 0 && e.column === 0)!;
    expect(cell).toMatchObject({ determined: false, low: 1, high: Infinity });
  });

  it('when a withheld value lies on a bridge between two otherwise protected blocks, then it is found', () => {
    // Rows 0–1 × columns 0–1 and rows 2–3 × columns 2–3 are withheld blocks; cell (0,2) joins
    // them. Every withheld row and column holds two or more withheld cells, yet (0,2) is fixed.
    const table = published(
      [
        [null, null, null, 20],
        [null, null, 20, 20],
        [20, 20, null, null],
        [20, 20, null, null],
      ],
      [100, 100, 100, 100],
      [100, 100, 100, 100],
      400,
    );
    const bridge = attack(table).find((e) => e.row === 0 && e.column === 2)!;
    expect(bridge).toMatchObject({ determined: true, low: 20, high: 20 });
    expect(attack(table).filter((e) => e.determined)).toEqual([bridge]);
  });

  it('when its ranges are compared with every integer solution of a small table, then they agree', () => {
    // A 2×3 table, all cells withheld: rows add to 7 and 8, columns to 4, 5 and 6.
    const table = published(
      [
        [null, null, null],
        [null, null, null],
      ],
      [7, 8],
      [4, 5, 6],
      15,
    );
    const seen = Array.from({ length: 6 }, () => ({ low: Infinity, high: -Infinity }));
    for (let a = 1; a <= 7; a++) {
      for (let b = 1; b <= 7; b++) {
        const solution = [a, b, 7 - a - b, 4 - a, 5 - b, 6 - (7 - a - b)];
        if (solution.some((value) => value < 1)) continue;
        solution.forEach((value, index) => {
          seen[index]!.low = Math.min(seen[index]!.low, value);
          seen[index]!.high = Math.max(seen[index]!.high, value);
        });
      }
    }
    const cells = attack(table).filter((e) => e.row < 2 && e.column < 3);
    expect(cells.map(({ low, high }) => ({ low, high }))).toEqual(seen);
    expect(cells.every((e) => !e.determined)).toBe(true);
  });
});
