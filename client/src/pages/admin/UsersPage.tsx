import type { StaffUser } from '@haven/shared';
import type { TFunction } from 'i18next';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listUsers } from '../../api/admin';
import { PageHeading } from '../../app/PageHeading';
import { formatDateTime } from '../../components/formatting';
import { roleList } from '../../components/roles';
import { requestErrors } from '../../forms/formErrors';
import { CreateUserDialog } from './CreateUserDialog';
import { ManageUserDialog } from './ManageUserDialog';

/** Staff accounts: who has which roles, who can sign in; create, change, disable, reset. */
export function UsersPage() {
  const { t, i18n } = useTranslation();
  const [users, setUsers] = useState<StaffUser[] | null>(null);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [creating, setCreating] = useState(false);
  const [managing, setManaging] = useState<StaffUser | null>(null);
  const [message, setMessage] = useState<((t: TFunction) => string) | null>(null);
  const messageRef = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    listUsers().then((page) => {
      setUsers(page.items);
      setNextCursor(page.nextCursor);
    }, setLoadError);
  }, []);

  async function loadMore(cursor: string) {
    try {
      const page = await listUsers(cursor);
      setUsers((current) => [...(current ?? []), ...page.items]);
      setNextCursor(page.nextCursor);
      setLoadError(null);
    } catch (error) {
      setLoadError(error);
    }
  }

  function replace(user: StaffUser) {
    setUsers((current) => {
      if (!current) return [user];
      const index = current.findIndex((candidate) => candidate.id === user.id);
      return index < 0 ? [...current, user] : current.with(index, user);
    });
  }

  function announce(text: (t: TFunction) => string) {
    setMessage(() => text);
    requestAnimationFrame(() => messageRef.current?.focus());
  }

  return (
    <>
      <PageHeading>{t('users.title')}</PageHeading>
      <p>{t('users.intro')}</p>
      <div className="button-row">
        <button type="button" className="button" onClick={() => setCreating(true)}>
          {t('users.createButton')}
        </button>
      </div>
      {message ? (
        <p className="notice notice-success" role="status" tabIndex={-1} ref={messageRef}>
          {message(t)}
        </p>
      ) : null}
      {loadError ? (
        <p className="notice notice-error" role="alert">
          {requestErrors(t, loadError)[0]?.message}
        </p>
      ) : null}
      {users === null ? (
        loadError ? null : (
          <p role="status">{t('users.loading')}</p>
        )
      ) : (
        <div className="table-scroll" role="region" aria-labelledby="users-caption" tabIndex={0}>
          <table className="table">
            <caption id="users-caption">{t('users.caption', { number: users.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('users.nameColumn')}</th>
                <th scope="col">{t('users.rolesColumn')}</th>
                <th scope="col">{t('users.statusColumn')}</th>
                <th scope="col">{t('users.lastSignInColumn')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('users.actionsColumn')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {users.map((user) => (
                <tr key={user.id}>
                  <th scope="row">
                    <span className="user-name">{user.displayName}</span>
                    <span className="user-username" dir="ltr">
                      {user.username}
                    </span>
                  </th>
                  <td>{roleList(t, user.roles, i18n.language)}</td>
                  <td>
                    <ul className="tags">
                      <li className={user.disabled ? 'tag tag-danger' : 'tag tag-ok'}>
                        {user.disabled ? t('users.statusDisabled') : t('users.statusActive')}
                      </li>
                      {user.mfaEnrolled ? null : <li className="tag">{t('users.statusNoMfa')}</li>}
                      {user.passwordChangeRequired ? (
                        <li className="tag">{t('users.statusMustChangePassword')}</li>
                      ) : null}
                    </ul>
                  </td>
                  <td>
                    {formatDateTime(user.lastLoginAt, i18n.language) ?? t('users.neverSignedIn')}
                  </td>
                  <td>
                    <button
                      type="button"
                      className="button button-secondary button-small"
                      onClick={() => setManaging(user)}
                    >
                      {t('users.manage')}
                      <span className="visually-hidden"> {user.displayName}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {nextCursor ? (
        <div className="button-row">
          <button
            type="button"
            className="button button-secondary"
            onClick={() => void loadMore(nextCursor)}
          >
            {t('users.more')}
          </button>
        </div>
      ) : null}
      {creating ? (
        <CreateUserDialog
          onCreated={(user) => replace(user)}
          onClose={() => {
            setCreating(false);
          }}
        />
      ) : null}
      {managing ? (
        <ManageUserDialog
          key={managing.id}
          user={managing}
          onClose={() => setManaging(null)}
          onUpdated={(user, text) => {
            replace(user);
            setManaging(null);
            announce(text);
          }}
        />
      ) : null}
    </>
  );
}
