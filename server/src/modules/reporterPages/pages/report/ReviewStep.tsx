import { usePage } from '../../PageContext';
import { Step } from './Step';

/**
 * The last step. Without JavaScript the answers are all on the page above; the script lists
 * them here (`data-review`), each step's with a button to change it.
 */
export function ReviewStep() {
  const { t } = usePage();
  return (
    <Step id="step-review" number={5} title={t('report.review.title')}>
      <p data-review-intro={t('report.review.introEnhanced')}>{t('report.review.intro')}</p>
      <div
        data-review=""
        data-review-title={t('report.review.answers')}
        data-not-given={t('report.notGiven')}
        data-change={t('report.change')}
      />
      <div className="actions">
        <button type="submit" id="send" className="button button-primary">
          {t('report.review.send')}
        </button>
      </div>
    </Step>
  );
}
