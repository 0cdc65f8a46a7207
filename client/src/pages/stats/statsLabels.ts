import {
  CASE_STATUSES,
  PLATFORMS,
  SEVERITIES,
  STATS_NONE_LABEL,
  TARGETED_CHARACTERISTICS,
  type FormDefinition,
  type StatsDimension,
} from '@haven/shared';
import type { i18n as I18n } from 'i18next';
import { categoryName, countryName, severityName, statusName } from '../cases/caseLabels';

/** Names of a breakdown's rows and columns in the reader's language. */

const isOneOf = <T extends string>(allowed: readonly T[], value: string): value is T =>
  allowed.includes(value as T);

/** A month of the table (`2026-03`) as the reader's language writes it: "Mar 2026". */
export function monthName(language: string, month: string): string {
  const date = new Date(`${month}-01T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return month;
  return new Intl.DateTimeFormat(language, {
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(date);
}

/**
 * The name of a row or column label. A value the console has no word for (a category added
 * since, say) shows as the table gives it.
 */
export function valueName(
  i18n: I18n,
  form: FormDefinition | null,
  dimension: StatsDimension,
  value: string,
): string {
  const { t } = i18n;
  const language = i18n.resolvedLanguage ?? i18n.language;
  if (value === STATS_NONE_LABEL) {
    return dimension === 'severity' ? severityName(t, null) : t('stats.none');
  }
  switch (dimension) {
    case 'category':
      return categoryName(i18n, form, value);
    case 'month':
      return monthName(language, value);
    case 'country':
      return countryName(language, value);
    case 'status':
      return isOneOf(CASE_STATUSES, value) ? statusName(t, value) : value;
    case 'severity':
      return isOneOf(SEVERITIES, value) ? severityName(t, value) : value;
    case 'platform':
      return isOneOf(PLATFORMS, value) ? t(`stats.platforms.${value}`) : value;
    case 'target':
      return isOneOf(TARGETED_CHARACTERISTICS, value) ? t(`cases.targets.${value}`) : value;
  }
}

/** A count or median as the reader's language writes numbers. */
export function numberText(language: string, value: number): string {
  return value.toLocaleString(language);
}
