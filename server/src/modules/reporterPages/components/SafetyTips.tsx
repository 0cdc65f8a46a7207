import { usePage } from '../PageContext';

/** The few things to know before reporting, on the start page. */
export function SafetyTips() {
  const { t } = usePage();
  return (
    <ul className="safety-tips">
      <li>{t('safetyTips.device')}</li>
      <li>{t('safetyTips.exit')}</li>
      <li>{t('safetyTips.receipt')}</li>
      <li>{t('safetyTips.files')}</li>
    </ul>
  );
}
