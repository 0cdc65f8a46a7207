import type { AuditEntryView, VerifyResult } from '@haven/shared';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listAuditEntries, verifyAuditLog } from '../../api/audit';
import { PageHeading } from '../../app/PageHeading';
import { requestErrors } from '../../forms/formErrors';
import { AuditEntriesTable } from './AuditEntriesTable';
import { DownloadCheckpoint } from './DownloadCheckpoint';
import { VerifyAgainstCheckpoint } from './VerifyAgainstCheckpoint';
import { VerifyResultView } from './VerifyResultView';

interface Verification {
  result: VerifyResult;
  checkedAt: string;
}

/**
 * The auditors' page: verify the hash chain, take and check signed checkpoints, and read the log
 * itself. The API gives the log oldest first, page after page; every read, verification and
 * checkpoint adds an entry of its own, found by asking for later entries.
 */
export function AuditLogPage() {
  const { t, i18n } = useTranslation();
  const [entries, setEntries] = useState<AuditEntryView[] | null>(null);
  const [nextAfterSeq, setNextAfterSeq] = useState<number | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [verifying, setVerifying] = useState(false);
  const [verification, setVerification] = useState<Verification | null>(null);
  const [verifyError, setVerifyError] = useState<unknown>(null);
  const [brokenSeq, setBrokenSeq] = useState<number | undefined>(undefined);

  useEffect(() => {
    listAuditEntries().then((page) => {
      setEntries(page.items);
      setNextAfterSeq(page.nextAfterSeq);
    }, setLoadError);
  }, []);

  /** The next page, or, at the end of the log, whatever was added since. */
  async function loadLater() {
    if (loadingMore || !entries) return;
    setLoadingMore(true);
    try {
      const page = await listAuditEntries(nextAfterSeq ?? entries.at(-1)?.seq ?? 0);
      setEntries([...entries, ...page.items]);
      setNextAfterSeq(page.nextAfterSeq);
      setLoadError(null);
    } catch (error) {
      setLoadError(error);
    } finally {
      setLoadingMore(false);
    }
  }

  async function verify() {
    if (verifying) return;
    setVerifying(true);
    try {
      const result = await verifyAuditLog();
      setVerification({ result, checkedAt: new Date().toISOString() });
      setBrokenSeq(result.firstBrokenSeq);
      setVerifyError(null);
    } catch (error) {
      setVerification(null);
      setVerifyError(error);
    } finally {
      setVerifying(false);
    }
  }

  return (
    <>
      <PageHeading>{t('audit.title')}</PageHeading>
      <p>{t('audit.intro')}</p>

      <section className="section" aria-labelledby="audit-verify">
        <h2 id="audit-verify">{t('audit.verifyTitle')}</h2>
        <p>{t('audit.verifyIntro')}</p>
        <div className="button-row">
          <button type="button" className="button" onClick={() => void verify()}>
            {verifying ? t('audit.verifying') : t('audit.verify')}
          </button>
        </div>
        {verification ? (
          <VerifyResultView result={verification.result} checkedAt={verification.checkedAt} />
        ) : null}
        {verifyError ? (
          <p className="notice notice-error" role="alert">
            {requestErrors(t, verifyError)[0]?.message}
          </p>
        ) : null}
      </section>

      <section className="section" aria-labelledby="audit-checkpoints">
        <h2 id="audit-checkpoints">{t('audit.checkpointsTitle')}</h2>
        <p>{t('audit.checkpointsIntro')}</p>
        <DownloadCheckpoint />
        <h3 className="audit-subheading">{t('audit.keptTitle')}</h3>
        <VerifyAgainstCheckpoint onResult={(result) => setBrokenSeq(result.firstBrokenSeq)} />
      </section>

      <section className="section" aria-labelledby="audit-entries">
        <h2 id="audit-entries">{t('audit.entriesTitle')}</h2>
        {loadError ? (
          <p className="notice notice-error" role="alert">
            {requestErrors(t, loadError)[0]?.message}
          </p>
        ) : null}
        {entries === null ? (
          loadError ? null : (
            <p role="status">{t('audit.loading')}</p>
          )
        ) : (
          <>
            {entries.length > 0 ? (
              <AuditEntriesTable entries={entries} brokenSeq={brokenSeq} />
            ) : (
              <p>{t('audit.empty')}</p>
            )}
            <p className="visually-hidden" role="status">
              {t('audit.shown', { number: entries.length.toLocaleString(i18n.language) })}
            </p>
            <div className="button-row">
              <button
                type="button"
                className="button button-secondary"
                onClick={() => void loadLater()}
              >
                {loadingMore
                  ? t('audit.loadingMore')
                  : nextAfterSeq === null
                    ? t('audit.newer')
                    : t('audit.more')}
              </button>
            </div>
          </>
        )}
      </section>
    </>
  );
}
