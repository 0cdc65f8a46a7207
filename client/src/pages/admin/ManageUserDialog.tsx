import {
  UpdateUserRequestSchema,
  type Role,
  type StaffUser,
  type UpdateUserRequest,
} from '@haven/shared';
import type { TFunction } from 'i18next';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchUser, resetPassword, resetSecondFactor, updateUser } from '../../api/admin';
import { CopyButton } from '../../components/CopyButton';
import { Dialog } from '../../components/Dialog';
import { ErrorSummary } from '../../forms/ErrorSummary';
import { TextField } from '../../forms/fields';
import { requestErrors, schemaErrors } from '../../forms/formErrors';
import { useFormErrors } from '../../forms/useFormErrors';
import { RoleCheckboxes } from './RoleCheckboxes';

const IDS = { displayName: 'edit-user-name', roles: 'edit-user-roles' };

type Action = 'disable' | 'enable' | 'resetMfa' | 'forcePassword' | 'resetPassword';

/**
 * One staff account: its name and roles, and the actions on it. The actions that lock someone
 * out ask for confirmation first. The server keeps the last admin and refuses stale changes;
 * its answer is shown as it comes.
 */
export function ManageUserDialog({
  user,
  onUpdated,
  onClose,
}: {
  user: StaffUser;
  /** `message` says what was done, in the language shown when it is read. */
  onUpdated(user: StaffUser, message: (t: TFunction) => string): void;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const [displayName, setDisplayName] = useState(user.displayName);
  const [roles, setRoles] = useState<Role[]>(user.roles);
  const [confirming, setConfirming] = useState<Action | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useFormErrors();
  const [reset, setReset] = useState<{ user: StaffUser; temporaryPassword: string } | null>(null);
  const questionRef = useRef<HTMLParagraphElement>(null);
  const resultRef = useRef<HTMLHeadingElement>(null);
  const actionButtons = useRef(new Map<Action, HTMLButtonElement | null>());

  async function run(task: () => Promise<StaffUser>, message: (t: TFunction) => string) {
    if (busy) return;
    setBusy(true);
    try {
      const updated = await task();
      onUpdated(updated, message);
    } catch (error) {
      fail(error);
    }
  }

  function fail(error: unknown) {
    setConfirming(null);
    form.setErrors(
      requestErrors(t, error, (_status, code) =>
        code === 'last_admin' ? t('users.lastAdmin') : undefined,
      ),
    );
    setBusy(false);
  }

  async function resetThePassword() {
    if (busy) return;
    setBusy(true);
    try {
      const temporaryPassword = await resetPassword(user.id);
      setReset({ user: await fetchUser(user.id), temporaryPassword });
      setBusy(false);
      requestAnimationFrame(() => resultRef.current?.focus());
    } catch (error) {
      fail(error);
    }
  }

  function save(event: FormEvent) {
    event.preventDefault();
    const change: UpdateUserRequest = { version: user.version };
    if (displayName.trim() !== user.displayName) change.displayName = displayName;
    if (roles.join() !== user.roles.join()) change.roles = roles;
    const parsed = UpdateUserRequestSchema.safeParse(change);
    if (!parsed.success) {
      form.setErrors(
        schemaErrors(t, parsed.error.issues, { roles: t('validation.rolesRequired') }),
      );
      return;
    }
    if (Object.keys(parsed.data).length === 1) {
      onClose();
      return;
    }
    void run(
      () => updateUser(user.id, parsed.data),
      (tr) => tr('users.saved', { name: parsed.data.displayName ?? user.displayName }),
    );
  }

  function ask(action: Action) {
    form.clearErrors();
    setConfirming(action);
    requestAnimationFrame(() => questionRef.current?.focus());
  }

  function cancel() {
    const action = confirming;
    setConfirming(null);
    if (action) requestAnimationFrame(() => actionButtons.current.get(action)?.focus());
  }

  function perform(action: Action) {
    const name = user.displayName;
    switch (action) {
      case 'disable':
        return run(
          () => updateUser(user.id, { version: user.version, disabled: true }),
          (tr) => tr('users.disabledDone', { name }),
        );
      case 'enable':
        return run(
          () => updateUser(user.id, { version: user.version, disabled: false }),
          (tr) => tr('users.enabledDone', { name }),
        );
      case 'resetPassword':
        return resetThePassword();
      case 'resetMfa':
        return run(
          () => resetSecondFactor(user.id),
          (tr) => tr('users.resetMfaDone', { name }),
        );
      case 'forcePassword':
        return run(
          () => updateUser(user.id, { version: user.version, forcePasswordChange: true }),
          (tr) => tr('users.forcePasswordDone', { name }),
        );
    }
  }

  const actions: { action: Action; label: string; description: string; question: string }[] = [
    user.disabled
      ? {
          action: 'enable',
          label: t('users.enable'),
          description: t('users.enableDescription'),
          question: t('users.enableQuestion', { name: user.displayName }),
        }
      : {
          action: 'disable',
          label: t('users.disable'),
          description: t('users.disableDescription'),
          question: t('users.disableQuestion', { name: user.displayName }),
        },
    {
      action: 'resetMfa',
      label: t('users.resetMfa'),
      description: t('users.resetMfaDescription'),
      question: t('users.resetMfaQuestion', { name: user.displayName }),
    },
    {
      action: 'resetPassword',
      label: t('users.resetPassword'),
      description: t('users.resetPasswordDescription'),
      question: t('users.resetPasswordQuestion', { name: user.displayName }),
    },
    {
      action: 'forcePassword',
      label: t('users.forcePassword'),
      description: t('users.forcePasswordDescription'),
      question: t('users.forcePasswordQuestion', { name: user.displayName }),
    },
  ];
  const pendingAction = actions.find((candidate) => candidate.action === confirming);

  if (reset) {
    const done = () =>
      onUpdated(reset.user, (tr) =>
        tr('users.resetPasswordDone', { name: reset.user.displayName }),
      );
    return (
      <Dialog title={t('users.manageTitle', { name: user.displayName })} onClose={done}>
        <h3 className="dialog-subtitle" tabIndex={-1} ref={resultRef}>
          {t('users.resetPasswordResult')}
        </h3>
        <p>{t('users.temporaryPasswordIntro')}</p>
        <p className="secret-row">
          <code className="temporary-password" dir="ltr">
            {reset.temporaryPassword}
          </code>
          <CopyButton text={reset.temporaryPassword} label={t('users.copyPassword')} />
        </p>
        <p className="notice">{t('users.temporaryPasswordOnce')}</p>
        <div className="button-row">
          <button type="button" className="button" onClick={done}>
            {t('users.done')}
          </button>
        </div>
      </Dialog>
    );
  }

  return (
    <Dialog title={t('users.manageTitle', { name: user.displayName })} onClose={onClose}>
      <p className="dialog-meta" dir="ltr">
        {user.username}
      </p>
      <ErrorSummary errors={form.errors} fieldIds={IDS} />
      <form className="form" noValidate onSubmit={save}>
        <TextField
          id={IDS.displayName}
          label={t('users.displayName')}
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
          <button type="submit" className="button">
            {t('users.save')}
          </button>
          <button type="button" className="button button-secondary" onClick={onClose}>
            {t('users.cancel')}
          </button>
        </div>
      </form>

      <h3 className="dialog-subtitle">{t('users.actionsTitle')}</h3>
      {pendingAction ? (
        <div className="confirm" role="group" aria-labelledby="confirm-question">
          <p id="confirm-question" tabIndex={-1} ref={questionRef}>
            {pendingAction.question}
          </p>
          <p className="field-hint">{pendingAction.description}</p>
          <div className="button-row">
            <button
              type="button"
              className={pendingAction.action === 'enable' ? 'button' : 'button button-danger'}
              onClick={() => void perform(pendingAction.action)}
            >
              {t('users.confirm', { action: pendingAction.label })}
            </button>
            <button type="button" className="button button-secondary" onClick={cancel}>
              {t('users.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <ul className="action-list">
          {actions.map(({ action, label, description }) => (
            <li key={action}>
              <button
                type="button"
                className={
                  action === 'enable' ? 'button button-secondary' : 'button button-danger-outline'
                }
                ref={(element) => {
                  actionButtons.current.set(action, element);
                }}
                aria-describedby={`action-${action}`}
                onClick={() => ask(action)}
              >
                {label}
              </button>
              <p className="field-hint" id={`action-${action}`}>
                {description}
              </p>
            </li>
          ))}
        </ul>
      )}
    </Dialog>
  );
}
