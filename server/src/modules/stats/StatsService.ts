import { createHash } from 'node:crypto';
import {
  DEFAULT_PRIVACY_BUDGET,
  TARGETED_CHARACTERISTICS,
  type StatsExportQuery,
  type StatsParameters,
  type StatsQuery,
  type StatsTable,
  type StatsValue,
} from '@haven/shared';
import { UnprocessableError } from '../../errors';
import type { JsonObject, StatsFilter, Storage } from '../../storage';
import { breakdownOf, labelsOf, MAX_CELLS, type Breakdown } from './breakdownTable';
import {
  addNoise,
  cryptoRandom,
  PrivacyBudgetLedger,
  suppress,
  withholdMedians,
  type BudgetBalance,
  type Margined,
  type RandomSource,
} from './disclosure';
import { statsFile, type StatsFile } from './statsFile';

export interface StatsServiceDependencies {
  storage: Pick<Storage, 'stats' | 'audit' | 'settings'>;
  suppressionK: () => Promise<number>;
  /** The configured categories' ids: rows a category breakdown always shows. */
  categoryIds: () => Promise<string[]>;
  /** Epsilon each auditor may spend per calendar month. */
  privacyBudget?: number;
  random?: RandomSource;
  now?: () => Date;
}

/**
 * Statistics under disclosure control (DESIGN §4): a breakdown counted and grouped by the
 * storage engine, published with small-cell and complementary suppression at the configured k,
 * medians withheld where their counts are or where they rest on fewer than k cases, and, when
 * asked, differentially private noise paid for from the auditor's monthly privacy budget. Every
 * release is audited with its parameters; an export also with the SHA-256 of its bytes.
 */
export class StatsService {
  private readonly ledger: PrivacyBudgetLedger;
  private readonly now: () => Date;

  constructor(private readonly deps: StatsServiceDependencies) {
    this.now = deps.now ?? (() => new Date());
    this.ledger = new PrivacyBudgetLedger(deps.storage.settings, this.now);
  }

  /** A breakdown to show; audited as `stats.viewed`. */
  async breakdown(actorId: string, query: StatsQuery): Promise<StatsTable> {
    const table = await this.publish(actorId, query);
    await this.deps.storage.audit.append({
      action: 'stats.viewed',
      actorId,
      details: auditDetails(table),
    });
    return table;
  }

  /** A breakdown as a CSV or JSON file; audited as `stats.exported` with the file's digest. */
  async export(actorId: string, query: StatsExportQuery): Promise<StatsFile> {
    const { format, bom, ...breakdown } = query;
    const table = await this.publish(actorId, breakdown);
    const file = statsFile(table, format, { bom: bom ?? false });
    await this.deps.storage.audit.append({
      action: 'stats.exported',
      actorId,
      details: {
        ...auditDetails(table),
        format,
        bom: bom ?? false,
        bytes: file.bytes.length,
        sha256: createHash('sha256').update(file.bytes).digest('hex'),
      },
    });
    return file;
  }

  private async publish(actorId: string, query: StatsQuery): Promise<StatsTable> {
    const filter = filterOf(query);
    const [k, categories] = await Promise.all([this.deps.suppressionK(), this.deps.categoryIds()]);
    const groups = await this.deps.storage.stats.breakdown({ dims: query.dims, filter });
    const context = {
      filter,
      categories,
      dataIndependent: query.dp !== undefined,
      ...(query.from ? { fromMonth: query.from.slice(0, 7) } : {}),
      ...(query.to ? { toMonth: query.to.slice(0, 7) } : {}),
    };
    const [rows, columns = null] = query.dims.map((dim, index) =>
      labelsOf(
        dim,
        groups.map((group) => group.keys[index]!),
        context,
      ),
    ) as [(string | null)[], (string | null)[]?];
    if (rows.length * (columns?.length ?? 1) > MAX_CELLS) {
      throw new UnprocessableError(
        `This table would have more than ${MAX_CELLS} cells. Choose a shorter period or ` +
          'other dimensions.',
        'stats_table_too_large',
      );
    }
    const parameters = parametersOf(query);
    const generatedAt = this.now().toISOString();
    if (rows.length === 0 || columns?.length === 0) {
      return emptyTable(parameters, k, generatedAt, columns !== null);
    }
    const breakdown = breakdownOf(groups, rows, columns);
    const noise = query.dp === undefined ? null : await this.spend(actorId, query.dp);
    return present(breakdown, k, noise, parameters, generatedAt, this.deps.random);
  }

  /** What is left of the auditor's privacy budget this month, before a release spends any. */
  async budget(actorId: string): Promise<BudgetBalance> {
    return { ...(await this.ledger.balance(actorId, this.monthlyBudget())) };
  }

