import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { PageHeading } from '../app/PageHeading';
import { readSetupToken } from './setupToken';

export function SetupPage() {
  const { t } = useTranslation();
  // Only whether a token is there is shown: the token itself is a secret.
  const hasToken = readSetupToken(useLocation().hash) !== undefined;

  return (
    <>
      <PageHeading>{t('setup.title')}</PageHeading>
      <p>{t('setup.explanation')}</p>
      <p className="notice">{hasToken ? t('setup.tokenPresent') : t('setup.tokenMissing')}</p>
    </>
  );
}
