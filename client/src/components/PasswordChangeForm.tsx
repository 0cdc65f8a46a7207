import { NewPasswordSchema, PASSWORD_POLICY, PasswordChangeRequestSchema } from '@haven/shared';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth/authContext';
import { ErrorSummary } from '../forms/ErrorSummary';
import { TextField, SubmitButton } from '../forms/fields';
import { requestErrors, schemaErrors, type FormError } from '../forms/formErrors';
import { useFormErrors } from '../forms/useFormErrors';

const IDS = {
  currentPassword: 'password-current',
  newPassword: 'password-new',
  confirmPassword: 'password-confirm',
};

/**
 * A new password, given the current one. The server signs out the user's other sessions and
 * gives this one new tokens.
 */
export function PasswordChangeForm({
  currentLabel,
  onChanged,
}: {
  currentLabel: string;
  onChanged(): void;
}) {
  const { t } = useTranslation();
  const { changePassword } = useAuth();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [confirmPassword, setConfirmPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const form = useFormErrors();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const errors: FormError[] = [];
    const parsed = PasswordChangeRequestSchema.safeParse({ currentPassword, newPassword });
    if (!parsed.success) errors.push(...schemaErrors(t, parsed.error.issues));
    if (NewPasswordSchema.safeParse(newPassword).success && confirmPassword !== newPassword) {
      errors.push({ field: 'confirmPassword', message: t('validation.passwordsDiffer') });
    }
    if (errors.length > 0 || !parsed.success) {
      form.setErrors(errors);
      return;
    }
    setBusy(true);
    try {
      await changePassword(parsed.data.currentPassword, parsed.data.newPassword);
      setCurrentPassword('');
      setNewPassword('');
      setConfirmPassword('');
      form.clearErrors();
      onChanged();
    } catch (error) {
      form.setErrors(requestErrors(t, error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="form" noValidate onSubmit={(event) => void submit(event)}>
      <ErrorSummary errors={form.errors} fieldIds={IDS} />
      <TextField
        id={IDS.currentPassword}
        label={currentLabel}
        type="password"
        autoComplete="current-password"
        value={currentPassword}
        onChange={(event) => setCurrentPassword(event.target.value)}
        error={form.fieldError('currentPassword')}
      />
      <TextField
        id={IDS.newPassword}
        label={t('password.new')}
        hint={t('password.newHint', { min: PASSWORD_POLICY.minLength })}
        type="password"
        autoComplete="new-password"
        value={newPassword}
        onChange={(event) => setNewPassword(event.target.value)}
        error={form.fieldError('newPassword')}
      />
      <TextField
        id={IDS.confirmPassword}
        label={t('password.confirm')}
        type="password"
        autoComplete="new-password"
        value={confirmPassword}
        onChange={(event) => setConfirmPassword(event.target.value)}
        error={form.fieldError('confirmPassword')}
      />
      <div className="button-row">
        <SubmitButton
          busy={busy}
          label={t('password.submit')}
          busyLabel={t('password.submitting')}
        />
      </div>
    </form>
  );
}
