import { can } from '@haven/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { useAuth } from '../auth/authContext';
import { consoleSections } from './consoleSections';

/**
 * The signed-in user's way around the console: only the sections their roles open (the shared
 * permission matrix decides), who they are, and signing out.
 */
export function ConsoleNav() {
  const { t } = useTranslation();
  const { state, signOut } = useAuth();
  const [signingOut, setSigningOut] = useState(false);

  if (state.status !== 'signedIn') return null;
  const { me } = state;
  const sections = consoleSections(t).filter(
    (section) => section.permission === null || can(me.roles, section.permission),
  );

  // The page's guard then sends the signed-out user to the sign-in page.
  async function handleSignOut() {
    setSigningOut(true);
    try {
      await signOut();
    } catch {
      // The session is forgotten here whatever the server answered.
    }
  }

  return (
    <div className="shell-column console-nav">
      {/* Until a required new password is chosen, the server answers nothing else. */}
      {me.passwordChangeRequired ? (
        <span />
      ) : (
        <nav aria-label={t('nav.label')}>
          <ul className="nav-list">
            <li>
              <NavLink to="/" end>
                {t('nav.home')}
              </NavLink>
            </li>
            {sections.map((section) => (
              <li key={section.path}>
                <NavLink to={section.path}>{section.title}</NavLink>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <div className="signed-in-as">
        <span>{t('nav.signedInAs', { name: me.displayName })}</span>
        <button
          type="button"
          className="button button-on-brand button-small"
          onClick={() => void handleSignOut()}
          disabled={signingOut}
        >
          {t('nav.signOut')}
        </button>
      </div>
    </div>
  );
}
