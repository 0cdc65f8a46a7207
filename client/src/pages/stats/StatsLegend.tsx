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
          <span className="stats-withheld stats-legend-mark">
            <bdi>{`<${k}`}</bdi>
          </span>{' '}
          {t('stats.legend.withheld', { k })}
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
