import type { CaseDetail } from '@haven/shared';
import { useTranslation } from 'react-i18next';
import { requestEscalation } from '../../api/cases';
import { ReasonForm } from './ReasonForm';
import type { RunChange } from './useCaseDetail';

/**
 * An officer's way to ask a supervisor to escalate: a flag with a reason, not a move. Once
 * asked, the panel says so until a supervisor decides.
 */
export function EscalationRequestPanel({
  detail,
  runChange,
}: {
  detail: CaseDetail;
  runChange: RunChange;
}) {
  const { t } = useTranslation();
  return (
    <section className="panel" aria-labelledby="escalation-title">
      <h2 id="escalation-title">{t('cases.escalation.title')}</h2>
      {detail.escalationRequested ? (
        <p className="notice">{t('cases.escalation.pending')}</p>
      ) : (
        <ReasonForm
          id="escalation-reason"
          label={t('cases.escalation.reason')}
          hint={t('cases.escalation.hint')}
          submitLabel={t('cases.escalation.submit')}
          required
          onSubmit={(reason) =>
            runChange(
              (current) =>
                requestEscalation(current.id, { version: current.version, reason: reason ?? '' }),
              (tr) => tr('cases.escalation.done'),
            )
          }
        />
      )}
    </section>
  );
}
