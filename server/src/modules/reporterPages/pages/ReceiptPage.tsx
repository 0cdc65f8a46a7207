import { Layout } from '../components/Layout';
import { PageHeading } from '../components/PageHeading';
import { formatDay } from '../format';
import { usePage } from '../PageContext';

/**
 * The answer to a report: its receipt, shown this once, with ways to keep it that work without
 * JavaScript (select, download) and one that needs it (copy).
 */
export function ReceiptPage({
  reference,
  receipt,
  acknowledgeBy,
  answerBy,
  statusUrl,
}: {
  reference: string;
  receipt: string;
  acknowledgeBy: string;
  answerBy: string;
  /** Where to come back, written into the downloaded file. */
  statusUrl: string;
}) {
  const { t, language, href } = usePage();
  const file = [
    t('receipt.fileTitle'),
    '',
    t('receipt.fileReceipt', { receipt }),
    t('receipt.fileReference', { reference }),
    t('receipt.fileWhere', { url: statusUrl }),
    '',
    t('receipt.fileWarning'),
    '',
  ].join('\n');
  return (
    <Layout title={t('receipt.title')}>
      <PageHeading>{t('receipt.title')}</PageHeading>
      <p className="lead">{t('receipt.intro', { reference })}</p>
      <section className="receipt-card" aria-labelledby="receipt-heading">
        <h2 id="receipt-heading">{t('receipt.heading')}</h2>
        <p className="warning">{t('receipt.warning')}</p>
        <dl className="codes">
          <div>
            <dt>{t('receipt.receiptLabel')}</dt>
            <dd>
              <output className="receipt-code" id="receipt-code" dir="ltr">
                <code>{receipt}</code>
              </output>
            </dd>
          </div>
          <div>
            <dt>{t('receipt.referenceLabel')}</dt>
            <dd>
              <code className="reference-code" dir="ltr">
                {reference}
              </code>
              <span className="hint"> {t('receipt.referenceHint')}</span>
            </dd>
          </div>
        </dl>
        <p className="actions">
          <a
            className="button"
            download="haven-receipt.txt"
            href={`data:text/plain;charset=utf-8,${encodeURIComponent(file)}`}
          >
            {t('receipt.download')}
          </a>
          <button
            type="button"
            className="button"
            hidden
            data-copy="receipt-code"
            data-copied={t('receipt.copied')}
            data-copy-failed={t('receipt.copyFailed')}
          >
            {t('receipt.copy')}
          </button>
        </p>
        <p className="copy-status" role="status" data-copy-status="" />
        <p>{t('receipt.keep')}</p>
      </section>
      <section aria-labelledby="next-heading">
        <h2 id="next-heading">{t('receipt.nextTitle')}</h2>
        <p>
          {t('receipt.dates', {
            acknowledgeBy: formatDay(acknowledgeBy, language.code),
            answerBy: formatDay(answerBy, language.code),
          })}
        </p>
        <p>{t('receipt.comeBack')}</p>
        <p>
          <a className="button" href={href('/status')}>
            {t('receipt.comeBackLink')}
          </a>
        </p>
      </section>
    </Layout>
  );
}
