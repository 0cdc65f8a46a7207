import type { DayCounts, StatsGroup } from './types';

/**
 * What both engines share about statistics: how a case's milestones become whole days, how its
 * targets are kept so that equal sets group together, and how the rows an engine groups become
 * the store's answer.
 */

const DAY_MS = 86_400_000;

/**
 * Whole days from receipt to `at` (24-hour periods, counted down; never below 0), or `null`
 * before `at` happened. SQLite computes the same in SQL: `max(0, (at - created) / 86400000)`,
 * whose integer division truncates as `Math.trunc` does.
 */
export function daysBetween(createdAt: Date, at: Date | null): number | null {
  if (at === null) return null;
  return Math.max(0, Math.trunc((at.getTime() - createdAt.getTime()) / DAY_MS));
}

/** A case's targets as stored: distinct and sorted, so that equal sets group together. */
export function storedTargets(targets: readonly string[]): string[] {
  return [...new Set(targets)].sort();
}

/**
 * One row as an engine groups cases: a value per dimension (for `target`, the case's whole set
 * of targets), the days to triage and to resolution, and how many cases share all of them.
 */
export interface GroupedRow {
  keys: (string | string[] | null)[];
  triageDays: number | null;
  resolutionDays: number | null;
  count: number;
}

/**
 * The groups of a breakdown from the engine's rows: a row's target set counts under each of its
 * targets (and nowhere when empty), and the rows of a group are added up into its day counts.
 */
export function groupsOf(rows: Iterable<GroupedRow>): StatsGroup[] {
  const groups = new Map<
    string,
    {
      keys: (string | null)[];
      count: number;
      triage: Map<number, number>;
      resolution: Map<number, number>;
    }
  >();
  for (const row of rows) {
    for (const keys of expand(row.keys)) {
      const id = JSON.stringify(keys);
      let group = groups.get(id);
      if (!group) {
        group = { keys, count: 0, triage: new Map(), resolution: new Map() };
        groups.set(id, group);
      }
      group.count += row.count;
      add(group.triage, row.triageDays, row.count);
      add(group.resolution, row.resolutionDays, row.count);
    }
  }
  return [...groups.values()].map((group) => ({
    keys: group.keys,
    count: group.count,
    daysToTriage: sorted(group.triage),
    daysToResolution: sorted(group.resolution),
  }));
}

function expand(keys: (string | string[] | null)[]): (string | null)[][] {
  let combinations: (string | null)[][] = [[]];
  for (const key of keys) {
    const values = Array.isArray(key) ? key : [key];
    combinations = combinations.flatMap((start) => values.map((value) => [...start, value]));
  }
  return combinations;
}

function add(counts: Map<number, number>, days: number | null, cases: number): void {
  if (days !== null) counts.set(days, (counts.get(days) ?? 0) + cases);
}

function sorted(counts: Map<number, number>): DayCounts {
  return [...counts.entries()].sort(([a], [b]) => a - b);
}
