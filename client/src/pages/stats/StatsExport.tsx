import { STATS_EXPORT_FORMATS } from '@haven/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { exportStats } from '../../api/stats';
import { saveFile } from '../../components/saveFile';
import { Checkbox } from '../../forms/fields';
import { requestErrors } from '../../forms/formErrors';
import { statsRefusal } from './statsRefusal';

type ExportFormat = (typeof STATS_EXPORT_FORMATS)[number];

/**
 * Downloads the shown breakdown as CSV or JSON, named by the server. The server makes the file
 * anew and audits it with its digest; with noise, that is a new release that spends again.
 */
export function StatsExport({ query, epsilon }: { query: string; epsilon: number | null }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const [bom, setBom] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);

  async function download(format: ExportFormat) {
    if (busy) return;
    setBusy(format);
    setSaved(null);
    setFailure(null);
    try {
      const file = await exportStats(new URLSearchParams(query), format, { bom });
      const name = file.fileName ?? `haven-statistics.${format}`;
      saveFile(name, file.blob, file.blob.type);
      setSaved(name);
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(null);
    }
  }

  return (
    <section className="section stats-export" aria-labelledby="stats-export-title">
      <h3 id="stats-export-title">{t('stats.export.title')}</h3>
      <p>{t('stats.export.intro')}</p>
      {epsilon !== null ? (
        <p className="notice notice-warning">{t('stats.export.noisy', { epsilon })}</p>
      ) : null}
      <Checkbox
        id="stats-export-bom"
        label={t('stats.export.bom')}
        checked={bom}
        onChange={(event) => setBom(event.target.checked)}
      />
      <div className="button-row">
        {STATS_EXPORT_FORMATS.map((format) => (
          <button
            key={format}
            type="button"
            className="button button-secondary"
            // Not `disabled`: the button keeps focus while its file is on the way.
            aria-disabled={busy !== null}
            onClick={() => void download(format)}
          >
            {busy === format ? t('stats.export.busy') : t(`stats.export.${format}`)}
          </button>
        ))}
      </div>
      <p className="stats-export-outcome" role="status">
        {saved ? t('stats.export.saved', { file: saved }) : ''}
      </p>
      {failure ? (
        <p className="notice notice-error" role="alert">
          {requestErrors(t, failure, statsRefusal(t, epsilon))[0]?.message}
        </p>
      ) : null}
    </section>
  );
}
