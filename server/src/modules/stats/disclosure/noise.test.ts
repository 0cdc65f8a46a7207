import { addNoise, discreteLaplace } from './noise';
import { seededRandom } from './random';
import { oneDimensionTable, twoDimensionTable } from './table';

function moments(draws: number[]) {
  const mean = draws.reduce((a, b) => a + b, 0) / draws.length;
  const variance = draws.reduce((a, b) => a + (b - mean) ** 2, 0) / (draws.length - 1);
  return { mean, variance };
}

describe('discrete Laplace noise', () => {
  const DRAWS = 50_000;

  it.each([
    { epsilon: 0.5, sensitivity: 1 },
    { epsilon: 1, sensitivity: 1 },
    { epsilon: 1, sensitivity: 2 },
  ])(
    'when drawn many times at ε = $epsilon, sensitivity $sensitivity, then the mean is 0 and the variance 2α/(1−α)²',
    ({ epsilon, sensitivity }) => {
      const random = seededRandom(42);
      const draws = Array.from({ length: DRAWS }, () =>
        discreteLaplace(epsilon, sensitivity, random),
      );
      const alpha = Math.exp(-epsilon / sensitivity);
      const expectedVariance = (2 * alpha) / (1 - alpha) ** 2;
      const { mean, variance } = moments(draws);
      // Four to six standard errors either side; the seed makes the outcome fixed.
      expect(Math.abs(mean)).toBeLessThan(6 * Math.sqrt(expectedVariance / DRAWS));
      expect(Math.abs(variance / expectedVariance - 1)).toBeLessThan(0.08);
      // P(0) = (1 − α) / (1 + α)
      const zeros = draws.filter((draw) => draw === 0).length / DRAWS;
      expect(Math.abs(zeros - (1 - alpha) / (1 + alpha))).toBeLessThan(0.01);
      expect(draws.every(Number.isInteger)).toBe(true);
    },
  );

  it('when epsilon or sensitivity is not a positive number, then no noise is drawn', () => {
    for (const bad of [0, -1, Number.NaN, Infinity]) {
      expect(() => discreteLaplace(bad, 1)).toThrow(RangeError);
      expect(() => discreteLaplace(1, bad)).toThrow(RangeError);
    }
  });
});

describe('noisy count tables', () => {
  const table = twoDimensionTable(
    ['a', 'b', 'c'],
    ['x', 'y', 'z', 'w'],
    [
      [0, 1, 2, 50],
      [3, 0, 0, 7],
      [120, 4, 1, 0],
    ],
  );

  it('when noise is added, then cells are non-negative integers, they change, and margins are their sums', () => {
    const noisy = addNoise(table, { epsilon: 0.5, random: seededRandom(7) });
    const cells = noisy.cells.flat();
    expect(cells.every((n) => Number.isInteger(n) && n >= 0)).toBe(true);
    expect(noisy.cells).not.toEqual(table.cells);
    expect(noisy.rowTotals).toEqual(noisy.cells.map((row) => row.reduce((a, b) => a + b, 0)));
    expect(noisy.columnTotals).toEqual(
      noisy.cells[0]!.map((_, j) => noisy.cells.reduce((sum, row) => sum + row[j]!, 0)),
    );
    expect(noisy.total).toBe(cells.reduce((a, b) => a + b, 0));
    expect({ rows: noisy.rows, columns: noisy.columns }).toEqual({
      rows: table.rows,
      columns: table.columns,
    });
  });

  it('when the same seed is given twice, then the noise is the same; another seed gives other noise', () => {
    const first = addNoise(table, { epsilon: 0.5, random: seededRandom(7) });
    expect(addNoise(table, { epsilon: 0.5, random: seededRandom(7) })).toEqual(first);
    expect(addNoise(table, { epsilon: 0.5, random: seededRandom(8) })).not.toEqual(first);
  });

  it('when a one-dimension table gets noise, then its row totals still repeat its cells', () => {
    const noisy = addNoise(oneDimensionTable(['a', 'b'], [5, 9]), {
      epsilon: 1,
      random: seededRandom(3),
    });
    expect(noisy.rowTotals).toEqual(noisy.cells.map((row) => row[0]));
    expect(noisy.columns).toBeNull();
  });

  it('when no source is given, then the noise comes from node:crypto, never Math.random', () => {
    const mathRandom = jest.spyOn(Math, 'random');
    try {
      const noisy = addNoise(table, { epsilon: 1 });
      expect(noisy.cells.flat().every((n) => Number.isInteger(n) && n >= 0)).toBe(true);
      expect(mathRandom).not.toHaveBeenCalled();
    } finally {
      mathRandom.mockRestore();
    }
  });
});
