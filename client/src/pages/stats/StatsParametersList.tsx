import type { FormDefinition, StatsParameters } from '@haven/shared';
import { useTranslation } from 'react-i18next';
import { severityName } from '../cases/caseLabels';
import { monthName, numberText, valueName } from './statsLabels';

interface StatsParametersListProps {
  parameters: StatsParameters;
  k: number;
  generatedAt: string;
  form: FormDefinition | null;
}

/** What the shown table was made from, as the server states it: period, filters, k, noise. */
export function StatsParametersList({
  parameters,
  k,
  generatedAt,
  form,
}: StatsParametersListProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  // Months as months; a day (from a hand-made link) as a date.
  const bound = (value: string) =>
    value.length === 7
      ? monthName(language, value)
      : new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }).format(
          new Date(`${value}T00:00:00Z`),
        );
  const { from, to } = parameters;
  let period = t('stats.parameters.allTime');
  if (from && to) period = t('stats.parameters.between', { from: bound(from), to: bound(to) });
  else if (from) period = t('stats.parameters.since', { from: bound(from) });
  else if (to) period = t('stats.parameters.until', { to: bound(to) });

  const filters = [
    parameters.category !== null &&
      t('stats.parameters.filter', {
        name: t('stats.dimensions.category'),
        value: valueName(i18n, form, 'category', parameters.category),
      }),
    parameters.country !== null &&
      t('stats.parameters.filter', {
        name: t('stats.dimensions.country'),
        value: valueName(i18n, form, 'country', parameters.country),
      }),
    parameters.status !== null &&
      t('stats.parameters.filter', {
        name: t('stats.dimensions.status'),
        value: parameters.status
          .map((status) => valueName(i18n, form, 'status', status))
          .join(', '),
      }),
    parameters.severity !== null &&
      t('stats.parameters.filter', {
        name: t('stats.dimensions.severity'),
        value: parameters.severity
          .map((severity) =>
            severity === 'none'
              ? severityName(t, null)
              : valueName(i18n, form, 'severity', severity),
          )
          .join(', '),
      }),
  ].filter((text): text is string => typeof text === 'string');

  return (
    <dl className="stats-parameters">
      <div>
        <dt>{t('stats.parameters.period')}</dt>
        <dd>{period}</dd>
      </div>
      <div>
        <dt>{t('stats.parameters.filters')}</dt>
        <dd>{filters.length > 0 ? filters.join('; ') : t('stats.parameters.noFilters')}</dd>
      </div>
      <div>
        <dt>{t('stats.parameters.threshold')}</dt>
        <dd>{t('stats.parameters.thresholdValue', { k: numberText(language, k) })}</dd>
      </div>
      <div>
        <dt>{t('stats.parameters.noise')}</dt>
        <dd>
          {parameters.epsilon === null
            ? t('stats.parameters.noNoise')
            : t('stats.parameters.epsilon', { epsilon: numberText(language, parameters.epsilon) })}
        </dd>
      </div>
      <div>
        <dt>{t('stats.parameters.generated')}</dt>
        <dd>
          <time dateTime={generatedAt}>
            {new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(
              new Date(generatedAt),
            )}
          </time>
        </dd>
      </div>
    </dl>
  );
}
