import type { CaseDetail } from '@haven/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchAttachment } from '../../api/cases';
import { formatDateTime } from '../../components/formatting';
import { saveFile } from '../../components/saveFile';
import { requestErrors } from '../../forms/formErrors';
import { useThumbnail } from './useThumbnail';

type Attachment = CaseDetail['attachments'][number];

export function formatSize(bytes: number, language: string): string {
  const [value, unit] =
    bytes >= 1_000_000 ? [bytes / 1_000_000, 'megabyte'] : [bytes / 1_000, 'kilobyte'];
  return new Intl.NumberFormat(language, {
    style: 'unit',
    unit,
    maximumFractionDigits: 1,
  }).format(value);
}

/** What kind of file, in words: "Image 2 (JPEG, 120 kB)". */
function useAttachmentName() {
  const { t } = useTranslation();
  return (attachment: Attachment, index: number) =>
    t('cases.attachments.name', {
      kind: t(`cases.attachments.kinds.${attachment.kind}`),
      number: index + 1,
    });
}

/**
 * The files of the case. Staff see and download the scrubbed copies; the original of a file only
 * through a reveal, with a reason.
 */
export function CaseAttachments({
  detail,
  onRevealOriginal,
}: {
  detail: CaseDetail;
  /** Absent when the reader's roles do not allow reveals. */
  onRevealOriginal?: (attachmentId: string, name: string) => void;
}) {
  const { t } = useTranslation();
  const nameOf = useAttachmentName();
  return (
    <section className="case-section" aria-labelledby="case-files-title">
      <h2 id="case-files-title">{t('cases.attachments.title')}</h2>
      {detail.attachments.length === 0 ? (
        <p>{t('cases.attachments.none')}</p>
      ) : (
        <>
          <p className="field-hint">{t('cases.attachments.scrubbedHint')}</p>
          <ul className="attachment-list">
            {detail.attachments.map((attachment, index) => (
              <AttachmentItem
                key={attachment.id}
                caseId={detail.id}
                attachment={attachment}
                name={nameOf(attachment, index)}
                onRevealOriginal={onRevealOriginal}
              />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function AttachmentItem({
  caseId,
  attachment,
  name,
  onRevealOriginal,
}: {
  caseId: string;
  attachment: Attachment;
  name: string;
  onRevealOriginal?: (attachmentId: string, name: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const thumbnail = useThumbnail(caseId, attachment.id, attachment.kind === 'image');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function download() {
    setBusy(true);
    try {
      const file = await fetchAttachment(caseId, attachment.id);
      saveFile(file.fileName ?? `${attachment.id}`, file.blob, attachment.mediaType);
      setError(null);
    } catch (failure) {
      setError(requestErrors(t, failure)[0]?.message ?? null);
    } finally {
      setBusy(false);
    }
  }

  const removed = attachment.removed.map((code) =>
    i18n.exists(`cases.attachments.removedCodes.${code}`)
      ? (i18n.t as (key: string) => string)(`cases.attachments.removedCodes.${code}`)
      : code,
  );

  return (
    <li className="attachment">
      <div className="attachment-preview">
        {thumbnail ? (
          <img src={thumbnail} alt={t('cases.attachments.thumbnailAlt', { name })} />
        ) : (
          <span className="attachment-kind" aria-hidden="true">
            {attachment.mediaType.split('/')[1]?.toUpperCase()}
          </span>
        )}
      </div>
      <div className="attachment-about">
        <h3>{name}</h3>
        <p className="cell-sub">
          {t('cases.attachments.details', {
            type: attachment.mediaType,
            size: formatSize(attachment.size, i18n.language),
            date: formatDateTime(attachment.addedAt, i18n.language),
          })}
        </p>
        {removed.length > 0 ? (
          <p className="cell-sub">
            {t('cases.attachments.removed', {
              list: new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(removed),
            })}
          </p>
        ) : null}
        <div className="button-row button-row-tight">
          <button
            type="button"
            className="button button-secondary button-small"
            onClick={() => void download()}
            disabled={busy}
          >
            {t('cases.attachments.download')}
            <span className="visually-hidden"> {name}</span>
          </button>
          {onRevealOriginal ? (
            <button
              type="button"
              className="button button-danger-outline button-small"
              onClick={() => onRevealOriginal(attachment.id, name)}
            >
              {t('cases.attachments.original')}
              <span className="visually-hidden"> {name}</span>
            </button>
          ) : null}
        </div>
        {error ? (
          <p className="field-error" role="alert">
            {error}
          </p>
        ) : null}
      </div>
    </li>
  );
}
