import type { StatsTable } from '@haven/shared';
import { useTranslation } from 'react-i18next';
import { numberText } from './statsLabels';

/** How to read the table: what the withheld mark means, medians, noise and mentions. */
export function StatsLegend({ table }: { table: StatsTable }) {
  const { t, i18n } = useTranslation();
  const k = numberText(i18n.language, table.k);
  return (
    <section className="stats-legend" aria-labelledby="stats-legend-title">
      <h3 id="stats-legend-title">{t('stats.legend.title')}</h3>
      <ul>
        <li>
          <span className="stats-withheld">{t('stats.table.withheldMark')}</span>{' '}
          {/* The export's mark left to right, as the file has it, in either direction. */}
          {t('stats.legend.withheld', { k, mark: `\u2066<${table.k}\u2069` })}
        </li>
        {table.noise ? (
          <li>
            {t('stats.legend.noise', { epsilon: numberText(i18n.language, table.noise.epsilon) })}
          </li>
        ) : (
          <li>{t('stats.legend.medians', { k })}</li>
        )}
        {table.parameters.dims.includes('target') ? <li>{t('stats.legend.mentions')}</li> : null}
      </ul>
    </section>
  );
}
