import type { Checkpoint } from '@haven/shared';
import type { TFunction } from 'i18next';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchCheckpoint } from '../../api/audit';
import { saveFile } from '../../components/saveFile';
import { requestErrors } from '../../forms/formErrors';

/** The server's own name for the file, and its layout, so a kept file reads the same either way. */
const checkpointFile = (checkpoint: Checkpoint) => ({
  name: `haven-audit-checkpoint-${checkpoint.entries}.json`,
  content: `${JSON.stringify(checkpoint, null, 2)}\n`,
});

/** Why the server would not sign, in the reader's language. */
const checkpointRefusal = (t: TFunction) => (status: number, code: string) =>
  status === 409 && code === 'audit_log_broken' ? t('audit.logBroken') : undefined;

/**
 * Downloads a checkpoint the server signs over the log as it is now, for the auditor to keep
 * outside Haven. The server refuses to sign a log that does not verify.
 */
export function DownloadCheckpoint() {
  const { t, i18n } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<{ name: string; entries: number } | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const savedRef = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    if (saved) savedRef.current?.focus();
  }, [saved]);

  async function download() {
    if (busy) return;
    setBusy(true);
    try {
      const checkpoint = await fetchCheckpoint();
      const file = checkpointFile(checkpoint);
      saveFile(file.name, file.content, 'application/json');
      setFailure(null);
      setSaved({ name: file.name, entries: checkpoint.entries });
    } catch (error) {
      setSaved(null);
      setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <div className="button-row">
        <button type="button" className="button" onClick={() => void download()}>
          {busy ? t('audit.downloading') : t('audit.download')}
        </button>
      </div>
      {saved ? (
        <p className="notice notice-success" role="status" tabIndex={-1} ref={savedRef}>
          {t('audit.downloaded', {
            file: saved.name,
            entries: saved.entries.toLocaleString(i18n.language),
          })}
        </p>
      ) : null}
      {failure ? (
        <p className="notice notice-error" role="alert">
          {requestErrors(t, failure, checkpointRefusal(t))[0]?.message}
        </p>
      ) : null}
    </>
  );
}
