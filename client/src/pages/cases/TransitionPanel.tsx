import { allowedTransitions, type CaseDetail, type TransitionRule } from '@haven/shared';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { transitionCase } from '../../api/cases';
import { ErrorSummary } from '../../forms/ErrorSummary';
import { useFormErrors } from '../../forms/useFormErrors';
import { statusName } from './caseLabels';
import { ReasonForm } from './ReasonForm';
import type { RunChange } from './useCaseDetail';

/**
 * The moves the reader may make from the case's status, drawn from the shared workflow and
 * permission matrix (the server checks again). A move that needs a reason asks for it first.
 * Marking a duplicate is a merge with the case it repeats (see the duplicates panel).
 */
export function TransitionPanel({
  detail,
  roles,
  ownsCase,
  runChange,
}: {
  detail: CaseDetail;
  roles: readonly string[];
  ownsCase: boolean;
  runChange: RunChange;
}) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const rules = allowedTransitions(detail.status, roles, ownsCase).filter((rule) => !rule.viaLink);

  async function move(rule: TransitionRule, reason?: string) {
    setBusy(true);
    errors.clearErrors();
    const outcome = await runChange(
      (current) =>
        transitionCase(current.id, {
          version: current.version,
          to: rule.to,
          ...(reason ? { reason } : {}),
        }),
      (tr) => tr('cases.actions.done', { status: tr(`cases.status.${rule.to}`) }),
    );
    setBusy(false);
    if (outcome.ok) {
      setAsking(null);
      // The button pressed may be gone with the old status.
      headingRef.current?.focus();
    } else if (!rule.reasonRequired) {
      // A move without a form of its own shows its refusal here.
      errors.setErrors(outcome.errors);
    }
    return outcome;
  }

  return (
    <section className="panel" aria-labelledby="case-actions-title">
      <h2 id="case-actions-title" tabIndex={-1} ref={headingRef}>
        {t('cases.actions.title')}
      </h2>
      <ErrorSummary errors={errors.errors} />
      {rules.length === 0 ? (
        <p className="field-hint">{t('cases.actions.none')}</p>
      ) : (
        <ul className="action-list">
          {rules.map((rule) => {
            const label = t(`cases.actions.${rule.action}` as 'cases.actions.triage');
            const hintId = `action-${rule.action}-hint`;
            return (
              <li key={rule.action}>
                {asking === rule.action ? (
                  <ReasonForm
                    id={`action-${rule.action}-reason`}
                    label={t('cases.actions.reason', { action: label })}
                    submitLabel={label}
                    required={rule.reasonRequired}
                    onSubmit={(reason) => move(rule, reason)}
                    onCancel={() => setAsking(null)}
                  />
                ) : (
                  <>
                    <button
                      type="button"
                      className="button button-secondary"
                      aria-describedby={hintId}
                      disabled={busy}
                      onClick={() =>
                        rule.reasonRequired ? setAsking(rule.action) : void move(rule)
                      }
                    >
                      {label}
                    </button>
                    <p className="field-hint" id={hintId}>
                      {rule.reasonRequired
                        ? t('cases.actions.movesToWithReason', { status: statusName(t, rule.to) })
                        : t('cases.actions.movesTo', { status: statusName(t, rule.to) })}
                    </p>
                  </>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
