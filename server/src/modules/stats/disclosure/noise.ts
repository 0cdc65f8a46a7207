import { cryptoRandom, uniformAboveZero, type RandomSource } from './random';
import { withCells, type CountTable } from './table';

export interface NoiseOptions {
  /** The privacy loss this release may cause; smaller is more private and noisier. */
  readonly epsilon: number;
  /**
   * How much one case can change the cells, summed (L1). 1 for a count breakdown where each case
   * falls in exactly one cell; a case counted in several cells raises it.
   */
  readonly sensitivity?: number;
  readonly random?: RandomSource;
}

/**
 * Differential privacy for a count breakdown: each cell gets independent discrete Laplace noise
 * with parameter α = exp(−ε / sensitivity), so the release is ε-differentially private with respect
 * to adding or removing one case. What follows is post-processing, which costs no privacy: noisy
 * counts below zero become 0 (this biases small cells upwards), and the margins are the sums of
 * the noisy cells, so the table adds up. The noise comes from node:crypto unless a source is
 * given; sampling goes through floating-point logarithms, a known small deviation from the exact
 * mechanism that we accept.
 */
export function addNoise(table: CountTable, options: NoiseOptions): CountTable {
  const { epsilon, sensitivity = 1, random = cryptoRandom } = options;
  return withCells(
    table,
    table.cells.map((row) =>
      row.map((count) => Math.max(0, count + discreteLaplace(epsilon, sensitivity, random))),
    ),
  );
}

/**
 * One draw of the two-sided geometric distribution: P(x) ∝ α^|x| with α = exp(−ε / sensitivity),
 * as the difference of two geometric draws.
 */
export function discreteLaplace(
  epsilon: number,
  sensitivity: number,
  random: RandomSource = cryptoRandom,
): number {
  if (!(epsilon > 0 && Number.isFinite(epsilon))) {
    throw new RangeError(`epsilon must be a positive number, not ${epsilon}`);
  }
  if (!(sensitivity > 0 && Number.isFinite(sensitivity))) {
    throw new RangeError(`sensitivity must be a positive number, not ${sensitivity}`);
  }
  const scale = sensitivity / epsilon;
  return geometric(scale, random) - geometric(scale, random);
}

/** P(G ≥ g) = α^g for g = 0, 1, …, with α = exp(−1 / scale), by inversion. */
function geometric(scale: number, random: RandomSource): number {
  // max with 0 turns the −0 of log(1) into 0
  return Math.max(0, Math.floor(-Math.log(uniformAboveZero(random)) * scale));
}
