import { ConflictError, UnprocessableError } from '../../../errors';
import type { JsonValue } from '../../../storage';

/** Where the ledger keeps its records: small JSON values by key. `SettingsStore` fits. */
export interface BudgetStore {
  get(key: string): Promise<JsonValue | null>;
  /** Writes the value only if the key has none; answers whether it wrote. */
  putIfAbsent(key: string, value: JsonValue): Promise<boolean>;
}

export interface BudgetBalance {
  /** The calendar month (UTC) the budget belongs to, e.g. `2026-03`. */
  readonly period: string;
  readonly budget: number;
  readonly spent: number;
  readonly remaining: number;
}

/** Epsilon is counted in whole millionths so that sums are exact. */
const UNITS = 1_000_000;
/** Releases racing for the same auditor each get a turn; past this many lost races we give up. */
const ATTEMPTS = 50;

/**
 * The differential-privacy budget: how much epsilon each auditor has spent in the current
 * calendar month (UTC), refusing a release that would go past the budget.
 *
 * Each release appends a numbered record holding the month's running total,
 * `privacy_budget.<auditor>.<month>.<n>`, written with `putIfAbsent`: two releases racing on
 * several server instances cannot both take number n, and the loser re-reads and tries n + 1, so
 * concurrent spending never exceeds the budget. Finding the last record costs O(log n) reads.
 * Spend before publishing: a release whose publication then fails has still spent its epsilon,
 * the safe side.
 */
export class PrivacyBudgetLedger {
  constructor(
    private readonly store: BudgetStore,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async balance(auditorId: string, budget: number): Promise<BudgetBalance> {
    const period = this.period();
    const { spent } = await this.last(auditorId, period);
    return presented(period, toUnits(budget), spent);
  }

  /**
   * Records `epsilon` as spent by the auditor this month and answers the new balance; throws
   * `UnprocessableError` (`privacy_budget_exhausted`) and records nothing if it does not fit.
   */
  async spend(auditorId: string, epsilon: number, budget: number): Promise<BudgetBalance> {
    if (!(epsilon > 0 && Number.isFinite(epsilon))) {
      throw new UnprocessableError('Epsilon must be a positive number.', 'invalid_epsilon');
    }
    const period = this.period();
    const cost = Math.ceil(epsilon * UNITS - 1e-6);
    const limit = toUnits(budget);
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const { number, spent } = await this.last(auditorId, period);
      if (spent + cost > limit) {
        const left = presented(period, limit, spent).remaining;
        throw new UnprocessableError(
          `This release needs epsilon ${epsilon}, but only ${left} of the budget of ${budget} ` +
            `for ${period} is left.`,
          'privacy_budget_exhausted',
        );
      }
      const record = { spentMillionths: spent + cost, epsilonMillionths: cost };
      if (await this.store.putIfAbsent(key(auditorId, period, number + 1), record)) {
        return presented(period, limit, spent + cost);
      }
    }
    throw new ConflictError(
      'Too many releases at once for this auditor; try again.',
      'privacy_budget_busy',
    );
  }

  private period(): string {
    return this.now().toISOString().slice(0, 7);
  }

  /** The highest record number (0 when none) and its running total, by galloping search. */
  private async last(
    auditorId: string,
    period: string,
  ): Promise<{ number: number; spent: number }> {
    const read = (number: number) => this.store.get(key(auditorId, period, number));
    let found = 0;
    let foundValue: JsonValue | null = null;
    let missing = 1;
    for (let value = await read(missing); value !== null; value = await read(missing)) {
      [found, foundValue] = [missing, value];
      missing *= 2;
    }
    while (missing - found > 1) {
      const middle = Math.floor((found + missing) / 2);
      const value = await read(middle);
      if (value === null) missing = middle;
      else [found, foundValue] = [middle, value];
    }
    return { number: found, spent: found === 0 ? 0 : spentIn(foundValue) };
  }
}

function key(auditorId: string, period: string, number: number): string {
  return `privacy_budget.${encodeURIComponent(auditorId)}.${period}.${number}`;
}

function toUnits(budget: number): number {
  if (!(budget >= 0 && Number.isFinite(budget))) {
    throw new RangeError(`a privacy budget must be a non-negative number, not ${budget}`);
  }
  return Math.floor(budget * UNITS + 1e-6);
}

function spentIn(record: JsonValue | null): number {
  const spent =
    record !== null && typeof record === 'object' && !Array.isArray(record)
      ? record.spentMillionths
      : undefined;
  if (typeof spent !== 'number') throw new Error('a privacy budget record is malformed');
  return spent;
}

function presented(period: string, limit: number, spent: number): BudgetBalance {
  return {
    period,
    budget: limit / UNITS,
    spent: spent / UNITS,
    remaining: Math.max(0, limit - spent) / UNITS,
  };
}
