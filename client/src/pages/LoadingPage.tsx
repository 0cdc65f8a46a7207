import { useTranslation } from 'react-i18next';
import { PageHeading } from '../app/PageHeading';

/** Shown while the console finds out whether a session goes on (a reload, a new tab). */
export function LoadingPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading>{t('loading.title')}</PageHeading>
      <p role="status">{t('loading.explanation')}</p>
    </>
  );
}
