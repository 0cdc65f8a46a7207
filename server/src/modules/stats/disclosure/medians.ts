import { assertThreshold } from './suppression';
import { fromGrid, toGrid, type Margined, type PublishedTable } from './table';

/** A median (days to triage, days to resolution) and how many cases it was taken over. */
export interface Median {
  readonly median: number | null;
  readonly cases: number;
}

/**
 * The medians that may be published beside a suppressed count table, cell by cell and margin by
 * margin: a median is withheld (`null`) wherever the count is withheld or fewer than k cases
 * went into it, since a median over few cases is close to one person's own value.
 */
export function withholdMedians(
  counts: PublishedTable,
  medians: Margined<Median>,
): Margined<number | null> {
  assertThreshold(counts.threshold);
  const published = toGrid(counts);
  const grid = toGrid(medians);
  if (
    grid.length !== published.length ||
    grid.some((row, i) => row.length !== published[i]!.length)
  ) {
    throw new RangeError('the medians do not have the shape of the count table');
  }
  return fromGrid(
    grid.map((row, i) =>
      row.map(({ median, cases }, j) =>
        published[i]![j] === null || cases < counts.threshold ? null : median,
      ),
    ),
  );
}
