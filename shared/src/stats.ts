import { z } from 'zod';
import { CASE_STATUSES, SEVERITIES } from './workflow';

// ---------------------------------------------------------------------------------------------
// What statistics break cases down by (DESIGN §4)

/**
 * The dimensions of a breakdown. `target` is the targeted characteristic: a case naming several
 * is counted under each of them, and one naming none is left out, so a breakdown by it counts
 * mentions rather than cases.
 */
export const STATS_DIMENSIONS = [
  'category',
  'month',
  'country',
  'status',
  'severity',
  'platform',
  'target',
] as const;
export type StatsDimension = (typeof STATS_DIMENSIONS)[number];

/**
 * Where the harm happened, as statistics know it: the reporter's own words are mapped onto this
 * short list at intake, and never kept as a dimension.
 */
export const PLATFORMS = [
  'facebook',
  'instagram',
  'x',
  'tiktok',
  'youtube',
  'telegram',
  'whatsapp',
  'signal',
  'sms',
  'email',
  'website',
  'other',
] as const;
export type Platform = (typeof PLATFORMS)[number];

/** The label of a row or column of cases without a value (no country, no severity …). */
export const STATS_NONE_LABEL = '(none)';
/** The label of the totals in an export. */
export const STATS_TOTAL_LABEL = 'Total';

/** The largest epsilon one release may spend. */
export const STATS_EPSILON_MAX = 10;
/** Epsilon each auditor may spend per calendar month (UTC) on noisy releases. */
export const DEFAULT_PRIVACY_BUDGET = 10;

// ---------------------------------------------------------------------------------------------
// The query

const csv = <T extends z.ZodType<unknown, string>>(item: T, max: number) =>
  z
    .string()
    .max(400)
    .transform((value) => value.split(',').filter(Boolean))
    .pipe(z.array(item).min(1).max(max));

/** A month (`2026-03`) or a day (`2026-03-14`) that exists. */
const MonthOrDaySchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/, 'a month (YYYY-MM) or a day')
  .refine((value) => {
    const day = value.length === 7 ? `${value}-01` : value;
    const date = new Date(`${day}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(day);
  }, 'a real day');

const StatsQueryShape = {
  dims: csv(z.enum(STATS_DIMENSIONS), 2)
    .refine((dims) => new Set(dims).size === dims.length, 'two different dimensions')
    .describe('One or two dimensions, comma separated: rows first, then columns.'),
  from: MonthOrDaySchema.optional().describe('Cases received in or after this month or day (UTC)'),
  to: MonthOrDaySchema.optional().describe('Cases received in or before this month or day (UTC)'),
  category: z.string().min(1).max(41).optional(),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 country code')
    .optional(),
  status: csv(z.enum(CASE_STATUSES), CASE_STATUSES.length).optional(),
  severity: csv(z.enum([...SEVERITIES, 'none']), SEVERITIES.length + 1).optional(),
  dp: z.coerce
    .number()
    .min(0.01)
    .max(STATS_EPSILON_MAX)
    .optional()
    .describe(
      'Add differentially private noise for this epsilon, spent from the monthly privacy budget.',
    ),
};

const refineRange = <T extends { from?: string | undefined; to?: string | undefined }>(
  query: T,
  context: z.RefinementCtx,
) => {
  // Compared as the first day each names: `2026-03` ≤ `2026-03-14` holds.
  if (query.from && query.to && query.from.slice(0, query.to.length) > query.to) {
    context.addIssue({ code: 'custom', path: ['to'], message: 'before `from`' });
  }
};

/** `GET /stats`: one breakdown, with filters. */
export const StatsQuerySchema = z.object(StatsQueryShape).strict().superRefine(refineRange);
export type StatsQuery = z.infer<typeof StatsQuerySchema>;

export const STATS_EXPORT_FORMATS = ['csv', 'json'] as const;

/** `GET /stats/export`: a breakdown as a file. */
export const StatsExportQuerySchema = z
  .object({
    ...StatsQueryShape,
    format: z.enum(STATS_EXPORT_FORMATS),
    bom: z
      .enum(['true', 'false'])
      .transform((value) => value === 'true')
      .optional()
      .describe('Start a CSV file with a UTF-8 byte order mark (for older spreadsheets).'),
  })
  .strict()
  .superRefine(refineRange);
export type StatsExportQuery = z.infer<typeof StatsExportQuerySchema>;

// ---------------------------------------------------------------------------------------------
// The published table

export const StatsValueSchema = z
  .object({
    count: z.number().int().nullable().describe('Cases; null when withheld.'),
    suppressed: z
      .boolean()
      .describe(
        'Withheld: too few cases, or withheld so that such a value cannot be worked out from ' +
          'the totals. Both reasons carry the same mark, since telling them apart would narrow ' +
          'the small values down.',
      ),
    medianDaysToTriage: z
      .number()
      .nullable()
      .describe('Whole days from receipt to leaving `new`; null when withheld or none yet.'),
    medianDaysToResolution: z
      .number()
      .nullable()
      .describe('Whole days from receipt to being finished; null when withheld or none yet.'),
  })
  .meta({ id: 'StatsValue' });
export type StatsValue = z.infer<typeof StatsValueSchema>;

/** What a breakdown was asked for, as the published table states it. */
export const StatsParametersSchema = z
  .object({
    dims: z.array(z.enum(STATS_DIMENSIONS)),
    from: z.string().nullable(),
    to: z.string().nullable(),
    category: z.string().nullable(),
    country: z.string().nullable(),
    status: z.array(z.enum(CASE_STATUSES)).nullable(),
    severity: z.array(z.string()).nullable(),
    epsilon: z.number().nullable(),
  })
  .meta({ id: 'StatsParameters' });
export type StatsParameters = z.infer<typeof StatsParametersSchema>;

export const PrivacyBudgetSchema = z.object({
  period: z.string().describe('The calendar month (UTC) the budget belongs to.'),
  budget: z.number(),
  spent: z.number(),
  remaining: z.number(),
});

export type PrivacyBudget = z.infer<typeof PrivacyBudgetSchema>;

export const StatsTableSchema = z
  .object({
    parameters: StatsParametersSchema,
    rows: z.array(z.string()).describe('Labels of the first dimension.'),
    columns: z
      .array(z.string())
      .nullable()
      .describe('Labels of the second dimension; null for a breakdown by one.'),
    cells: z
      .array(z.array(StatsValueSchema))
      .describe('`cells[row][column]`; one column for a breakdown by one dimension.'),
    rowTotals: z.array(StatsValueSchema),
    columnTotals: z.array(StatsValueSchema),
    total: StatsValueSchema,
    k: z.number().int().describe('Values of 0 < n < k are withheld; an export marks them `<k`.'),
    noise: z
      .object({ epsilon: z.number(), budget: PrivacyBudgetSchema })
      .nullable()
      .describe(
        'Set when the counts carry differentially private noise; medians are then left out.',
      ),
    generatedAt: z.iso.datetime(),
  })
  .meta({ id: 'StatsTable' });
export type StatsTable = z.infer<typeof StatsTableSchema>;
