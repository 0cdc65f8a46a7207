import type { CaseDetail } from '@haven/shared';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A report's text fields, redacted or (in a reveal) original. Links are shown as text, never as
 * links: an officer should not open a hostile page by a slip. `children` are more rows of the
 * details list.
 */
export function ReportText({
  text,
  language,
  children,
}: {
  text: CaseDetail['text'];
  language?: string;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <>
      <div className="narrative" lang={language} dir="auto">
        {text.narrative}
      </div>
      <dl className="details report-details">
        {text.platform ? (
          <div>
            <dt>{t('cases.report.platform')}</dt>
            <dd dir="auto">{text.platform}</dd>
          </div>
        ) : null}
        {text.urls.length > 0 ? (
          <div>
            <dt>{t('cases.report.urls')}</dt>
            <dd>
              <ul className="plain-list">
                {text.urls.map((url) => (
                  <li key={url} className="literal" dir="ltr">
                    {url}
                  </li>
                ))}
              </ul>
            </dd>
          </div>
        ) : null}
        {text.handles.length > 0 ? (
          <div>
            <dt>{t('cases.report.handles')}</dt>
            <dd>
              <ul className="plain-list">
                {text.handles.map((handle) => (
                  <li key={handle} className="literal" dir="auto">
                    {handle}
                  </li>
                ))}
              </ul>
            </dd>
          </div>
        ) : null}
        {children}
      </dl>
    </>
  );
}
