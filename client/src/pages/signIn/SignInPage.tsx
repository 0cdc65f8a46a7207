import { LoginRequestSchema } from '@haven/shared';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { PageHeading } from '../../app/PageHeading';
import { useAuth } from '../../auth/authContext';
import {
  ENROL_PATH,
  readReturnState,
  returnPath,
  SECOND_FACTOR_PATH,
  type ReturnState,
} from '../../auth/returnTo';
import { ErrorSummary } from '../../forms/ErrorSummary';
import { TextField, SubmitButton } from '../../forms/fields';
import { requestErrors, schemaErrors } from '../../forms/formErrors';
import { useFormErrors } from '../../forms/useFormErrors';

const IDS = { username: 'sign-in-username', password: 'sign-in-password' };

/** The first step of signing in: username and password. */
export function SignInPage() {
  const { t } = useTranslation();
  const { state, beginSignIn } = useAuth();
  const navigate = useNavigate();
  const returnState = readReturnState(useLocation().state);
  const [username, setUsername] = useState(returnState.username ?? '');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const form = useFormErrors();

  if (state.status === 'signedIn' && !busy) {
    return <Navigate to={returnPath(returnState)} replace />;
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const parsed = LoginRequestSchema.safeParse({ username, password });
    if (!parsed.success) {
      form.setErrors(schemaErrors(t, parsed.error.issues));
      return;
    }
    setBusy(true);
    try {
      const challenge = await beginSignIn(parsed.data.username, parsed.data.password);
      const next: ReturnState = returnState.from ? { from: returnState.from } : {};
      await navigate(challenge.enrolmentRequired ? ENROL_PATH : SECOND_FACTOR_PATH, {
        state: next,
      });
    } catch (error) {
      setPassword('');
      form.setErrors(
        requestErrors(t, error, (status) => (status === 401 ? t('signIn.refused') : undefined)),
      );
      setBusy(false);
    }
  }

  return (
    <>
      <PageHeading>{t('signIn.title')}</PageHeading>
      {returnState.sessionEnded ? (
        <p className="notice" role="status">
          {t('signIn.sessionEnded')}
        </p>
      ) : null}
      {returnState.signedOut ? (
        <p className="notice" role="status">
          {t('signIn.signedOut')}
        </p>
      ) : null}
      {returnState.username ? (
        <p className="notice" role="status">
          {t('signIn.adminCreated')}
        </p>
      ) : null}
      <ErrorSummary errors={form.errors} fieldIds={IDS} />
      <form className="form" noValidate onSubmit={(event) => void submit(event)}>
        <TextField
          id={IDS.username}
          label={t('signIn.username')}
          name="username"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          dir="ltr"
          value={username}
          onChange={(event) => setUsername(event.target.value)}
          error={form.fieldError('username')}
        />
        <TextField
          id={IDS.password}
          label={t('signIn.password')}
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          error={form.fieldError('password')}
        />
        <div className="button-row">
          <SubmitButton busy={busy} label={t('signIn.submit')} busyLabel={t('signIn.submitting')} />
        </div>
      </form>
      <p className="aside">{t('signIn.forgotten')}</p>
      <p className="aside">{t('signIn.firstTime')}</p>
    </>
  );
}
