import { ErrorSummary } from '../components/ErrorSummary';
import { Layout } from '../components/Layout';
import { PageHeading } from '../components/PageHeading';
import { usePage } from '../PageContext';

/**
 * Where a reporter comes back with their receipt. A receipt that opens nothing is answered with
 * this page again, the same whatever the reason, and never repeated back.
 */
export function StatusEntryPage({ notRecognised = false }: { notRecognised?: boolean }) {
  const { t, href } = usePage();
  const describedBy = notRecognised ? 'receipt-hint receipt-error' : 'receipt-hint';
  return (
    <Layout title={t('statusEntry.title')} hasErrors={notRecognised}>
      <PageHeading>{t('statusEntry.title')}</PageHeading>
      {notRecognised && (
        <ErrorSummary items={[{ target: 'receipt', message: t('statusEntry.notRecognised') }]} />
      )}
      <p className="lead">{t('statusEntry.intro')}</p>
      <form method="post" action={href('/status')} className="narrow-form">
        <div className={notRecognised ? 'field field-invalid' : 'field'}>
          <label htmlFor="receipt">{t('statusEntry.receipt')}</label>
          <p id="receipt-hint" className="hint">
            {t('statusEntry.receiptHint')}
          </p>
          {notRecognised && (
            <p id="receipt-error" className="field-error">
              {t('statusEntry.notRecognised')}
            </p>
          )}
          <input
            id="receipt"
            name="receipt"
            className="receipt-input"
            required
            maxLength={100}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            dir="ltr"
            aria-describedby={describedBy}
            aria-invalid={notRecognised || undefined}
          />
        </div>
        <div className="actions">
          <button type="submit" className="button button-primary">
            {t('statusEntry.open')}
          </button>
        </div>
      </form>
      <p>
        {t('statusEntry.lost')} <a href={href('/report')}>{t('statusEntry.lostLink')}</a>
      </p>
    </Layout>
  );
}
