import type { FormDefinition, StatsDimension, StatsTable } from '@haven/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../forms/fields';
import { StatsChart } from './StatsChart';
import { StatsExport } from './StatsExport';
import { StatsLegend } from './StatsLegend';
import { StatsParametersList } from './StatsParametersList';
import { valueName } from './statsLabels';
import { STATS_MEASURES, StatsTableView, type StatsMeasure } from './StatsTableView';

interface StatsResultsProps {
  table: StatsTable;
  /** The query string the table answers, for its export. */
  query: string;
  form: FormDefinition | null;
  canExport: boolean;
}

/** A published breakdown: what it was made from, the table, how to read it, a chart, exports. */
export function StatsResults({ table, query, form, canExport }: StatsResultsProps) {
  const { t, i18n } = useTranslation();
  const [chosenMeasure, setMeasure] = useState<StatsMeasure>('count');
  // A noisy release has no medians.
  const measure = table.noise ? 'count' : chosenMeasure;
  const [rowDimension, columnDimension] = table.parameters.dims as [
    StatsDimension,
    StatsDimension?,
  ];
  const nameIn = (dimension: StatsDimension | undefined) => (label: string) =>
    dimension ? valueName(i18n, form, dimension, label) : label;
  const dimensionNames = table.parameters.dims.map((dimension) =>
    t(`stats.dimensions.${dimension}`),
  );

  return (
    <>
      <StatsParametersList
        parameters={table.parameters}
        k={table.k}
        generatedAt={table.generatedAt}
        form={form}
      />
      {table.rows.length === 0 ? (
        <p className="notice">{t('stats.results.empty')}</p>
      ) : (
        <>
          {table.noise ? (
            <p className="field-hint">{t('stats.results.noMediansWithNoise')}</p>
          ) : (
            <div className="stats-measure">
              <SelectField
                id="stats-measure"
                label={t('stats.results.measure')}
                value={measure}
                onChange={(event) => setMeasure(event.target.value as StatsMeasure)}
              >
                {STATS_MEASURES.map((value) => (
                  <option key={value} value={value}>
                    {t(`stats.measures.${value}`)}
                  </option>
                ))}
              </SelectField>
            </div>
          )}
          <StatsTableView
            table={table}
            measure={measure}
            caption={t('stats.table.caption', {
              measure: t(`stats.measures.${measure}`),
              dimensions: dimensionNames.join(' × '),
            })}
            rowName={nameIn(rowDimension)}
            columnName={nameIn(columnDimension)}
          />
          <StatsLegend table={table} />
          <section className="stats-chart-section" aria-labelledby="stats-chart-heading">
            <h3 id="stats-chart-heading">{t('stats.chart.heading')}</h3>
            <StatsChart
              table={table}
              title={t('stats.chart.title', { dimension: dimensionNames[0] })}
              rowName={nameIn(rowDimension)}
            />
          </section>
        </>
      )}
      {canExport ? <StatsExport query={query} epsilon={table.parameters.epsilon} /> : null}
    </>
  );
}
