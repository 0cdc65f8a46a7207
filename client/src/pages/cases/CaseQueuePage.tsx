import { CASE_SORTS, type CaseSortName } from '@haven/shared';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import { PageHeading } from '../../app/PageHeading';
import { SelectField } from '../../forms/fields';
import { requestErrors, schemaErrors } from '../../forms/formErrors';
import { QueueFilterBar } from './QueueFilterBar';
import { queueLinkState } from './queueLink';
import { QueueTable } from './QueueTable';
import { QueueTabs } from './QueueTabs';
import {
  QUEUE_TABS,
  readView,
  TAB_STATUSES,
  tabCount,
  writeView,
  type QueueView,
} from './queueView';
import { ShortcutHelpDialog } from './ShortcutHelpDialog';
import { useCaseQueue } from './useCaseQueue';
import { useFormDefinition } from './useFormDefinition';
import { useKeyboardShortcuts, type Shortcut } from './useKeyboardShortcuts';
import { useNow } from './useNow';

/** The letter after `g` that opens each tab. */
const TAB_KEYS = ['n', 't', 'i', 'e', 'r', 'f', 'm'] as const;

/**
 * The triage queue: a tab per stage with its count, filters and sort kept in the address, the
 * cases a page at a time, and keyboard shortcuts to move through them.
 */
export function CaseQueuePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const linkState = queueLinkState(location.search);
  const [search, setSearch] = useSearchParams();
  const view = readView(search);
  const viewKey = writeView(view).toString();
  const form = useFormDefinition();
  const now = useNow();
  const queue = useCaseQueue(view);
  const items = queue.result?.items ?? [];
  const [helpOpen, setHelpOpen] = useState(false);
  const searchRef = useRef<HTMLInputElement>(null);
  const linkRefs = useRef(new Map<number, HTMLAnchorElement | null>());

  // The selection belongs to one view's list.
  const [selection, setSelection] = useState({ viewKey, index: -1 });
  const selected = selection.viewKey === viewKey ? selection.index : -1;
  const select = (index: number) => setSelection({ viewKey, index });

  function show(next: QueueView) {
    setSearch(writeView(next));
  }

  function move(step: number) {
    if (items.length === 0) return;
    const index = Math.min(Math.max(selected + step, 0), items.length - 1);
    select(index);
    linkRefs.current.get(index)?.focus();
  }

  function openSelected() {
    const item = items[selected];
    if (item) void navigate(`/cases/${encodeURIComponent(item.id)}`, { state: linkState });
  }

  // The button may go with the last page: focus goes to the first case just shown, once it is.
  const focusAfterLoad = useRef<number | null>(null);
  useEffect(() => {
    const index = focusAfterLoad.current;
    const link = index === null ? undefined : linkRefs.current.get(index);
    if (!link) return;
    focusAfterLoad.current = null;
    link.focus();
  }, [items.length]);

  async function loadMore() {
    focusAfterLoad.current = items.length;
    if (!(await queue.loadMore())) focusAfterLoad.current = null;
  }

  const shortcuts: Shortcut[] = [
    { keys: [['j']], description: t('cases.shortcuts.next'), run: () => move(1) },
    { keys: [['k']], description: t('cases.shortcuts.previous'), run: () => move(-1) },
    { keys: [['Enter'], ['o']], description: t('cases.shortcuts.open'), run: openSelected },
    {
      keys: [['/']],
      description: t('cases.shortcuts.search'),
      run: () => searchRef.current?.focus(),
    },
    ...QUEUE_TABS.map((tab, index) => ({
      keys: [['g', TAB_KEYS[index]!], [String(index + 1)]],
      description: t('cases.shortcuts.tab', { tab: t(`cases.queue.tabs.${tab}`) }),
      run: () => show({ ...view, tab }),
    })),
    { keys: [['?']], description: t('cases.shortcuts.help'), run: () => setHelpOpen(true) },
  ];
  useKeyboardShortcuts(shortcuts);

  const result = queue.result;
  const counts = result
    ? Object.fromEntries(
        QUEUE_TABS.map((tab) => [
          tab,
          tab === 'mine' ? result.mineCount : tabCount(tab, result.counts),
        ]),
      )
    : null;
  const tabName = t(`cases.queue.tabs.${view.tab}`);
  const total = counts?.[view.tab] ?? 0;
  const filterErrors = schemaErrors(t, queue.issues);

  let status = '';
  if (queue.loading) status = t('cases.queue.loading');
  else if (result && items.length === 0) status = t('cases.queue.empty', { tab: tabName });
  else if (result) status = t('cases.queue.showing', { shown: items.length, total, tab: tabName });

  return (
    <div className="cases-page">
      <PageHeading>{t('cases.queue.title')}</PageHeading>
      <QueueTabs view={view} counts={counts as Record<(typeof QUEUE_TABS)[number], number>} />
      <QueueFilterBar
        filters={view.filters}
        onChange={(filters) => show({ ...view, filters })}
        form={form}
        showAssignee={view.tab !== 'mine'}
        errors={filterErrors}
        searchRef={searchRef}
      />
      <div className="queue-toolbar">
        <SelectField
          id="queue-sort"
          label={t('cases.sort.label')}
          value={view.sort}
          onChange={(event) => show({ ...view, sort: event.target.value as CaseSortName })}
        >
          {CASE_SORTS.map((sort) => (
            <option key={sort} value={sort}>
              {t(`cases.sort.${sort}`)}
            </option>
          ))}
        </SelectField>
        <p className="queue-status" role="status">
          {status}
        </p>
        <button
          type="button"
          className="button button-secondary button-small"
          aria-keyshortcuts="?"
          onClick={() => setHelpOpen(true)}
        >
          {t('cases.shortcuts.button')}
        </button>
      </div>
      {queue.error ? (
        <p className="notice notice-error" role="alert">
          {requestErrors(t, queue.error)[0]?.message}
        </p>
      ) : null}
      {result && items.length > 0 ? (
        <QueueTable
          items={items}
          form={form}
          now={now}
          caption={t('cases.queue.caption', { tab: tabName })}
          showStatus={TAB_STATUSES[view.tab].length > 1}
          selected={selected}
          onSelect={select}
          linkRefs={linkRefs}
          linkState={linkState}
          busy={queue.loading}
        />
      ) : null}
      {result?.nextCursor ? (
        <div className="button-row">
          <button
            type="button"
            className="button button-secondary"
            onClick={() => void loadMore()}
            disabled={queue.loadingMore}
          >
            {queue.loadingMore ? t('cases.queue.loadingMore') : t('cases.queue.more')}
          </button>
        </div>
      ) : null}
      {helpOpen ? (
        <ShortcutHelpDialog shortcuts={shortcuts} onClose={() => setHelpOpen(false)} />
      ) : null}
    </div>
  );
}
