import type { ReactNode } from 'react';
import { usePage } from '../PageContext';
import { LanguageLinks } from './LanguageLinks';
import { QuickExit } from './QuickExit';

export const MAIN_ID = 'main';

/**
 * The document around every reporter page: skip link, quick exit (the first things a keyboard
 * reaches), header, the page, and a footer with the safety page and the languages.
 */
export function Layout({
  title,
  hasErrors = false,
  children,
}: {
  title: string;
  /** Prefixes the title, so a screen reader announces the problem as the page loads. */
  hasErrors?: boolean;
  children: ReactNode;
}) {
  const { t, language, assets, href, languageLinks } = usePage();
  const pageTitle = hasErrors ? t('app.errorTitle', { page: title }) : title;
  return (
    <html lang={language.code} dir={language.dir}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="referrer" content="no-referrer" />
        <meta name="robots" content="noindex, nofollow" />
        <title>{t('app.pageTitle', { page: pageTitle })}</title>
        {/* An empty icon, so the browser asks for none. */}
        <link rel="icon" href="data:," />
        {assets && <link rel="stylesheet" href={assets.stylesheet} />}
        {assets && <script type="module" src={assets.script} />}
      </head>
      <body>
        <a className="skip-link" href={`#${MAIN_ID}`}>
          {t('app.skipToContent')}
        </a>
        {/* The quick exit comes first for the keyboard; the style shows it at the far end. */}
        <header className="site-header">
          <div className="column">
            <QuickExit />
            <a className="product-name" href={href('/')}>
              {t('app.name')}
            </a>
          </div>
        </header>
        <main id={MAIN_ID} tabIndex={-1} className="column site-main">
          {children}
        </main>
        <footer className="site-footer">
          <div className="column footer-columns">
            <nav aria-label={t('app.moreLinks')}>
              <a href={href('/safety')}>{t('app.safetyLink')}</a>
            </nav>
            {languageLinks && <LanguageLinks />}
            <p className="footer-note">{t('app.footerNote')}</p>
          </div>
        </footer>
      </body>
    </html>
  );
}
