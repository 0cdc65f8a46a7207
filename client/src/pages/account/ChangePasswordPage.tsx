import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { PageHeading } from '../../app/PageHeading';
import { readReturnState, returnPath } from '../../auth/returnTo';
import { PasswordChangeForm } from '../../components/PasswordChangeForm';

/**
 * Where a user whose password an administrator set (or reset) must go first: the server answers
 * nothing else until they have chosen their own.
 */
export function ChangePasswordPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const destination = returnPath(readReturnState(useLocation().state));

  return (
    <>
      <PageHeading>{t('password.requiredTitle')}</PageHeading>
      <p>{t('password.requiredIntro')}</p>
      <PasswordChangeForm
        currentLabel={t('password.currentTemporary')}
        onChanged={() => void navigate(destination, { replace: true })}
      />
    </>
  );
}
