import { Layout } from '../components/Layout';
import { PageHeading } from '../components/PageHeading';
import { SafetyTips } from '../components/SafetyTips';
import { usePage } from '../PageContext';

/** The site's start: make a report, or come back to one, and what to know first. */
export function LandingPage() {
  const { t, href } = usePage();
  return (
    <Layout title={t('landing.title')}>
      <PageHeading>{t('landing.title')}</PageHeading>
      <p className="lead">{t('landing.intro')}</p>
      <nav aria-label={t('landing.choices')}>
        <ul className="big-choices">
          <li>
            <a className="big-choice" href={href('/report')}>
              <span className="big-choice-title">{t('landing.makeReport')}</span>
              <span className="big-choice-hint">{t('landing.makeReportHint')}</span>
            </a>
          </li>
          <li>
            <a className="big-choice" href={href('/status')}>
              <span className="big-choice-title">{t('landing.checkReport')}</span>
              <span className="big-choice-hint">{t('landing.checkReportHint')}</span>
            </a>
          </li>
        </ul>
      </nav>
      <section className="panel" aria-labelledby="safety-title">
        <h2 id="safety-title">{t('landing.safetyTitle')}</h2>
        <SafetyTips />
        <p>
          <a href={href('/safety')}>{t('landing.safetyMore')}</a>
        </p>
      </section>
    </Layout>
  );
}
