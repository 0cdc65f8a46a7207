import { attack } from './attacker';
import { seededRandom, type RandomSource } from './random';
import { suppress } from './suppression';
import { oneDimensionTable, toGrid, twoDimensionTable, type CountTable } from './table';

/** An integer in [low, high]. */
function between(random: RandomSource, low: number, high: number): number {
  return low + (random.nextUint32() % (high - low + 1));
}

/** Counts with many zeros and many small cells: about a third each of 0, below k, at least k. */
function randomCounts(random: RandomSource, length: number, k: number): number[] {
  return Array.from({ length }, () => {
    const roll = between(random, 1, 100);
    if (roll <= 30) return 0;
    if (roll <= 70) return between(random, 1, k - 1);
    return between(random, k, 8 * k);
  });
}

function randomTable(random: RandomSource, k: number): CountTable {
  const rows = between(random, 1, 8);
  if (between(random, 1, 5) === 1) {
    const length = between(random, 2, 12);
    const labels = Array.from({ length }, (_, i) => `r${i}`);
    return oneDimensionTable(labels, randomCounts(random, length, k));
  }
  const columns = between(random, 2, 12);
  return twoDimensionTable(
    Array.from({ length: rows }, (_, i) => `r${i}`),
    Array.from({ length: columns }, (_, j) => `c${j}`),
    Array.from({ length: rows }, () => randomCounts(random, columns, k)),
  );
}

describe('suppression against the attacker, over random tables', () => {
  const random = seededRandom(20260301);
  const cases = Array.from({ length: 240 }, (_, index) => {
    const k = [3, 5, 10][index % 3]!;
    return { index, k, table: randomTable(random, k) };
  });

  it.each(cases)(
    'when table $index (k = $k) is suppressed, then the attacker learns nothing',
    ({ table, k }) => {
      const published = suppress(table, k);
      const truth = toGrid(table);
      const shown = toGrid(published);

      shown.forEach((row, i) =>
        row.forEach((value, j) => {
          const count = truth[i]![j]!;
          if (count > 0 && count < k) expect(value).toBeNull();
          if (count === 0) expect(value).toBe(0);
          if (value !== null) expect(value).toBe(count);
        }),
      );
      // Every row and column of cells and margins holds no withheld value or at least two.
      const lines = [...shown, ...shown[0]!.map((_, j) => shown.map((row) => row[j]))];
      for (const line of lines) expect(line.filter((v) => v === null).length).not.toBe(1);

      const exposures = attack(published);
      expect(exposures.filter((e) => e.determined)).toEqual([]);
      // Partial disclosure: fewer than k values left possible (a range narrower than k − 1).
      expect(exposures.filter((e) => e.high - e.low < k - 1)).toEqual([]);
      for (const { row, column, low, high } of exposures) {
        expect(truth[row]![column]!).toBeGreaterThanOrEqual(low);
        expect(truth[row]![column]!).toBeLessThanOrEqual(high);
      }
    },
  );
});
