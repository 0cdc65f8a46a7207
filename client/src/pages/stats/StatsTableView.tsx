import type { StatsTable, StatsValue } from '@haven/shared';
import { useTranslation } from 'react-i18next';
import { numberText } from './statsLabels';

export const STATS_MEASURES = ['count', 'triage', 'resolution'] as const;
export type StatsMeasure = (typeof STATS_MEASURES)[number];

interface StatsTableViewProps {
  table: StatsTable;
  measure: StatsMeasure;
  caption: string;
  /** The names of the rows' and the columns' labels. */
  rowName(label: string): string;
  columnName(label: string): string;
}

/**
 * One measure of a breakdown as a table: a row per value of the first dimension, a column per
 * value of the second (or one column), with the totals of each row, each column and the whole.
 * Withheld counts are marked, with words for a screen reader.
 */
export function StatsTableView({
  table,
  measure,
  caption,
  rowName,
  columnName,
}: StatsTableViewProps) {
  const { t } = useTranslation();
  const [rowDimension] = table.parameters.dims;
  const captionId = 'stats-table-caption';
  const totalLabel = measure === 'count' ? t('stats.table.total') : t('stats.table.all');
  const cell = (value: StatsValue, key: string, className?: string) => (
    <td key={key} className={className}>
      <ValueText value={value} measure={measure} />
    </td>
  );

  return (
    <div
      className="table-scroll stats-table-scroll"
      role="region"
      aria-labelledby={captionId}
      tabIndex={0}
    >
      <table className="table table-compact stats-table">
        <caption id={captionId}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t(`stats.dimensions.${rowDimension!}`)}</th>
            {table.columns ? (
              <>
                {table.columns.map((column) => (
                  <th key={column} scope="col">
                    {columnName(column)}
                  </th>
                ))}
                <th scope="col" className="stats-total">
                  {totalLabel}
                </th>
              </>
            ) : (
              <th scope="col">{t(`stats.measures.${measure}`)}</th>
            )}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, r) => (
            <tr key={row}>
              <th scope="row">{rowName(row)}</th>
              {table.columns
                ? table.cells[r]!.map((value, c) => cell(value, String(c)))
                : cell(table.rowTotals[r]!, 'only')}
              {table.columns ? cell(table.rowTotals[r]!, 'total', 'stats-total') : null}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{totalLabel}</th>
            {table.columns
              ? table.columnTotals.map((value, c) => cell(value, String(c), 'stats-total'))
              : null}
            {cell(table.total, 'total', 'stats-total')}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

/**
 * A count or a median; a withheld count is marked with a word rather than the export's `<k`,
 * which would be untrue of a large count withheld to protect a small one.
 */
function ValueText({ value, measure }: { value: StatsValue; measure: StatsMeasure }) {
  const { t, i18n } = useTranslation();
  if (measure === 'count') {
    if (value.count === null) {
      return (
        <span className="stats-withheld">
          <span aria-hidden="true">{t('stats.table.withheldMark')}</span>
          <span className="visually-hidden">{t('stats.table.withheld')}</span>
        </span>
      );
    }
    return <>{numberText(i18n.language, value.count)}</>;
  }
  const median = measure === 'triage' ? value.medianDaysToTriage : value.medianDaysToResolution;
  if (median === null) {
    return (
      <span className="stats-no-median">
        <span aria-hidden="true">–</span>
        <span className="visually-hidden">{t('stats.table.noMedian')}</span>
      </span>
    );
  }
  return <>{numberText(i18n.language, median)}</>;
}
