import { stringify } from 'csv-stringify/sync';
import { STATS_TOTAL_LABEL, type StatsTable, type StatsValue } from '@haven/shared';

export type StatsFileFormat = 'csv' | 'json';

/** An export as it leaves the server: its exact bytes (what the audit entry's digest covers). */
export interface StatsFile {
  bytes: Buffer;
  mediaType: string;
  fileName: string;
}

const BOM = '\uFEFF';

/**
 * A published table as a file. JSON is the table as the API gives it. CSV is one line per cell
 * and per total (rows first, then the columns' totals, then the grand total), a withheld count
 * marked `<k`, followed by the parameters; UTF-8 with CRLF line ends, optionally after a byte
 * order mark for spreadsheets that need one to read UTF-8.
 */
export function statsFile(
  table: StatsTable,
  format: StatsFileFormat,
  options: { bom?: boolean } = {},
): StatsFile {
  const stamp = table.generatedAt.replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  const fileName = `haven-statistics-${table.parameters.dims.join('-')}-${stamp}.${format}`;
  if (format === 'json') {
    return {
      bytes: Buffer.from(`${JSON.stringify(table, null, 2)}\n`, 'utf8'),
      mediaType: 'application/json; charset=utf-8',
      fileName,
    };
  }
  const text = stringify(csvRecords(table), { record_delimiter: 'windows' });
  return {
    bytes: Buffer.from(`${options.bom ? BOM : ''}${text}`, 'utf8'),
    mediaType: 'text/csv; charset=utf-8',
    fileName,
  };
}

type Field = string | number;

function csvRecords(table: StatsTable): Field[][] {
  const mark = `<${table.k}`;
  const measures = (value: StatsValue): Field[] => [
    value.count ?? mark,
    value.medianDaysToTriage ?? '',
    value.medianDaysToResolution ?? '',
  ];
  const header = [
    ...table.parameters.dims,
    'cases',
    'median_days_to_triage',
    'median_days_to_resolution',
  ];
  const lines: Field[][] = [];
  if (table.columns === null) {
    table.rows.forEach((row, r) => lines.push([row, ...measures(table.cells[r]![0]!)]));
    lines.push([STATS_TOTAL_LABEL, ...measures(table.total)]);
  } else {
    const columns = table.columns;
    table.rows.forEach((row, r) => {
      columns.forEach((column, c) => lines.push([row, column, ...measures(table.cells[r]![c]!)]));
      lines.push([row, STATS_TOTAL_LABEL, ...measures(table.rowTotals[r]!)]);
    });
    columns.forEach((column, c) =>
      lines.push([STATS_TOTAL_LABEL, column, ...measures(table.columnTotals[c]!)]),
    );
    lines.push([STATS_TOTAL_LABEL, STATS_TOTAL_LABEL, ...measures(table.total)]);
  }
  const { parameters } = table;
  const list = (values: readonly string[] | null) => (values ? values.join(' ') : '');
  const about: [string, Field][] = [
    ['generated_at', table.generatedAt],
    ['dimensions', parameters.dims.join(' ')],
    ['from', parameters.from ?? ''],
    ['to', parameters.to ?? ''],
    ['category', parameters.category ?? ''],
    ['country', parameters.country ?? ''],
    ['status', list(parameters.status)],
    ['severity', list(parameters.severity)],
    ['suppression_threshold', table.k],
    [
      'suppression_mark',
      `${mark} marks a withheld count: fewer than ${table.k} cases, or withheld so that such a ` +
        'count cannot be worked out from the totals. A median is left empty when withheld, ' +
        `taken over fewer than ${table.k} cases, or when none has got there yet.`,
    ],
    ['noise_epsilon', table.noise ? table.noise.epsilon : ''],
    [
      'counts',
      parameters.dims.includes('target')
        ? 'mentions: a case naming several targeted characteristics counts under each'
        : 'cases',
    ],
    ['medians', 'whole days from receipt to leaving new (triage) and to being finished'],
  ];
  return [header, ...lines, [], ['parameter', 'value'], ...about].map((record) =>
    record.map(neutralised),
  );
}

/**
 * A field a spreadsheet would read as a formula (starting with = + - @, a tab or a carriage
 * return) gets a leading apostrophe, which spreadsheets show as text (OWASP, CSV injection).
 * Numbers are written as numbers: counts and medians are never negative.
 */
export function neutralised(field: Field): Field {
  return typeof field === 'string' && /^[=+\-@\t\r]/.test(field) ? `'${field}` : field;
}
