import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeading } from '../app/PageHeading';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading>{t('notFound.title')}</PageHeading>
      <p>{t('notFound.explanation')}</p>
      <p>
        <Link to="/">{t('notFound.homeLink')}</Link>
      </p>
    </>
  );
}
