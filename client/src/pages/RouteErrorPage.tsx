import { useTranslation } from 'react-i18next';
import { PageHeading } from '../app/PageHeading';

/** Shown in place of a page that failed to render; the details stay in the browser's console. */
export function RouteErrorPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading>{t('routeError.title')}</PageHeading>
      <p>{t('routeError.explanation')}</p>
    </>
  );
}