  private async spend(actorId: string, epsilon: number) {
    const balance: BudgetBalance = await this.ledger.spend(actorId, epsilon, this.monthlyBudget());
    return { epsilon, budget: { ...balance } };
  }

  private monthlyBudget(): number {
    return this.deps.privacyBudget ?? DEFAULT_PRIVACY_BUDGET;
  }
}

/** The storage filter of a query: `from` and `to` name whole months or days, both included. */
export function filterOf(query: StatsQuery): StatsFilter {
  const filter: StatsFilter = {};
  if (query.from) filter.from = startOf(query.from);
  if (query.to) filter.to = endOf(query.to);
  if (query.category !== undefined) filter.category = query.category;
  if (query.country !== undefined) filter.country = query.country;
  if (query.status) filter.status = query.status;
  if (query.severity) {
    filter.severity = query.severity.map((severity) => (severity === 'none' ? null : severity));
  }
  return filter;
}

function startOf(monthOrDay: string): Date {
  return new Date(`${monthOrDay.length === 7 ? `${monthOrDay}-01` : monthOrDay}T00:00:00Z`);
}

/** The first instant after the month or day. */
function endOf(monthOrDay: string): Date {
  const start = startOf(monthOrDay);
  if (monthOrDay.length === 7) start.setUTCMonth(start.getUTCMonth() + 1);
  else start.setUTCDate(start.getUTCDate() + 1);
  return start;
}

function parametersOf(query: StatsQuery): StatsParameters {
  return {
    dims: query.dims,
    from: query.from ?? null,
    to: query.to ?? null,
    category: query.category ?? null,
    country: query.country ?? null,
    status: query.status ?? null,
    severity: query.severity ?? null,
    epsilon: query.dp ?? null,
  };
}

/**
 * Suppression (after noise, when asked: post-processing costs no privacy) and medians. A noisy
 * release leaves medians out: the noise protects counts, and exact medians beside them would
 * not be differentially private.
 */
function present(
  breakdown: Breakdown,
  k: number,
  noise: StatsTable['noise'],
  parameters: StatsParameters,
  generatedAt: string,
  random: RandomSource = cryptoRandom,
): StatsTable {
  const counts = noise
    ? addNoise(breakdown.counts, {
        epsilon: noise.epsilon,
        // A case counts once per targeted characteristic it names.
        sensitivity: parameters.dims.includes('target') ? TARGETED_CHARACTERISTICS.length : 1,
        random,
      })
    : breakdown.counts;
  const published = suppress(counts, k);
  const triage = noise ? null : withholdMedians(published, breakdown.medians.triage);
  const resolution = noise ? null : withholdMedians(published, breakdown.medians.resolution);
  const value = (pick: <T>(table: Margined<T>) => T): StatsValue => {
    const count = pick(published);
    return {
      count,
      suppressed: count === null,
      medianDaysToTriage: triage ? pick(triage) : null,
      medianDaysToResolution: resolution ? pick(resolution) : null,
    };
  };
  return {
    parameters,
    rows: [...published.rows],
    columns: published.columns && [...published.columns],
    cells: published.cells.map((row, r) =>
      row.map((_, c) => value((table) => table.cells[r]![c]!)),
    ),
    rowTotals: published.rowTotals.map((_, r) => value((table) => table.rowTotals[r]!)),
    columnTotals: published.columnTotals.map((_, c) => value((table) => table.columnTotals[c]!)),
    total: value((table) => table.total),
    k,
    noise,
    generatedAt,
  };
}

/** A table over no rows or no columns (no case to show): nothing to withhold, a total of 0. */
function emptyTable(
  parameters: StatsParameters,
  k: number,
  generatedAt: string,
  twoDimensions: boolean,
): StatsTable {
  const zero: StatsValue = {
    count: 0,
    suppressed: false,
    medianDaysToTriage: null,
    medianDaysToResolution: null,
  };
  return {
    parameters,
    rows: [],
    columns: twoDimensions ? [] : null,
    cells: [],
    rowTotals: [],
    columnTotals: [],
    total: zero,
    k,
    noise: null,
    generatedAt,
  };
}

/** What the audit log keeps of a release: its parameters and shape; never a count or median. */
function auditDetails(table: StatsTable): JsonObject {
  const withheld = [...table.cells.flat(), ...table.rowTotals, ...table.columnTotals, table.total];
  return {
    parameters: table.parameters,
    k: table.k,
    rows: table.rows.length,
    columns: table.columns?.length ?? null,
    suppressed: withheld.filter((value) => value.suppressed).length,
    epsilon: table.noise?.epsilon ?? null,
  };
}
