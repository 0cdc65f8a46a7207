import { CLOSED_STATUSES, type CaseSummary, type FormDefinition } from '@haven/shared';
import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { SeverityBadge, StatusBadge, TlpBadge } from './CaseBadges';
import { formatAge, formatDay } from './caseDates';
import { classificationName } from './caseLabels';
import { DueDate } from './DueDate';

/**
 * The queue's cases. The selected row (moved with j and k) is outlined and its link has focus,
 * so a screen reader reads it out and Enter opens it.
 */
export function QueueTable({
  items,
  form,
  now,
  caption,
  showStatus,
  selected,
  onSelect,
  linkRefs,
  linkState,
  busy,
}: {
  items: readonly CaseSummary[];
  form: FormDefinition | null;
  now: number;
  caption: string;
  /** Tabs that list several statuses show each case's. */
  showStatus: boolean;
  selected: number;
  onSelect(index: number): void;
  /** The link of each row, by index, for the shortcuts to move focus to. */
  linkRefs: RefObject<Map<number, HTMLAnchorElement | null>>;
  /** Carried to the case page, for its way back here. */
  linkState: unknown;
  busy: boolean;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return (
    <div
      className="table-scroll"
      role="region"
      aria-labelledby="queue-caption"
      aria-busy={busy}
      tabIndex={0}
    >
      <table className="table queue-table">
        <caption id="queue-caption">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('cases.queue.columns.reference')}</th>
            {showStatus ? <th scope="col">{t('cases.queue.columns.status')}</th> : null}
            <th scope="col">{t('cases.queue.columns.received')}</th>
            <th scope="col">{t('cases.queue.columns.category')}</th>
            <th scope="col">{t('cases.queue.columns.severity')}</th>
            <th scope="col">{t('cases.queue.columns.slaDue')}</th>
            <th scope="col">{t('cases.queue.columns.legal')}</th>
            <th scope="col">{t('cases.queue.columns.assignee')}</th>
            <th scope="col">{t('cases.queue.columns.tlp')}</th>
            <th scope="col">{t('cases.queue.columns.excerpt')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item, index) => (
            <tr
              key={item.id}
              className={index === selected ? 'is-selected' : undefined}
              aria-current={index === selected ? 'true' : undefined}
            >
              <th scope="row">
                <Link
                  to={`/cases/${encodeURIComponent(item.id)}`}
                  state={linkState}
                  className="case-reference"
                  dir="ltr"
                  ref={(element) => {
                    linkRefs.current.set(index, element);
                  }}
                  onFocus={() => onSelect(index)}
                >
                  {item.reference}
                </Link>
                {item.unreadFromReporter > 0 ||
                item.escalationRequested ||
                item.duplicateSuggestionCount > 0 ? (
                  <ul className="tags row-flags">
                    {item.unreadFromReporter > 0 ? (
                      <li className="tag tag-unread">
                        {t('cases.queue.unread', { count: item.unreadFromReporter })}
                      </li>
                    ) : null}
                    {item.escalationRequested ? (
                      <li className="tag tag-escalation">{t('cases.escalationRequested')}</li>
                    ) : null}
                    {item.duplicateSuggestionCount > 0 ? (
                      <li className="tag">
                        {t('cases.queue.possibleDuplicates', {
                          count: item.duplicateSuggestionCount,
                        })}
                      </li>
                    ) : null}
                  </ul>
                ) : null}
              </th>
              {showStatus ? (
                <td>
                  <StatusBadge status={item.status} />
                </td>
              ) : null}
              <td>
                <span className="cell-main nowrap">
                  {formatDay(item.receivedAt.slice(0, 10), language)}
                </span>
                <span className="cell-sub">{formatAge(item.receivedAt, now, language)}</span>
              </td>
              <td>{classificationName(i18n, form, item.category, item.subcategory)}</td>
              <td>
                <SeverityBadge severity={item.severity} />
              </td>
              <td>
                {item.slaDueAt ? (
                  <DueDate
                    due={item.slaDueAt}
                    now={now}
                    overdue={item.overdue}
                    stopped={CLOSED_STATUSES.includes(item.status)}
                  />
                ) : (
                  <span className="cell-sub">{t('cases.queue.noSla')}</span>
                )}
              </td>
              <td>
                {item.legalDeadline ? (
                  <>
                    <span className="cell-sub">
                      {t(`cases.queue.legal.${item.legalDeadline.kind}`)}
                    </span>
                    <DueDate due={item.legalDeadline.due} now={now} />
                  </>
                ) : (
                  <span className="cell-sub">{t('cases.queue.legal.met')}</span>
                )}
              </td>
              <td>{item.assignee?.displayName ?? t('cases.unassigned')}</td>
              <td>
                <TlpBadge tlp={item.tlp} />
              </td>
              <td className="excerpt">{item.excerpt}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
