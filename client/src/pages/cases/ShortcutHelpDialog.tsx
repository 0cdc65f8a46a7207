import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';
import type { Shortcut } from './useKeyboardShortcuts';

/** The keyboard shortcuts of the page, as the page defines them. */
export function ShortcutHelpDialog({
  shortcuts,
  onClose,
}: {
  shortcuts: readonly Shortcut[];
  onClose(): void;
}) {
  const { t } = useTranslation();
  return (
    <Dialog title={t('cases.shortcuts.title')} onClose={onClose}>
      <p>{t('cases.shortcuts.intro')}</p>
      <table className="table table-compact shortcut-table">
        <thead>
          <tr>
            <th scope="col">{t('cases.shortcuts.keys')}</th>
            <th scope="col">{t('cases.shortcuts.action')}</th>
          </tr>
        </thead>
        <tbody>
          {shortcuts.map((shortcut) => (
            <tr key={shortcut.description}>
              <td>
                {shortcut.keys.map((sequence, alternative) => (
                  <span key={alternative}>
                    {alternative > 0 ? ` ${t('cases.shortcuts.or')} ` : null}
                    {sequence.map((key, index) => (
                      <span key={index}>
                        {index > 0 ? ` ${t('cases.shortcuts.then')} ` : null}
                        <kbd>{key}</kbd>
                      </span>
                    ))}
                  </span>
                ))}
              </td>
              <td>{shortcut.description}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="button-row">
        <button type="button" className="button" onClick={onClose} autoFocus>
          {t('cases.shortcuts.close')}
        </button>
      </div>
    </Dialog>
  );
}
