import { REASON_MAX } from '@haven/shared';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../forms/ErrorSummary';
import { SubmitButton, TextAreaField } from '../../forms/fields';
import { useFormErrors } from '../../forms/useFormErrors';
import type { ChangeOutcome } from './useCaseDetail';

/**
 * A change that takes a stated reason (a rejection, an escalation, a merge): the reason, then
 * the button that makes the change. On a refusal the reason stays, to send again.
 */
export function ReasonForm({
  id,
  label,
  hint,
  submitLabel,
  required,
  onSubmit,
  onCancel,
}: {
  id: string;
  label: string;
  hint?: string;
  submitLabel: string;
  required: boolean;
  onSubmit(reason: string | undefined): Promise<ChangeOutcome>;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const form = useFormErrors();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const trimmed = reason.trim();
    if (required && trimmed === '') {
      form.setErrors([{ field: 'reason', message: t('cases.reasonRequired') }]);
      return;
    }
    if (trimmed.length > REASON_MAX) {
      form.setErrors([{ field: 'reason', message: t('validation.tooLong', { max: REASON_MAX }) }]);
      return;
    }
    setBusy(true);
    const outcome = await onSubmit(trimmed === '' ? undefined : trimmed);
    setBusy(false);
    if (outcome.ok) {
      setReason('');
      form.clearErrors();
    } else {
      form.setErrors(outcome.errors);
    }
  }

  const fieldError = form.fieldError('reason');
  return (
    <form className="form reason-form" noValidate onSubmit={(event) => void submit(event)}>
      <ErrorSummary errors={form.errors} fieldIds={{ reason: id }} />
      <TextAreaField
        id={id}
        className="input textarea-prose"
        label={required ? label : t('cases.optional', { label })}
        hint={hint}
        value={reason}
        onChange={(event) => setReason(event.target.value)}
        errors={fieldError ? [fieldError] : []}
        rows={3}
      />
      <div className="button-row button-row-tight">
        <SubmitButton busy={busy} label={submitLabel} busyLabel={t('cases.working')} />
        {onCancel ? (
          <button type="button" className="button button-secondary" onClick={onCancel}>
            {t('cases.cancel')}
          </button>
        ) : null}
      </div>
    </form>
  );
}
