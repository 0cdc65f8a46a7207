/**
 * Disclosure control for statistics (DESIGN.md §4): count tables with margins, small-cell and
 * complementary suppression, medians withheld with their counts, differential-privacy noise and
 * the privacy budget. Pure functions and one class over a small store interface; no HTTP.
 */
export { PrivacyBudgetLedger, type BudgetBalance, type BudgetStore } from './budget';
export { withholdMedians, type Median } from './medians';
export { addNoise, discreteLaplace, type NoiseOptions } from './noise';
export { cryptoRandom, type RandomSource } from './random';
export { suppress } from './suppression';
export {
  oneDimensionTable,
  twoDimensionTable,
  type CountTable,
  type Margined,
  type PublishedTable,
  type TableLabels,
} from './table';
