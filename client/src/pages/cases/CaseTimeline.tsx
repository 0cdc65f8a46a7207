import {
  CASE_STATUSES,
  type CaseDetail,
  type CaseStatus,
  type CaseTimelineEntry,
} from '@haven/shared';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../components/formatting';

const isStatus = (value: string | undefined): value is CaseStatus =>
  CASE_STATUSES.includes(value as CaseStatus);

/** A key built from the server's words (a field name), shown as it came if it has no translation. */
function known(t: TFunction, exists: (key: string) => boolean, key: string, fallback: string) {
  return exists(key) ? (t as (key: string) => string)(key) : fallback;
}

/**
 * Everything that happened to the case, oldest first: moves, assignments, classifications,
 * notes, messages both ways, reveals and merges.
 */
export function CaseTimeline({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  return (
    <section className="case-section" aria-labelledby="timeline-title">
      <h2 id="timeline-title">{t('cases.timeline.title')}</h2>
      {detail.timeline.length === 0 ? (
        <p>{t('cases.timeline.empty')}</p>
      ) : (
        <ol className="timeline">
          {detail.timeline.map((entry) => (
            <TimelineItem key={entry.id} entry={entry} />
          ))}
        </ol>
      )}
    </section>
  );
}

function TimelineItem({ entry }: { entry: CaseTimelineEntry }) {
  const { t, i18n } = useTranslation();
  const exists = (key: string) => i18n.exists(key);
  const actor = entry.actor?.displayName ?? t('cases.timeline.system');
  const status = (value: string | undefined) =>
    isStatus(value) ? t(`cases.status.${value}`) : (value ?? '');
  const list = (items: string[]) =>
    new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(items);

  let summary: string;
  switch (entry.kind) {
    case 'transition':
      summary = t('cases.timeline.transition', {
        actor,
        from: status(entry.from),
        to: status(entry.to),
      });
      break;
    case 'assignment':
      summary = !entry.assignee
        ? t('cases.timeline.unassigned', { actor })
        : entry.assignee.id === entry.actor?.id
          ? t('cases.timeline.took', { actor })
          : t('cases.timeline.assigned', { actor, name: entry.assignee.displayName });
      break;
    case 'classification':
      summary = t('cases.timeline.classified', {
        actor,
        fields: list(
          (entry.changed ?? []).map((field) =>
            known(t, exists, `cases.timeline.fields.${field}`, field),
          ),
        ),
      });
      break;
    case 'escalation_requested':
      summary = t('cases.timeline.escalationRequested', { actor });
      break;
    case 'note':
      summary = t('cases.timeline.note', { actor });
      break;
    case 'message_from_staff':
      summary = t('cases.timeline.messageFromStaff', { actor });
      break;
    case 'message_from_reporter':
      summary = t('cases.timeline.messageFromReporter');
      break;
    case 'files_added':
      summary = t('cases.timeline.filesAdded', { count: entry.files ?? 0 });
      break;
    case 'reveal':
      summary = t('cases.timeline.revealed', {
        actor,
        field: known(t, exists, `cases.timeline.revealFields.${entry.field}`, entry.field ?? ''),
      });
      break;
    case 'link':
      summary = t(`cases.timeline.link.${entry.link ?? 'merged_from'}`, { actor });
      break;
  }

  const fromReporter = entry.kind === 'message_from_reporter';
  const toReporter = entry.kind === 'message_from_staff';
  return (
    <li
      className={`timeline-entry timeline-${entry.kind.replaceAll('_', '-')}${
        fromReporter || toReporter ? ' timeline-message' : ''
      }`}
    >
      <p className="timeline-summary">
        <time dateTime={entry.at}>{formatDateTime(entry.at, i18n.language)}</time>{' '}
        <span>{summary}</span>
        {entry.otherCase ? (
          <>
            {' '}
            <Link to={`/cases/${encodeURIComponent(entry.otherCase.id)}`} dir="ltr">
              {entry.otherCase.reference}
            </Link>
          </>
        ) : null}
        {toReporter ? (
          <span className="tag tag-reporter">{t('cases.timeline.visible')}</span>
        ) : null}
      </p>
      {entry.text ? (
        <div className="timeline-text" dir="auto">
          {entry.text}
        </div>
      ) : null}
      {entry.reason ? (
        <p className="timeline-reason">
          {t('cases.timeline.reason')} <span dir="auto">{entry.reason}</span>
        </p>
      ) : null}
    </li>
  );
}
