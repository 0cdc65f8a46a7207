import { useTranslation } from 'react-i18next';
import { CopyButton } from './CopyButton';
import { saveFile } from './saveFile';

/**
 * Recovery codes as they are shown once: a list to read or print, a copy button and a download
 * as a text file. The file is made in the browser; the codes never travel again.
 */
export function RecoveryCodesList({ codes, username }: { codes: string[]; username: string }) {
  const { t } = useTranslation();
  const text = codes.join('\n');

  function download() {
    const file = [t('recoveryCodes.fileHeading', { username }), '', ...codes, ''].join('\n');
    saveFile(`haven-recovery-codes-${username}.txt`, file, 'text/plain;charset=utf-8');
  }

  return (
    <div className="recovery-codes">
      <ol className="recovery-code-list" aria-label={t('recoveryCodes.listLabel')}>
        {codes.map((code) => (
          <li key={code}>
            <code dir="ltr">{code}</code>
          </li>
        ))}
      </ol>
      <div className="button-row">
        <CopyButton text={text} label={t('recoveryCodes.copy')} />
        <button type="button" className="button button-secondary" onClick={download}>
          {t('recoveryCodes.download')}
        </button>
      </div>
    </div>
  );
}
