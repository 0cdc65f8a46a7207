import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../forms/ErrorSummary';
import { Checkbox } from '../forms/fields';
import { useFormErrors } from '../forms/useFormErrors';

const IDS = { saved: 'recovery-codes-saved' };

/** "I have saved these codes", required before the codes go away for good. */
export function SavedCodesConfirmation({
  submitLabel,
  onConfirmed,
}: {
  submitLabel: string;
  onConfirmed(): void;
}) {
  const { t } = useTranslation();
  const [saved, setSaved] = useState(false);
  const form = useFormErrors();

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!saved) {
      form.setErrors([{ field: 'saved', message: t('recoveryCodes.confirmRequired') }]);
      return;
    }
    onConfirmed();
  }

  return (
    <form className="form" noValidate onSubmit={submit}>
      <ErrorSummary errors={form.errors} fieldIds={IDS} />
      <Checkbox
        id={IDS.saved}
        label={t('recoveryCodes.confirm')}
        checked={saved}
        onChange={(event) => setSaved(event.target.checked)}
      />
      <div className="button-row">
        <button type="submit" className="button">
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
