import { usePage } from '../PageContext';

/** A neutral site that explains nothing about why someone went there. */
export const QUICK_EXIT_URL = 'https://www.wikipedia.org/';

/**
 * Leaves for a neutral site at once. Without JavaScript it is a plain link; the script makes it
 * replace this page in the history, so Back does not return, and adds Esc pressed twice.
 */
export function QuickExit() {
  const { t } = usePage();
  return (
    <a
      className="quick-exit"
      href={QUICK_EXIT_URL}
      rel="noreferrer"
      data-quick-exit=""
      data-hint={t('enhance.exitHint')}
    >
      {t('app.quickExit')}
    </a>
  );
}
