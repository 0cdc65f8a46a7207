import { fromGrid, oneDimensionTable, toGrid, twoDimensionTable, withCells } from './table';

describe('count tables', () => {
  it('when a two-dimension table is built, then its margins are the sums of its cells', () => {
    const table = twoDimensionTable(
      ['phishing', 'doxxing'],
      ['2026-01', '2026-02', '2026-03'],
      [
        [4, 0, 12],
        [7, 30, 1],
      ],
    );
    expect(table.rowTotals).toEqual([16, 38]);
    expect(table.columnTotals).toEqual([11, 30, 13]);
    expect(table.total).toBe(54);
  });

  it('when a one-dimension table is built, then it has one column, row totals repeating the cells, and a total', () => {
    const table = oneDimensionTable(['low', 'medium', 'high'], [5, 0, 20]);
    expect(table.columns).toBeNull();
    expect(table.cells).toEqual([[5], [0], [20]]);
    expect(table.rowTotals).toEqual([5, 0, 20]);
    expect(table.columnTotals).toEqual([25]);
    expect(table.total).toBe(25);
  });

  it('when a count is negative, fractional or the shape does not match the labels, then the table is refused', () => {
    expect(() => oneDimensionTable(['a', 'b'], [1, -1])).toThrow(RangeError);
    expect(() => oneDimensionTable(['a'], [1.5])).toThrow(RangeError);
    expect(() => oneDimensionTable(['a', 'b'], [1])).toThrow(RangeError);
    expect(() => twoDimensionTable(['a'], ['x', 'y'], [[1]])).toThrow(RangeError);
    expect(() => oneDimensionTable([], [])).toThrow(RangeError);
  });

  it('when cells are replaced, then the margins follow them', () => {
    const table = oneDimensionTable(['a', 'b'], [1, 2]);
    expect(withCells(table, [[3], [4]])).toMatchObject({ rowTotals: [3, 4], total: 7 });
  });

  it('when a table is laid out as a grid, then margins take the last row and column, and it reads back the same', () => {
    const table = twoDimensionTable(
      ['a', 'b'],
      ['x', 'y'],
      [
        [1, 2],
        [3, 4],
      ],
    );
    expect(toGrid(table)).toEqual([
      [1, 2, 3],
      [3, 4, 7],
      [4, 6, 10],
    ]);
    expect(fromGrid(toGrid(table))).toEqual({
      cells: table.cells,
      rowTotals: table.rowTotals,
      columnTotals: table.columnTotals,
      total: table.total,
    });
  });
});
