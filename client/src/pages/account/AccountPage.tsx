import { ReauthenticationSchema } from '@haven/shared';
import type { TFunction } from 'i18next';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { renewRecoveryCodes } from '../../api/identity';
import { PageHeading } from '../../app/PageHeading';
import { useAuth, useMe } from '../../auth/authContext';
import { formatDateTime } from '../../components/formatting';
import { PasswordChangeForm } from '../../components/PasswordChangeForm';
import { RecoveryCodesList } from '../../components/RecoveryCodesList';
import { roleList } from '../../components/roles';
import { SavedCodesConfirmation } from '../../components/SavedCodesConfirmation';
import { ErrorSummary } from '../../forms/ErrorSummary';
import { TextField, SubmitButton } from '../../forms/fields';
import { requestErrors, schemaErrors } from '../../forms/formErrors';
import { useFormErrors } from '../../forms/useFormErrors';

const IDS = { password: 'recovery-codes-password' };

/** The signed-in user's own account: who they are, their password, their recovery codes. */
export function AccountPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const [message, setMessage] = useState<((t: TFunction) => string) | null>(null);
  const messageRef = useRef<HTMLParagraphElement>(null);

  function announce(text: (t: TFunction) => string) {
    setMessage(() => text);
    // After the render that shows it.
    requestAnimationFrame(() => messageRef.current?.focus());
  }

  return (
    <>
      <PageHeading>{t('account.title')}</PageHeading>
      {message ? (
        <p className="notice notice-success" role="status" tabIndex={-1} ref={messageRef}>
          {message(t)}
        </p>
      ) : null}
      <dl className="details">
        <div>
          <dt>{t('account.displayName')}</dt>
          <dd>{me.displayName}</dd>
        </div>
        <div>
          <dt>{t('account.username')}</dt>
          <dd dir="ltr">{me.username}</dd>
        </div>
        <div>
          <dt>{t('account.roles')}</dt>
          <dd>{roleList(t, me.roles, i18n.language)}</dd>
        </div>
        <div>
          <dt>{t('account.sessionEnds')}</dt>
          <dd>{formatDateTime(me.session.expiresAt, i18n.language)}</dd>
        </div>
      </dl>

      <section className="section" aria-labelledby="account-password">
        <h2 id="account-password">{t('account.passwordTitle')}</h2>
        <p>{t('account.passwordIntro')}</p>
        <PasswordChangeForm
          currentLabel={t('password.current')}
          onChanged={() => announce((tr) => tr('account.passwordChanged'))}
        />
      </section>

      <section className="section" aria-labelledby="account-recovery">
        <h2 id="account-recovery">{t('account.recoveryTitle')}</h2>
        <RenewRecoveryCodes onDone={announce} />
      </section>
    </>
  );
}

function RenewRecoveryCodes({ onDone }: { onDone(message: (t: TFunction) => string): void }) {
  const { t } = useTranslation();
  const me = useMe();
  const { reloadMe } = useAuth();
  const [password, setPassword] = useState('');
  const [codes, setCodes] = useState<string[] | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useFormErrors();
  const headingRef = useRef<HTMLHeadingElement>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const parsed = ReauthenticationSchema.safeParse({ password });
    if (!parsed.success) {
      form.setErrors(schemaErrors(t, parsed.error.issues));
      return;
    }
    setBusy(true);
    try {
      const fresh = await renewRecoveryCodes(parsed.data.password);
      setPassword('');
      form.clearErrors();
      setCodes(fresh);
      requestAnimationFrame(() => headingRef.current?.focus());
      void reloadMe();
    } catch (error) {
      form.setErrors(requestErrors(t, error));
    } finally {
      setBusy(false);
    }
  }

  if (codes) {
    return (
      <>
        <h3 tabIndex={-1} ref={headingRef}>
          {t('account.newCodesTitle')}
        </h3>
        <p className="notice">{t('recoveryCodes.onlyOnce')}</p>
        <RecoveryCodesList codes={codes} username={me.username} />
        <SavedCodesConfirmation
          submitLabel={t('account.newCodesDone')}
          onConfirmed={() => {
            setCodes(null);
            onDone((tr) => tr('account.newCodesSaved'));
          }}
        />
      </>
    );
  }

  return (
    <>
      <p>{t('account.recoveryLeft', { number: me.recoveryCodesLeft })}</p>
      <p>{t('account.recoveryIntro')}</p>
      <ErrorSummary errors={form.errors} fieldIds={IDS} />
      <form className="form" noValidate onSubmit={(event) => void submit(event)}>
        <TextField
          id={IDS.password}
          label={t('password.current')}
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          error={form.fieldError('password')}
        />
        <div className="button-row">
          <SubmitButton busy={busy} label={t('account.renew')} busyLabel={t('account.renewing')} />
        </div>
      </form>
    </>
  );
}
