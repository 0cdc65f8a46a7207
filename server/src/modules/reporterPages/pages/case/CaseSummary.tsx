import type { ReporterCaseView } from '@haven/shared';
import { formatDay } from '../../format';
import { usePage } from '../../PageContext';

/** The status in words and the dates the reporter can expect answers by. */
export function CaseSummary({ view }: { view: ReporterCaseView }) {
  const { t, language } = usePage();
  return (
    <dl className="summary">
      <div>
        <dt>{t('case.status')}</dt>
        <dd>
          <strong className="status-badge">{t(`case.statuses.${view.status}`)}</strong>{' '}
          <span>{t(`case.statusHelp.${view.status}`)}</span>
        </dd>
      </div>
      <div>
        <dt>{t('case.submittedAt')}</dt>
        <dd>{formatDay(view.submittedAt, language.code)}</dd>
      </div>
      <div>
        <dt>{t('case.acknowledgeBy')}</dt>
        <dd>{formatDay(view.acknowledgeBy, language.code)}</dd>
      </div>
      <div>
        <dt>{t('case.answerBy')}</dt>
        <dd>{formatDay(view.answerBy, language.code)}</dd>
      </div>
    </dl>
  );
}
