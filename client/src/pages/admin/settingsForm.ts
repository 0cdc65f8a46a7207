import { SEVERITIES, type Category, type Settings, type Severity } from '@haven/shared';

/** The settings as the form holds them: numbers as typed, categories as JSON text. */
export interface SettingsForm {
  slaHours: Record<Severity, string>;
  acknowledgementDays: string;
  answerDays: string;
  /** Per category id; both blank means the defaults apply. */
  byCategory: Record<string, { acknowledgementDays: string; answerDays: string }>;
  closedCaseDays: string;
  suppressionK: string;
  reporterAccessLapseDays: string;
  categoriesJson: string;
}

export function toForm(settings: Settings): SettingsForm {
  return {
    slaHours: Object.fromEntries(
      SEVERITIES.map((severity) => [severity, String(settings.slaHours[severity])]),
    ) as Record<Severity, string>,
    acknowledgementDays: String(settings.legalClocks.acknowledgementDays),
    answerDays: String(settings.legalClocks.answerDays),
    byCategory: Object.fromEntries(
      Object.entries(settings.legalClocks.byCategory).map(([id, clocks]) => [
        id,
        {
          acknowledgementDays: String(clocks.acknowledgementDays),
          answerDays: String(clocks.answerDays),
        },
      ]),
    ),
    closedCaseDays: String(settings.retention.closedCaseDays),
    suppressionK: String(settings.suppression.k),
    reporterAccessLapseDays: String(settings.reporterAccessLapseDays),
    categoriesJson: JSON.stringify(settings.categories, null, 2),
  };
}

/** A number as typed; anything that is not one stays `NaN`, for the schema to refuse. */
function number(text: string): number {
  const trimmed = text.trim();
  return trimmed === '' ? Number.NaN : Number(trimmed);
}

/**
 * The request body the form describes, for `SettingsSchema` to check, or the JSON syntax error
 * of the categories.
 */
export function fromForm(
  form: SettingsForm,
): { body: unknown; jsonError: null } | { body: null; jsonError: string } {
  let categories: unknown;
  try {
    categories = JSON.parse(form.categoriesJson);
  } catch (error) {
    return { body: null, jsonError: error instanceof Error ? error.message : String(error) };
  }
  const byCategory: Record<string, { acknowledgementDays: number; answerDays: number }> = {};
  for (const [id, clocks] of Object.entries(form.byCategory)) {
    if (clocks.acknowledgementDays.trim() === '' && clocks.answerDays.trim() === '') continue;
    byCategory[id] = {
      acknowledgementDays: number(clocks.acknowledgementDays),
      answerDays: number(clocks.answerDays),
    };
  }
  return {
    jsonError: null,
    body: {
      categories,
      slaHours: Object.fromEntries(
        SEVERITIES.map((severity) => [severity, number(form.slaHours[severity])]),
      ),
      legalClocks: {
        acknowledgementDays: number(form.acknowledgementDays),
        answerDays: number(form.answerDays),
        byCategory,
      },
      retention: { closedCaseDays: number(form.closedCaseDays) },
      suppression: { k: number(form.suppressionK) },
      reporterAccessLapseDays: number(form.reporterAccessLapseDays),
    },
  };
}

/** The categories the JSON text names, if it reads; for the per-category legal clocks. */
export function categoriesIn(json: string): Pick<Category, 'id' | 'labels'>[] | null {
  try {
    const value: unknown = JSON.parse(json);
    if (!Array.isArray(value)) return null;
    return value.flatMap((item: unknown) =>
      typeof item === 'object' && item !== null && typeof (item as Category).id === 'string'
        ? [{ id: (item as Category).id, labels: (item as Category).labels }]
        : [],
    );
  } catch {
    return null;
  }
}

/** The id of the control that shows a field's error. */
export function settingsFieldId(field: string): string {
  if (field === 'categories' || field.startsWith('categories.')) return 'settings-categories';
  const byCategory = /^legalClocks\.byCategory\.([^.]+)(?:\.(answerDays))?/.exec(field);
  if (byCategory) {
    return `settings-clock-${byCategory[1]}-${byCategory[2] ?? 'acknowledgementDays'}`;
  }
  return `settings-${field.replace(/\./g, '-')}`;
}
