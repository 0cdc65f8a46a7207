import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { PageHeading } from '../../app/PageHeading';
import { useAuth } from '../../auth/authContext';
import { readReturnState, returnPath } from '../../auth/returnTo';
import { RecoveryCodesList } from '../../components/RecoveryCodesList';
import { SavedCodesConfirmation } from '../../components/SavedCodesConfirmation';

/** The recovery codes made at enrolment, shown this once. */
export function NewRecoveryCodesPage() {
  const { t } = useTranslation();
  const { state, freshRecoveryCodes, forgetRecoveryCodes } = useAuth();
  const navigate = useNavigate();
  const returnState = readReturnState(useLocation().state);
  const destination = returnPath(returnState);

  if (!freshRecoveryCodes || state.status !== 'signedIn') {
    return <Navigate to={destination} replace />;
  }

  function done() {
    void navigate(destination, { replace: true });
    forgetRecoveryCodes();
  }

  return (
    <>
      <PageHeading>{t('recoveryCodes.title')}</PageHeading>
      <p>{t('recoveryCodes.intro')}</p>
      <p className="notice">{t('recoveryCodes.onlyOnce')}</p>
      <RecoveryCodesList codes={freshRecoveryCodes} username={state.me.username} />
      <SavedCodesConfirmation submitLabel={t('recoveryCodes.continue')} onConfirmed={done} />
    </>
  );
}
