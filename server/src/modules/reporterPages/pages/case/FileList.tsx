import type { ReporterCaseView } from '@haven/shared';
import { formatDay, formatList, formatSize } from '../../format';
import { usePage } from '../../PageContext';

/** The files the case holds, and what was removed from each before officers saw it. */
export function FileList({ attachments }: { attachments: ReporterCaseView['attachments'] }) {
  const { t, language } = usePage();
  if (!attachments.length) return <p>{t('case.filesNone')}</p>;
  return (
    <ul className="file-list">
      {attachments.map((attachment) => (
        <li key={attachment.id}>
          {t('case.fileLine', {
            kind: t(`case.fileKinds.${attachment.kind}`),
            size: formatSize(attachment.size, language.code),
            date: formatDay(attachment.addedAt, language.code),
          })}
          {attachment.removed.length > 0 && (
            <span className="file-removed">
              {t('case.fileRemoved', {
                list: formatList(
                  attachment.removed.map((code) => t.ifExists(`removed.codes.${code}`) ?? code),
                  language.code,
                ),
              })}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}
