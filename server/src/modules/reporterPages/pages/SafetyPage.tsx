import type { TranslationKey } from '../i18n';
import { Layout } from '../components/Layout';
import { PageHeading } from '../components/PageHeading';
import { usePage } from '../PageContext';

const SECTIONS: { title: TranslationKey; points: TranslationKey[] }[] = [
  {
    title: 'safety.deviceTitle',
    points: ['safety.deviceTor', 'safety.deviceShared', 'safety.deviceHistory'],
  },
  {
    title: 'safety.keepTitle',
    points: ['safety.keepNoTrace', 'safety.keepRedaction', 'safety.keepContact'],
  },
  { title: 'safety.receiptTitle', points: ['safety.receiptOnce', 'safety.receiptPrivate'] },
  { title: 'safety.filesTitle', points: ['safety.filesRemoved', 'safety.filesVisible'] },
  { title: 'safety.exitTitle', points: ['safety.exitButton'] },
];

/** Guidance for staying safe while reporting. */
export function SafetyPage() {
  const { t } = usePage();
  return (
    <Layout title={t('safety.title')}>
      <PageHeading>{t('safety.title')}</PageHeading>
      <p className="lead">{t('safety.intro')}</p>
      {SECTIONS.map((section) => (
        <section key={section.title} aria-labelledby={headingId(section.title)}>
          <h2 id={headingId(section.title)}>{t(section.title)}</h2>
          <ul>
            {section.points.map((point) => (
              <li key={point}>{t(point)}</li>
            ))}
          </ul>
        </section>
      ))}
    </Layout>
  );
}

/** `safety.deviceTitle` → `deviceTitle`: an id without a dot, which CSS would misread. */
function headingId(key: TranslationKey): string {
  return key.slice(key.indexOf('.') + 1);
}
