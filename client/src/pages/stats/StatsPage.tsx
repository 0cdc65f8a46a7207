import { can } from '@haven/shared';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageHeading } from '../../app/PageHeading';
import { useMe } from '../../auth/authContext';
import { requestErrors } from '../../forms/formErrors';
import { useFormDefinition } from '../cases/useFormDefinition';
import { StatsForm } from './StatsForm';
import { statsRefusal } from './statsRefusal';
import { StatsResults } from './StatsResults';
import { isRequested, readView, viewIssues, writeView, type StatsView } from './statsView';
import { useStatsRelease } from './useStatsRelease';

/**
 * The auditors' statistics: a breakdown of the cases by one or two dimensions under disclosure
 * control, its medians, a chart, and exports. The form's last "Show" is in the address.
 */
export function StatsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const form = useFormDefinition();
  const [search, setSearch] = useSearchParams();
  const view = readView(search);
  const requested = isRequested(search);
  const query = requested ? writeView(view).toString() : null;
  // A hand-edited address may break the API's rules: then nothing is asked, and the form says why.
  const issues = query === null ? [] : viewIssues(view);
  const release = useStatsRelease(query !== null && issues.length === 0 ? query : null);
  const resultsHeading = useRef<HTMLHeadingElement>(null);
  const focusResults = useRef(false);

  function show(next: StatsView) {
    const nextQuery = writeView(next).toString();
    focusResults.current = true;
    // Without noise, a new address loads itself; with noise, or for the same table again, "Show"
    // is what asks for a release.
    if (nextQuery !== query) setSearch(nextQuery);
    if (next.noise || nextQuery === query) release.release(nextQuery);
  }

  const settled = !release.loading;
  useEffect(() => {
    if (settled && focusResults.current) {
      focusResults.current = false;
      resultsHeading.current?.focus();
    }
  }, [settled, release.table, release.error]);

  const epsilon = view.noise ? Number(view.epsilon) : null;

  return (
    <div className="stats-page">
      <PageHeading>{t('stats.title')}</PageHeading>
      <p>{t('stats.intro')}</p>
      <StatsForm
        key={query ?? ''}
        initial={view}
        initialIssues={issues}
        busy={release.loading}
        form={form}
        budget={release.budget}
        onShow={show}
      />
      {query !== null && issues.length === 0 ? (
        <section className="section" aria-labelledby="stats-results-title">
          <h2 id="stats-results-title" tabIndex={-1} ref={resultsHeading}>
            {t('stats.results.title')}
          </h2>
          <p className="stats-status" role="status">
            {release.loading ? t('stats.results.loading') : ''}
          </p>
          {release.awaitingRelease ? (
            <p className="notice">
              {t('stats.results.awaitingRelease', { epsilon: view.epsilon })}
            </p>
          ) : null}
          {release.error ? (
            <p className="notice notice-error" role="alert">
              {requestErrors(t, release.error, statsRefusal(t, epsilon))[0]?.message}
            </p>
          ) : null}
          {release.table ? (
            <StatsResults
              table={release.table}
              query={query}
              form={form}
              canExport={can(me.roles, 'stats.export')}
            />
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
