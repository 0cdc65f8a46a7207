import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeading } from '../app/PageHeading';

export function HomePage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading>{t('home.title')}</PageHeading>
      <p>{t('home.intro')}</p>
      <p>{t('home.signInSoon')}</p>
      <p>
        <Link to="/setup">{t('home.setupLink')}</Link>
      </p>
    </>
  );
}
