import { UnprocessableError } from '../../../errors';
import { attack, disclosures } from './attacker';
import { suppress } from './suppression';
import { oneDimensionTable, twoDimensionTable, type PublishedTable } from './table';

const K = 10;

function table(cells: number[][]) {
  return twoDimensionTable(
    cells.map((_, i) => `row ${i}`),
    cells[0]!.map((_, j) => `column ${j}`),
    cells,
  );
}

function rangeOf(published: PublishedTable, row: number, column: number) {
  const exposure = attack(published).find((e) => e.row === row && e.column === column);
  return exposure && [exposure.low, exposure.high];
}

describe('small-cell and complementary suppression', () => {
  it('when no count is small, then the table is published whole', () => {
    const published = suppress(
      table([
        [10, 0],
        [25, 40],
      ]),
      K,
    );
    expect(published).toMatchObject({
      cells: [
        [10, 0],
        [25, 40],
      ],
      rowTotals: [10, 65],
      columnTotals: [35, 40],
      total: 75,
      threshold: K,
    });
  });

  it('when a row holds a single small cell, then the cheapest cells of its row and column, and the cell closing the rectangle, are withheld too', () => {
    const published = suppress(
      table([
        [3, 40, 50],
        [20, 60, 70],
        [30, 80, 90],
      ]),
      K,
    );
    expect(published.cells).toEqual([
      [null, null, 50],
      [null, null, 70],
      [30, 80, 90],
    ]);
    expect(published).toMatchObject({ rowTotals: [93, 150, 200], columnTotals: [53, 180, 210] });
    expect(disclosures(published)).toEqual([]);
    expect(rangeOf(published, 0, 0)).toEqual([1, 22]);
  });

  it('when two small cells share a row and nothing else, then withholding just them would leave their sum known, so more is withheld', () => {
    const counts = [
      [1, 2, 40, 50],
      [30, 35, 45, 60],
    ];
    const onlyTheSmallOnes: PublishedTable = {
      ...table(counts),
      cells: [[null, null, 40, 50], counts[1]!],
      threshold: K,
    };
    expect(disclosures(onlyTheSmallOnes)).not.toEqual([]);

    const published = suppress(table(counts), K);
    expect(published.cells).toEqual([
      [null, null, null, 50],
      [null, null, null, 60],
    ]);
    expect(disclosures(published)).toEqual([]);
  });

  it('when the classic 2×2 table has one small cell, then all four cells are withheld and the margins stay', () => {
    const published = suppress(
      table([
        [2, 30],
        [40, 50],
      ]),
      K,
    );
    expect(published).toMatchObject({
      cells: [
        [null, null],
        [null, null],
      ],
      rowTotals: [32, 90],
      columnTotals: [42, 80],
      total: 122,
    });
    expect(rangeOf(published, 0, 0)).toEqual([1, 31]);
    expect(disclosures(published)).toEqual([]);
  });

  it('when a row total is small, then it is withheld, and another row total with it, so the grand total does not give it away', () => {
    const published = suppress(
      table([
        [1, 4, 0],
        [20, 30, 40],
        [25, 35, 45],
      ]),
      K,
    );
    expect(published).toMatchObject({
      cells: [
        [null, null, 0],
        [null, null, 40],
        [25, 35, 45],
      ],
      rowTotals: [null, null, 105],
      columnTotals: [46, 69, 85],
      total: 200,
    });
    expect(disclosures(published)).toEqual([]);
  });

  it('when a column total is small, then it is withheld with a second column total', () => {
    const published = suppress(
      table([
        [1, 20, 25],
        [4, 30, 35],
        [0, 40, 45],
      ]),
      K,
    );
    expect(published.columnTotals).toEqual([null, null, 105]);
    expect(published.rowTotals).toEqual([46, 69, 85]);
    expect(disclosures(published)).toEqual([]);
  });

  it('when the grand total itself is small, then every non-zero value is withheld and the zeros are shown', () => {
    const published = suppress(
      table([
        [1, 2],
        [0, 3],
      ]),
      K,
    );
    expect(published).toMatchObject({
      cells: [
        [null, null],
        [0, null],
      ],
      rowTotals: [null, null],
      columnTotals: [null, null],
      total: null,
    });
    expect(disclosures(published)).toEqual([]);
  });

  it('when a one-dimension table has a lone small cell, then the smallest other cell that hides it is withheld too', () => {
    const published = suppress(oneDimensionTable(['a', 'b', 'c', 'd', 'e'], [3, 0, 40, 15, 60]), K);
    expect(published.cells).toEqual([[null], [0], [40], [null], [60]]);
    expect(published.rowTotals).toEqual([null, 0, 40, null, 60]);
    expect(published.total).toBe(118);
    expect(rangeOf(published, 0, 0)).toEqual([1, 17]);
  });

  it('when every cell of a one-dimension table is small and their sum would pin them, then the total is withheld', () => {
    const published = suppress(oneDimensionTable(['a', 'b', 'c'], [1, 1, 1]), 3);
    expect(published.total).toBeNull();
    expect(published.cells).toEqual([[null], [null], [null]]);
    expect(disclosures(published)).toEqual([]);
  });

  it('when two cells would protect a small one equally well, then the first in row order is taken, every time', () => {
    const counts = [
      [5, 20, 20],
      [20, 20, 20],
    ];
    const published = suppress(table(counts), K);
    expect(published.cells).toEqual([
      [null, null, 20],
      [null, null, 20],
    ]);
    expect(suppress(table(counts), K)).toEqual(published);
  });

  it('when a zero lies next to a small cell, then the zero is shown and never withheld to protect it', () => {
    const published = suppress(
      table([
        [2, 0, 30],
        [0, 0, 0],
        [40, 0, 50],
      ]),
      K,
    );
    expect(published.cells).toEqual([
      [null, 0, null],
      [0, 0, 0],
      [null, 0, null],
    ]);
  });

  it('when the threshold is below 3 or not whole, then suppression is refused', () => {
    const counts = table([
      [1, 2],
      [3, 4],
    ]);
    for (const k of [2, 0, -1, 3.5, Number.NaN]) {
      expect(() => suppress(counts, k)).toThrow(UnprocessableError);
    }
    expect(() => suppress(counts, 2)).toThrow(
      expect.objectContaining({ code: 'suppression_threshold_too_low' }),
    );
  });
});
