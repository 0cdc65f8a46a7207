import type { AuditEntryView } from '@haven/shared';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../components/formatting';
import { ShortValue } from './ShortValue';

/** Strings longer than this in an entry's details are shortened like identifiers. */
const LONG_DETAIL = 16;

interface AuditEntriesTableProps {
  entries: AuditEntryView[];
  /** The first entry the last verification found broken, marked where it is shown. */
  brokenSeq: number | undefined;
}

/** Entries of the log, oldest first: everything an entry holds, ids and hashes shortened. */
export function AuditEntriesTable({ entries, brokenSeq }: AuditEntriesTableProps) {
  const { t, i18n } = useTranslation();
  const number = (value: number) => value.toLocaleString(i18n.language);
  const first = entries[0]?.seq ?? 0;
  const last = entries.at(-1)?.seq ?? 0;

  return (
    <div className="table-scroll" role="region" aria-labelledby="audit-caption" tabIndex={0}>
      <table className="table table-compact audit-table">
        <caption id="audit-caption">
          {t('audit.caption', { first: number(first), last: number(last) })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('audit.seqColumn')}</th>
            <th scope="col">{t('audit.timeColumn')}</th>
            <th scope="col">{t('audit.actionColumn')}</th>
            <th scope="col">{t('audit.actorColumn')}</th>
            <th scope="col">{t('audit.subjectColumn')}</th>
            <th scope="col">{t('audit.detailsColumn')}</th>
            <th scope="col">{t('audit.hashColumn')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr
              key={entry.seq}
              className={entry.seq === brokenSeq ? 'audit-row-broken' : undefined}
            >
              <th scope="row" className="audit-seq">
                {number(entry.seq)}
                {entry.seq === brokenSeq ? (
                  <span className="tag tag-danger">{t('audit.brokenHere')}</span>
                ) : null}
              </th>
              <td className="audit-time">
                <time dateTime={entry.at}>{formatDateTime(entry.at, i18n.language, 'medium')}</time>
              </td>
              <td>
                <code dir="ltr">{entry.action}</code>
              </td>
              <td>{entry.actorId ? <ShortValue value={entry.actorId} /> : t('audit.system')}</td>
              <td>
                {entry.subject ? (
                  <span className="audit-subject">
                    <code dir="ltr">{entry.subject.type}</code>{' '}
                    <ShortValue value={entry.subject.id} />
                  </span>
                ) : null}
              </td>
              <td>{entry.details ? <Details details={entry.details} /> : null}</td>
              <td>
                <ShortValue value={entry.hash} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** An entry's details as `key value` pairs, compact: they are codes, counts and ids. */
function Details({ details }: { details: Record<string, unknown> }) {
  return (
    <ul className="audit-details" dir="ltr">
      {Object.entries(details).map(([key, value]) => {
        const text = typeof value === 'string' ? value : JSON.stringify(value);
        return (
          <li key={key}>
            <span className="audit-detail-key">{key}</span>{' '}
            {text.length > LONG_DETAIL ? <ShortValue value={text} /> : <code>{text}</code>}
          </li>
        );
      })}
    </ul>
  );
}
