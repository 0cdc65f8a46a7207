import { can } from '@haven/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeading } from '../app/PageHeading';
import { useMe } from '../auth/authContext';
import { consoleSections } from '../app/consoleSections';

/** The console's start page: what this user's roles let them do here. */
export function HomePage() {
  const { t } = useTranslation();
  const me = useMe();
  const sections = consoleSections(t).filter(
    (section) => section.permission === null || can(me.roles, section.permission),
  );

  return (
    <>
      <PageHeading>{t('home.title')}</PageHeading>
      <p>{t('home.greeting', { name: me.displayName })}</p>
      <ul className="card-list">
        {sections.map((section) => (
          <li key={section.path} className="card">
            <h2>
              <Link to={section.path}>{section.title}</Link>
            </h2>
            <p>{section.description}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
