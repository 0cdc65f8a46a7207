import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeading } from '../app/PageHeading';

/** A page the user's roles do not open. */
export function NotAllowedPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading>{t('notAllowed.title')}</PageHeading>
      <p>{t('notAllowed.explanation')}</p>
      <p>
        <Link to="/">{t('notAllowed.homeLink')}</Link>
      </p>
    </>
  );
}
