import {
  CreateUserRequestSchema,
  type CreateUserRequest,
  type Role,
  type StaffUser,
} from '@haven/shared';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { createUser } from '../../api/admin';
import { isApiError } from '../../api/ApiError';
import { CopyButton } from '../../components/CopyButton';
import { Dialog } from '../../components/Dialog';
import { ErrorSummary } from '../../forms/ErrorSummary';
import { TextField, SubmitButton } from '../../forms/fields';
import { requestErrors, schemaErrors } from '../../forms/formErrors';
import { useFormErrors } from '../../forms/useFormErrors';
import { RoleCheckboxes } from './RoleCheckboxes';

const IDS = {
  username: 'new-user-username',
  displayName: 'new-user-name',
  roles: 'new-user-roles',
};

/**
 * A new staff account. The server answers a temporary password, shown here once: the new user
 * replaces it and sets up their authenticator app at their first sign-in.
 */
export function CreateUserDialog({
  onCreated,
  onClose,
}: {
  onCreated(user: StaffUser): void;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [roles, setRoles] = useState<Role[]>(['officer']);
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<{ user: StaffUser; temporaryPassword: string } | null>(
    null,
  );
  const form = useFormErrors();
  const resultRef = useRef<HTMLHeadingElement>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const request: CreateUserRequest = { username: username.trim(), displayName, roles };
    const parsed = CreateUserRequestSchema.safeParse(request);
    if (!parsed.success) {
      form.setErrors(
        schemaErrors(t, parsed.error.issues, {
          username: t('validation.username'),
          roles: t('validation.rolesRequired'),
        }),
      );
      return;
    }
    setBusy(true);
    try {
      const answer = await createUser(parsed.data);
      setCreated(answer);
      onCreated(answer.user);
      requestAnimationFrame(() => resultRef.current?.focus());
    } catch (error) {
      form.setErrors(
        isApiError(error) && error.code === 'username_taken'
          ? [{ field: 'username', message: t('users.usernameTaken') }]
          : requestErrors(t, error),
      );
    } finally {
      setBusy(false);
    }
  }

  if (created) {
    return (
      <Dialog title={t('users.createdTitle')} onClose={onClose}>
        <h3 tabIndex={-1} ref={resultRef} className="dialog-subtitle">
          {t('users.createdFor', {
            name: created.user.displayName,
            username: created.user.username,
          })}
        </h3>
        <p>{t('users.temporaryPasswordIntro')}</p>
        <p className="secret-row">
          <code className="temporary-password" dir="ltr">
            {created.temporaryPassword}
          </code>
          <CopyButton text={created.temporaryPassword} label={t('users.copyPassword')} />
        </p>
        <p className="notice">{t('users.temporaryPasswordOnce')}</p>
        <div className="button-row">
          <button type="button" className="button" onClick={onClose}>
            {t('users.done')}
          </button>
        </div>
      </Dialog>
    );
  }

  return (
    <Dialog title={t('users.createTitle')} onClose={onClose}>
      <ErrorSummary errors={form.errors} fieldIds={IDS} />
      <form className="form" noValidate onSubmit={(event) => void submit(event)}>
        <TextField
          id={IDS.username}
          label={t('users.username')}
          hint={t('users.usernameHint')}
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          dir="ltr"
          value={username}
          onChange={(event) => setUsername(event.target.value)}
          error={form.fieldError('username')}
        />
        <TextField
          id={IDS.displayName}
          label={t('users.displayName')}
          hint={t('users.displayNameHint')}
          autoComplete="off"
          value={displayName}
          onChange={(event) => setDisplayName(event.target.value)}
          error={form.fieldError('displayName')}
        />
        <RoleCheckboxes
          idPrefix={IDS.roles}
          roles={roles}
          onChange={setRoles}
          error={form.fieldError('roles')}
        />
        <div className="button-row">
          <SubmitButton busy={busy} label={t('users.create')} busyLabel={t('users.creating')} />
          <button type="button" className="button button-secondary" onClick={onClose}>
            {t('users.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
