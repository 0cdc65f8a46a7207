import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import { PageHeading } from '../../app/PageHeading';
import { useAuth } from '../../auth/authContext';
import {
  ENROL_PATH,
  readReturnState,
  RECOVERY_CODE_SIGN_IN_PATH,
  returnPath,
  SECOND_FACTOR_PATH,
  SIGN_IN_PATH,
} from '../../auth/returnTo';
import { ErrorSummary } from '../../forms/ErrorSummary';
import { TextField, SubmitButton } from '../../forms/fields';
import { requestErrors, type FormError } from '../../forms/formErrors';
import { useFormErrors } from '../../forms/useFormErrors';

const IDS = { code: 'second-factor-code' };

/**
 * The second step of signing in: the authenticator app's current code or, with
 * `mode="recovery"`, one of the recovery codes.
 */
export function SecondFactorPage({ mode }: { mode: 'code' | 'recovery' }) {
  const { t } = useTranslation();
  const { pending, completeSignIn } = useAuth();
  const navigate = useNavigate();
  const returnState = readReturnState(useLocation().state);
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const form = useFormErrors();

  if (!busy && !pending) return <Navigate to={SIGN_IN_PATH} replace state={returnState} />;
  if (pending?.enrolmentRequired) return <Navigate to={ENROL_PATH} replace state={returnState} />;

  function check(value: string): FormError[] {
    if (value === '') return [{ field: 'code', message: t('validation.required') }];
    if (mode === 'code' && !/^\d{6}$/.test(value)) {
      return [{ field: 'code', message: t('secondFactor.codeFormat') }];
    }
    return [];
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const value = mode === 'code' ? code.replace(/\s/g, '') : code.trim();
    const problems = check(value);
    if (problems.length > 0) {
      form.setErrors(problems);
      return;
    }
    setBusy(true);
    try {
      await completeSignIn(value);
      await navigate(returnPath(returnState), { replace: true });
    } catch (error) {
      setCode('');
      form.setErrors(
        requestErrors(t, error, (status) =>
          status === 401 ? t('secondFactor.refused') : undefined,
        ),
      );
      setBusy(false);
    }
  }

  const forward = returnState.from ? { from: returnState.from } : {};

  return (
    <>
      <PageHeading>
        {mode === 'code' ? t('secondFactor.title') : t('secondFactor.recoveryTitle')}
      </PageHeading>
      <p>{mode === 'code' ? t('secondFactor.intro') : t('secondFactor.recoveryIntro')}</p>
      <ErrorSummary errors={form.errors} fieldIds={IDS} />
      <form className="form" noValidate onSubmit={(event) => void submit(event)}>
        {mode === 'code' ? (
          <TextField
            id={IDS.code}
            label={t('secondFactor.codeLabel')}
            hint={t('secondFactor.codeHint')}
            name="code"
            className="input-code"
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={7}
            dir="ltr"
            value={code}
            onChange={(event) => setCode(event.target.value)}
            error={form.fieldError('code')}
          />
        ) : (
          <TextField
            id={IDS.code}
            label={t('secondFactor.recoveryLabel')}
            hint={t('secondFactor.recoveryHint')}
            name="recovery-code"
            className="input-code"
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            maxLength={20}
            dir="ltr"
            value={code}
            onChange={(event) => setCode(event.target.value)}
            error={form.fieldError('code')}
          />
        )}
        <div className="button-row">
          <SubmitButton
            busy={busy}
            label={t('secondFactor.submit')}
            busyLabel={t('secondFactor.submitting')}
          />
        </div>
      </form>
      <ul className="link-list">
        <li>
          {mode === 'code' ? (
            <Link to={RECOVERY_CODE_SIGN_IN_PATH} state={forward}>
              {t('secondFactor.useRecoveryCode')}
            </Link>
          ) : (
            <Link to={SECOND_FACTOR_PATH} state={forward}>
              {t('secondFactor.useAuthenticator')}
            </Link>
          )}
        </li>
        <li>
          <Link to={SIGN_IN_PATH} state={forward}>
            {t('secondFactor.startAgain')}
          </Link>
        </li>
      </ul>
    </>
  );
}
