import { REPORT_LIMITS, type FormDefinition, type LanguageCode } from '@haven/shared';
import type { Translator } from '../../i18n';
import type { PageLanguage } from '../../language';
import type { FormProblems, ReportField } from '../../reportForm';

/** The forms of `occurredOn` the form shows as examples. */
export const OCCURRED_ON_EXAMPLES = { month: '2026-03', day: '2026-03-14' };

/**
 * What to tell the reporter about each field when its value is not valid: shown by the server
 * after a submission, and by the script (from `data-error`) as soon as a field is left.
 */
export function fieldMessages(
  t: Translator,
  language: PageLanguage,
  attachments: FormDefinition['attachments'],
): Record<ReportField, string> {
  const number = new Intl.NumberFormat(language.code).format;
  // Plain text has no elements to set a date's direction: Unicode isolates do it instead.
  const ltr = (text: string) => (language.dir === 'rtl' ? `\u2066${text}\u2069` : text);
  const files = {
    count: number(attachments.maxFiles),
    size: number(attachments.maxFileBytes / (1024 * 1024)),
  };
  return {
    topic: t('formErrors.topic'),
    narrative: t('formErrors.narrative', {
      min: number(REPORT_LIMITS.narrativeMin),
      max: number(REPORT_LIMITS.narrativeMax),
    }),
    targets: t('formErrors.targets'),
    country: t('formErrors.country'),
    occurredOn: t('formErrors.occurredOn', {
      month: ltr(OCCURRED_ON_EXAMPLES.month),
      day: ltr(OCCURRED_ON_EXAMPLES.day),
    }),
    platform: t('formErrors.platform', { max: number(REPORT_LIMITS.platformMax) }),
    urls: t('formErrors.urls', { max: number(REPORT_LIMITS.urlsMax) }),
    handles: t('formErrors.handles', {
      max: number(REPORT_LIMITS.handlesMax),
      length: number(REPORT_LIMITS.handleMax),
    }),
    files: t('formErrors.files', files),
    contactName: t('formErrors.contactName', { max: number(REPORT_LIMITS.contactNameMax) }),
    contactEmail: t('formErrors.contactEmail'),
    contactPhone: t('formErrors.contactPhone'),
    contactChannel: t('formErrors.contactChannel'),
    website: t('formErrors.website'),
  };
}

/** The message for the files field after the service refused one, with the reason it gave. */
export function filesMessage(
  t: Translator,
  language: LanguageCode,
  attachments: FormDefinition['attachments'],
  problems: FormProblems | undefined,
): string | undefined {
  if (!problems?.files) return undefined;
  const number = new Intl.NumberFormat(language).format;
  return t(`fileErrors.${problems.files}`, {
    count: number(attachments.maxFiles),
    size: number(attachments.maxFileBytes / (1024 * 1024)),
  });
}
