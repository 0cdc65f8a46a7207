import {
  COUNTRY_CODES,
  type CaseStatus,
  type Category,
  type FormDefinition,
  type Severity,
  type TlpLabel,
} from '@haven/shared';
import type { i18n as I18n, TFunction } from 'i18next';

/** Names of the things a case carries, in the reader's language. */

export function statusName(t: TFunction, status: CaseStatus): string {
  return t(`cases.status.${status}`);
}

export function severityName(t: TFunction, severity: Severity | null): string {
  return severity ? t(`settings.severity.${severity}`) : t('cases.severityNone');
}

/** A TLP label as TLP 2.0 writes it. */
export function tlpName(tlp: TlpLabel): string {
  return `TLP:${tlp}`;
}

type Labelled = Pick<Category, 'id' | 'labels'>;

/**
 * A category's or subcategory's name: an administrator's label in this language, else the
 * console's translation of a default one, else its id.
 */
function labelOf(i18n: I18n, item: Labelled, translationKey: string): string {
  const language = i18n.resolvedLanguage ?? i18n.language;
  const own = item.labels?.[language as keyof NonNullable<Labelled['labels']>];
  if (own) return own;
  // The key is built from configurable data, so it is not one the compiler knows.
  if (i18n.exists(translationKey)) return (i18n.t as (key: string) => string)(translationKey);
  return item.labels?.en ?? item.id;
}

export function categoryName(i18n: I18n, form: FormDefinition | null, id: string): string {
  const category = form?.categories.find((candidate) => candidate.id === id) ?? { id };
  return labelOf(i18n, category, `cases.categories.${id}`);
}

export function subcategoryName(
  i18n: I18n,
  form: FormDefinition | null,
  categoryId: string,
  id: string,
): string {
  const subcategory = form?.categories
    .find((candidate) => candidate.id === categoryId)
    ?.subcategories.find((candidate) => candidate.id === id) ?? { id };
  return labelOf(i18n, subcategory, `cases.subcategories.${id}`);
}

/** The category and, when there is one, the subcategory. */
export function classificationName(
  i18n: I18n,
  form: FormDefinition | null,
  categoryId: string,
  subcategoryId: string | null,
): string {
  const category = categoryName(i18n, form, categoryId);
  if (!subcategoryId) return category;
  return i18n.t('cases.classification', {
    category,
    subcategory: subcategoryName(i18n, form, categoryId, subcategoryId),
  });
}

/** A country's name from its ISO code, by the browser's own list. */
export function countryName(language: string, code: string): string {
  try {
    return new Intl.DisplayNames([language], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** Every country as a choice, sorted by its name in the reader's language. */
export function countriesByName(language: string): { code: string; name: string }[] {
  const collator = new Intl.Collator(language);
  return COUNTRY_CODES.map((code) => ({ code, name: countryName(language, code) })).sort((a, b) =>
    collator.compare(a.name, b.name),
  );
}
