import { CLOSED_STATUSES, type CaseDetail, type FormDefinition } from '@haven/shared';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../components/formatting';
import { SeverityBadge, StatusBadge, TlpBadge } from './CaseBadges';
import { formatAge } from './caseDates';
import { classificationName, countryName } from './caseLabels';
import { DueDate } from './DueDate';

/** Where the case stands: its labels, who holds it, and the deadlines running on it. */
export function CaseHeader({
  detail,
  form,
  now,
}: {
  detail: CaseDetail;
  form: FormDefinition | null;
  now: number;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const { clocks } = detail;
  return (
    <section className="case-header" aria-label={t('cases.case.summaryLabel')}>
      <ul className="badge-row">
        <li>
          <StatusBadge status={detail.status} />
        </li>
        <li>
          <SeverityBadge severity={detail.severity} labelled />
        </li>
        <li>
          <TlpBadge tlp={detail.tlp} />
        </li>
        {detail.escalationRequested ? (
          <li className="tag tag-escalation">{t('cases.escalationRequested')}</li>
        ) : null}
      </ul>
      <dl className="case-facts">
        <div>
          <dt>{t('cases.case.category')}</dt>
          <dd>{classificationName(i18n, form, detail.category, detail.subcategory)}</dd>
        </div>
        <div>
          <dt>{t('cases.case.assignee')}</dt>
          <dd>{detail.assignee?.displayName ?? t('cases.unassigned')}</dd>
        </div>
        <div>
          <dt>{t('cases.case.received')}</dt>
          <dd>
            {formatDateTime(detail.receivedAt, language)}{' '}
            <span className="cell-sub">({formatAge(detail.receivedAt, now, language)})</span>
          </dd>
        </div>
        <div>
          <dt>{t('cases.case.slaDue')}</dt>
          <dd>
            {detail.slaDueAt ? (
              <DueDate
                due={detail.slaDueAt}
                now={now}
                overdue={detail.overdue}
                stopped={CLOSED_STATUSES.includes(detail.status)}
              />
            ) : (
              t('cases.case.noSla')
            )}
          </dd>
        </div>
        <div>
          <dt>{t('cases.case.acknowledgeBy')}</dt>
          <dd>
            <DueDate due={clocks.acknowledgeBy} now={now} doneAt={clocks.acknowledgedAt} />
          </dd>
        </div>
        <div>
          <dt>{t('cases.case.answerBy')}</dt>
          <dd>
            <DueDate due={clocks.answerBy} now={now} doneAt={clocks.answeredAt} />
          </dd>
        </div>
        {detail.country ? (
          <div>
            <dt>{t('cases.case.country')}</dt>
            <dd>{countryName(language, detail.country)}</dd>
          </div>
        ) : null}
        {detail.tags.length > 0 ? (
          <div>
            <dt>{t('cases.case.tags')}</dt>
            <dd>
              <ul className="tags">
                {detail.tags.map((tag) => (
                  <li key={tag} className="tag" dir="auto">
                    {tag}
                  </li>
                ))}
              </ul>
            </dd>
          </div>
        ) : null}
      </dl>
    </section>
  );
}
