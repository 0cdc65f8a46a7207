import { randomInt } from 'node:crypto';

/** Where noise draws its randomness: the operating system's in production, a seed in tests. */
export interface RandomSource {
  /** A uniformly distributed integer in [0, 2³²). */
  nextUint32(): number;
}

export const cryptoRandom: RandomSource = {
  nextUint32: () => randomInt(0, 2 ** 32),
};

/**
 * A reproducible source for tests (mulberry32): the same seed, the same draws. Never for
 * releases: noise an attacker can predict protects nothing.
 */
export function seededRandom(seed: number): RandomSource {
  let state = seed >>> 0;
  return {
    nextUint32() {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return (t ^ (t >>> 14)) >>> 0;
    },
  };
}

/** A uniform number in (0, 1] with 53 random bits, never 0 so its logarithm is finite. */
export function uniformAboveZero(random: RandomSource): number {
  const high = random.nextUint32() >>> 5; // 27 bits
  const low = random.nextUint32() >>> 6; // 26 bits
  return (high * 2 ** 26 + low + 1) / 2 ** 53;
}
