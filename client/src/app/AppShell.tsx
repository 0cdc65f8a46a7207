import { useRef, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet } from 'react-router';
import { LanguageSwitcher } from '../i18n/LanguageSwitcher';
import { ConsoleNav } from './ConsoleNav';
import { useFocusHeadingOnNavigation } from './useFocusHeadingOnNavigation';

const MAIN_ID = 'main-content';

/** The frame around every page: skip link, header, the page itself, footer. */
export function AppShell() {
  const { t } = useTranslation();
  const mainRef = useRef<HTMLElement>(null);
  useFocusHeadingOnNavigation(mainRef);

  // Moving focus in script rather than following the link keeps the address unchanged: a
  // fragment would replace the one the setup page reads its token from.
  function skipToMain(event: MouseEvent<HTMLAnchorElement>) {
    event.preventDefault();
    mainRef.current?.focus();
  }

  return (
    <div className="shell">
      <a className="skip-link" href={`#${MAIN_ID}`} onClick={skipToMain}>
        {t('app.skipToContent')}
      </a>
      <header className="shell-header">
        <div className="shell-column shell-bar">
          <Link className="product-name" to="/">
            {t('app.name')}
          </Link>
          <LanguageSwitcher />
        </div>
        <ConsoleNav />
      </header>
      <main id={MAIN_ID} ref={mainRef} tabIndex={-1} className="shell-column shell-main">
        <Outlet />
      </main>
      <footer className="shell-footer">
        <p className="shell-column">{t('app.footer')}</p>
      </footer>
    </div>
  );
}
