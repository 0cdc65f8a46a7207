import type { ReporterTimelineEntry } from '@haven/shared';
import { formatMoment } from '../../format';
import { usePage } from '../../PageContext';

/** The case's history as the reporter may see it, oldest first. */
export function MessageThread({ entries }: { entries: ReporterTimelineEntry[] }) {
  const { t } = usePage();
  if (!entries.length) return <p className="notice">{t('case.noMessages')}</p>;
  return (
    <ol className="thread">
      {entries.map((entry) => (
        <li key={entry.id} className={`entry entry-${entry.kind}`}>
          <ThreadEntry entry={entry} />
        </li>
      ))}
    </ol>
  );
}

function ThreadEntry({ entry }: { entry: ReporterTimelineEntry }) {
  const { t, language } = usePage();
  const when = (
    <time className="entry-time" dateTime={entry.at}>
      {formatMoment(entry.at, language.code)}
    </time>
  );
  switch (entry.kind) {
    case 'message_from_staff':
    case 'message_from_reporter':
      return (
        <article>
          <h3 className="entry-author">
            {entry.kind === 'message_from_staff' ? t('case.fromStaff') : t('case.fromReporter')}
          </h3>
          {when}
          <p className="message-text">{entry.text}</p>
        </article>
      );
    case 'status_changed':
      return (
        <p className="entry-event">
          {entry.status && t('case.statusChanged', { status: t(`case.statuses.${entry.status}`) })}{' '}
          {when}
        </p>
      );
    case 'files_added':
      return (
        <p className="entry-event">
          {t('case.filesAdded', { count: entry.files ?? 0 })} {when}
        </p>
      );
  }
}
