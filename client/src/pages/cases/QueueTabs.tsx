import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QUEUE_TABS, writeView, type QueueTab, type QueueView } from './queueView';

/**
 * The queue's tabs, one per stage of the workflow and one for the reader's own cases, each with
 * its count under the current filters. Links, so each tab has an address and the filters stay.
 */
export function QueueTabs({
  view,
  counts,
}: {
  view: QueueView;
  /** `null` while the counts load. */
  counts: Record<QueueTab, number> | null;
}) {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language);
  return (
    <nav aria-label={t('cases.queue.tabsLabel')} className="queue-tabs">
      <ul>
        {QUEUE_TABS.map((tab, index) => (
          <li key={tab}>
            <Link
              to={{ search: writeView({ ...view, tab }).toString() }}
              aria-current={view.tab === tab ? 'page' : undefined}
              aria-keyshortcuts={String(index + 1)}
            >
              <span>{t(`cases.queue.tabs.${tab}`)}</span>
              {counts ? (
                <span className="queue-tab-count">{number.format(counts[tab])}</span>
              ) : null}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
