import type { AuditEntryView } from '@haven/shared';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
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
  // Date and time apart, so a narrow column breaks between them and nowhere else.
  const dateFormat = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' });
  const timeFormat = new Intl.DateTimeFormat(i18n.language, { timeStyle: 'medium' });

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
              <th scope="row">{number(entry.seq)}</th>
              <td>
                <time dateTime={entry.at}>
                  <span className="audit-time-part">{dateFormat.format(new Date(entry.at))}</span>{' '}
                  <span className="audit-time-part">{timeFormat.format(new Date(entry.at))}</span>
                </time>
              </td>
              <td>
                <BreakableCode text={entry.action} />
                {entry.seq === brokenSeq ? (
                  <span className="tag tag-danger audit-broken-tag">{t('audit.brokenHere')}</span>
                ) : null}
              </td>
              <td>{entry.actorId ? <ShortValue value={entry.actorId} /> : t('audit.system')}</td>
              <td>
                {entry.subject ? (
                  <>
                    <code dir="ltr">{entry.subject.type}</code>{' '}
                    <ShortValue value={entry.subject.id} />
                  </>
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
    <ul className="audit-details">
      {Object.entries(details).map(([key, value]) => {
        const text = typeof value === 'string' ? value : JSON.stringify(value);
        return (
          <li key={key} dir="ltr">
            <span className="audit-detail-key">{key}</span>{' '}
            {text.length > LONG_DETAIL ? <ShortValue value={text} /> : <code>{text}</code>}
          </li>
        );
      })}
    </ul>
  );
}

/** A dotted code (`crypto.data_key_created`) that may wrap after its dots. */
function BreakableCode({ text }: { text: string }) {
  return (
    <code dir="ltr">
      {text.split(/(?<=\.)/).map((part, index) => (
        <Fragment key={index}>
          {index > 0 ? <wbr /> : null}
          {part}
        </Fragment>
      ))}
    </code>
  );
}
