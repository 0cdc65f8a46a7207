import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** A page's one h1, which also names the browser tab after the page. */
export function PageHeading({ children }: { children: string }) {
  const { t } = useTranslation();

  useEffect(() => {
    document.title = t('app.pageTitle', { page: children });
  }, [children, t]);

  // tabIndex -1 lets the shell focus the heading after a navigation without adding a Tab stop.
  return <h1 tabIndex={-1}>{children}</h1>;
}
