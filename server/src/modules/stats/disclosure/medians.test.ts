import { withholdMedians, type Median } from './medians';
import { suppress } from './suppression';
import { twoDimensionTable, type Margined } from './table';

const at = (median: number | null, cases: number): Median => ({ median, cases });

describe('medians beside suppressed counts', () => {
  const counts = suppress(
    twoDimensionTable(
      ['a', 'b'],
      ['x', 'y', 'z'],
      [
        [2, 30, 25],
        [40, 50, 60],
      ],
    ),
    10,
  );

  it('when a count is withheld, then its median is withheld; when it is shown, so is the median', () => {
    const medians: Margined<Median> = {
      cells: [
        [at(1, 2), at(3, 30), at(4, 25)],
        [at(5, 40), at(6, 50), at(7, 60)],
      ],
      rowTotals: [at(3, 57), at(6, 150)],
      columnTotals: [at(5, 42), at(5, 80), at(6, 85)],
      total: at(5, 207),
    };
    expect(counts.cells).toEqual([
      [null, null, 25],
      [null, null, 60],
    ]);
    expect(withholdMedians(counts, medians)).toEqual({
      cells: [
        [null, null, 4],
        [null, null, 7],
      ],
      rowTotals: [3, 6],
      columnTotals: [5, 5, 6],
      total: 5,
    });
  });

  it('when a shown count has a median over fewer than k cases, then the median is withheld', () => {
    // 25 cases in the cell, but only 4 of them resolved: a median of 4 resolution times is not shown.
    const medians: Margined<Median> = {
      cells: [
        [at(1, 2), at(3, 30), at(9, 4)],
        [at(5, 40), at(6, 50), at(7, 60)],
      ],
      rowTotals: [at(3, 36), at(6, 150)],
      columnTotals: [at(5, 42), at(5, 80), at(null, 0)],
      total: at(5, 186),
    };
    const published = withholdMedians(counts, medians);
    expect(published.cells[0]![2]).toBeNull();
    expect(published.columnTotals[2]).toBeNull();
    expect(published.cells[1]![2]).toBe(7);
  });

  it('when the medians do not have the shape of the counts, then they are refused', () => {
    const medians: Margined<Median> = {
      cells: [[at(1, 2)]],
      rowTotals: [at(1, 2)],
      columnTotals: [at(1, 2)],
      total: at(1, 2),
    };
    expect(() => withholdMedians(counts, medians)).toThrow(RangeError);
  });
});
