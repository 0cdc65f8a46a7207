import { SetupRequestSchema, PASSWORD_POLICY } from '@haven/shared';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { setUpFirstAdmin } from '../api/identity';
import { PageHeading } from '../app/PageHeading';
import { SIGN_IN_PATH, type ReturnState } from '../auth/returnTo';
import { ErrorSummary } from '../forms/ErrorSummary';
import { TextField, SubmitButton } from '../forms/fields';
import { requestErrors, schemaErrors, type FormError } from '../forms/formErrors';
import { useFormErrors } from '../forms/useFormErrors';
import { readSetupToken } from './setupToken';

const IDS = {
  username: 'setup-username',
  displayName: 'setup-name',
  password: 'setup-password',
  confirmPassword: 'setup-confirm',
};

/**
 * The first administrator, created with the one-time token of the link the server printed at
 * its first start. The token is read from the fragment and never shown.
 */
export function SetupPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const token = readSetupToken(useLocation().hash);
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [confirmPassword, setConfirmPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [setUpAlready, setSetUpAlready] = useState(false);
  const form = useFormErrors();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy || !token) return;
    const parsed = SetupRequestSchema.safeParse({
      token,
      username: username.trim(),
      displayName,
      password,
    });
    const errors: FormError[] = parsed.success
      ? []
      : schemaErrors(t, parsed.error.issues, { username: t('validation.username') });
    if (confirmPassword !== password && !errors.some((error) => error.field === 'password')) {
      errors.push({ field: 'confirmPassword', message: t('validation.passwordsDiffer') });
    }
    if (!parsed.success || errors.length > 0) {
      form.setErrors(errors);
      return;
    }
    setBusy(true);
    try {
      const admin = await setUpFirstAdmin(parsed.data);
      // Replacing the entry drops the token from the address bar and the history.
      const state: ReturnState = { username: admin.username };
      await navigate(SIGN_IN_PATH, { replace: true, state });
    } catch (error) {
      form.setErrors(
        requestErrors(t, error, (status, code) => {
          if (status === 401) return t('setup.tokenRefused');
          if (code === 'setup_complete') {
            setSetUpAlready(true);
            return t('setup.alreadyDone');
          }
          return undefined;
        }),
      );
      setBusy(false);
    }
  }

  if (!token) {
    return (
      <>
        <PageHeading>{t('setup.title')}</PageHeading>
        <p>{t('setup.explanation')}</p>
        <p className="notice">{t('setup.tokenMissing')}</p>
      </>
    );
  }

  return (
    <>
      <PageHeading>{t('setup.title')}</PageHeading>
      <p>{t('setup.explanation')}</p>
      <p className="notice">{t('setup.tokenPresent')}</p>
      <ErrorSummary errors={form.errors} fieldIds={IDS} />
      {setUpAlready ? (
        <p>
          <Link to={SIGN_IN_PATH}>{t('setup.signInLink')}</Link>
        </p>
      ) : null}
      <form className="form" noValidate onSubmit={(event) => void submit(event)}>
        <TextField
          id={IDS.username}
          label={t('setup.username')}
          hint={t('users.usernameHint')}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          dir="ltr"
          value={username}
          onChange={(event) => setUsername(event.target.value)}
          error={form.fieldError('username')}
        />
        <TextField
          id={IDS.displayName}
          label={t('setup.displayName')}
          hint={t('users.displayNameHint')}
          autoComplete="name"
          value={displayName}
          onChange={(event) => setDisplayName(event.target.value)}
          error={form.fieldError('displayName')}
        />
        <TextField
          id={IDS.password}
          label={t('setup.password')}
          hint={t('password.newHint', { min: PASSWORD_POLICY.minLength })}
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          error={form.fieldError('password')}
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
          <SubmitButton busy={busy} label={t('setup.submit')} busyLabel={t('setup.submitting')} />
        </div>
      </form>
    </>
  );
}
