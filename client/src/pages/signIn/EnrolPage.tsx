import type { Enrolment } from '@haven/shared';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import { PageHeading } from '../../app/PageHeading';
import { useAuth } from '../../auth/authContext';
import {
  NEW_RECOVERY_CODES_PATH,
  readReturnState,
  SECOND_FACTOR_PATH,
  SIGN_IN_PATH,
} from '../../auth/returnTo';
import { CopyButton } from '../../components/CopyButton';
import { ErrorSummary } from '../../forms/ErrorSummary';
import { TextField, SubmitButton } from '../../forms/fields';
import { requestErrors } from '../../forms/formErrors';
import { useFormErrors } from '../../forms/useFormErrors';

const IDS = { code: 'enrol-code' };

/** Groups a base32 secret in fours, as authenticator apps show and accept it. */
function groupSecret(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, '$1 ');
}

/**
 * Enrolment of the second factor at the first sign-in: the QR code (an SVG made by the server,
 * shown as an image so nothing of it runs in the page), the secret for typing in by hand, and a
 * first code that proves the app was set up.
 */
export function EnrolPage() {
  const { t } = useTranslation();
  const { pending, enrol, activate } = useAuth();
  const navigate = useNavigate();
  const returnState = readReturnState(useLocation().state);
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const form = useFormErrors();
  const started = useRef(false);
  const { setErrors } = form;

  useEffect(() => {
    // Once per challenge: each call makes a new secret and drops the one shown before.
    if (!pending?.enrolmentRequired || started.current) return;
    started.current = true;
    enrol().then(setEnrolment, (error: unknown) =>
      setErrors(
        requestErrors(t, error, (status) => (status === 401 ? t('enrol.expired') : undefined)),
      ),
    );
  }, [pending, enrol, setErrors, t]);

  if (!busy && !pending) return <Navigate to={SIGN_IN_PATH} replace state={returnState} />;
  if (pending && !pending.enrolmentRequired) {
    return <Navigate to={SECOND_FACTOR_PATH} replace state={returnState} />;
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy || !enrolment) return;
    const value = code.replace(/\s/g, '');
    if (!/^\d{6}$/.test(value)) {
      form.setErrors([
        {
          field: 'code',
          message: value === '' ? t('validation.required') : t('secondFactor.codeFormat'),
        },
      ]);
      return;
    }
    setBusy(true);
    try {
      await activate(value);
      await navigate(NEW_RECOVERY_CODES_PATH, { replace: true, state: returnState });
    } catch (error) {
      setCode('');
      form.setErrors(
        requestErrors(t, error, (status) => (status === 401 ? t('enrol.refused') : undefined)),
      );
      setBusy(false);
    }
  }

  return (
    <>
      <PageHeading>{t('enrol.title')}</PageHeading>
      <p>{t('enrol.intro')}</p>
      <ErrorSummary errors={form.errors} fieldIds={IDS} />
      {enrolment ? (
        <ol className="steps">
          <li>
            <h2>{t('enrol.step1Title')}</h2>
            <p>{t('enrol.step1')}</p>
          </li>
          <li>
            <h2>{t('enrol.step2Title')}</h2>
            <p>{t('enrol.step2')}</p>
            <img
              className="qr-code"
              src={enrolment.qrDataUrl}
              alt={t('enrol.qrAlt')}
              width={220}
              height={220}
            />
            <p>{t('enrol.manualIntro')}</p>
            <p className="secret-row">
              <code className="totp-secret" dir="ltr">
                {groupSecret(enrolment.secret)}
              </code>
              <CopyButton text={enrolment.secret} label={t('enrol.copySecret')} />
            </p>
            <p className="field-hint">{t('enrol.manualDetails')}</p>
          </li>
          <li>
            <h2>{t('enrol.step3Title')}</h2>
            <form className="form" noValidate onSubmit={(event) => void submit(event)}>
              <TextField
                id={IDS.code}
                label={t('enrol.codeLabel')}
                hint={t('enrol.codeHint')}
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
              <div className="button-row">
                <SubmitButton
                  busy={busy}
                  label={t('enrol.submit')}
                  busyLabel={t('enrol.submitting')}
                />
              </div>
            </form>
          </li>
        </ol>
      ) : form.errors.length === 0 ? (
        <p role="status">{t('enrol.preparing')}</p>
      ) : null}
      <p>
        <Link to={SIGN_IN_PATH} state={returnState.from ? { from: returnState.from } : {}}>
          {t('secondFactor.startAgain')}
        </Link>
      </p>
    </>
  );
}
