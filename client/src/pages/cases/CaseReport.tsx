import type { CaseDetail } from '@haven/shared';
import { useTranslation } from 'react-i18next';
import { ReportText } from './ReportText';

/** What the reporter wrote, with personal data replaced by placeholders (`[EMAIL-1]`). */
export function CaseReport({
  detail,
  onReveal,
}: {
  detail: CaseDetail;
  /** Absent when the reader's roles do not allow reveals. */
  onReveal?: (field: 'narrative' | 'contact') => void;
}) {
  const { t, i18n } = useTranslation();
  const languageName = (() => {
    try {
      return new Intl.DisplayNames([i18n.language], { type: 'language' }).of(detail.language);
    } catch {
      return detail.language;
    }
  })();

  return (
    <section className="case-section" aria-labelledby="case-report-title">
      <h2 id="case-report-title">{t('cases.report.title')}</h2>
      <p className="field-hint">{t('cases.report.redactedHint')}</p>
      <ReportText text={detail.text} language={detail.language}>
        {detail.occurredOn ? (
          <div>
            <dt>{t('cases.report.occurredOn')}</dt>
            <dd>{detail.occurredOn}</dd>
          </div>
        ) : null}
        {detail.targets.length > 0 ? (
          <div>
            <dt>{t('cases.report.targets')}</dt>
            <dd>
              {new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(
                detail.targets.map((target) => t(`cases.targets.${target}`)),
              )}
            </dd>
          </div>
        ) : null}
        <div>
          <dt>{t('cases.report.language')}</dt>
          <dd>{languageName}</dd>
        </div>
        <div>
          <dt>{t('cases.report.contact')}</dt>
          <dd>
            {detail.hasContact ? t('cases.report.contactSealed') : t('cases.report.noContact')}
          </dd>
        </div>
      </ReportText>
      {onReveal ? (
        <div className="button-row">
          <button
            type="button"
            className="button button-secondary"
            onClick={() => onReveal('narrative')}
          >
            {t('cases.reveal.narrativeButton')}
          </button>
          {detail.hasContact ? (
            <button
              type="button"
              className="button button-secondary"
              onClick={() => onReveal('contact')}
            >
              {t('cases.reveal.contactButton')}
            </button>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
