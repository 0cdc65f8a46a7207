import type { FormDefinition } from '@haven/shared';
import { useState, type FormEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../forms/ErrorSummary';
import { Checkbox, SelectField, TextField } from '../../forms/fields';
import type { FormError } from '../../forms/formErrors';
import { tlpName } from './caseLabels';
import { CategorySelect, CountrySelect } from './FilterSelects';
import {
  ASSIGNEE_FILTERS,
  hasFilters,
  NO_FILTERS,
  SEVERITY_FILTERS,
  TLP_FILTERS,
  type QueueFilters,
} from './queueView';

/** Each filter's control, by its name in the query string, so errors link to it. */
export const FILTER_FIELD_IDS: Record<keyof QueueFilters, string> = {
  q: 'queue-q',
  category: 'queue-category',
  severity: 'queue-severity',
  tlp: 'queue-tlp',
  assignee: 'queue-assignee',
  country: 'queue-country',
  overdue: 'queue-overdue',
  unread: 'queue-unread',
  from: 'queue-from',
  to: 'queue-to',
  tag: 'queue-tag',
};

type Drafts = Pick<QueueFilters, 'q' | 'tag'>;

/** How many filters other than the search are in use. */
function countInUse(filters: QueueFilters): number {
  return Object.entries(filters).filter(
    ([name, value]) => name !== 'q' && value !== NO_FILTERS[name as keyof QueueFilters],
  ).length;
}

/**
 * The queue's filters. A choice from a list applies at once; typed text (the search and the
 * tag) applies with Enter or the search button, so the queue does not reload on every key.
 */
export function QueueFilterBar({
  filters,
  onChange,
  form,
  showAssignee,
  errors,
  searchRef,
}: {
  filters: QueueFilters;
  onChange(filters: QueueFilters): void;
  form: FormDefinition | null;
  /** The "mine" tab fixes the assignee. */
  showAssignee: boolean;
  errors: readonly FormError[];
  searchRef: RefObject<HTMLInputElement | null>;
}) {
  const { t } = useTranslation();
  const [drafts, setDrafts] = useState<Drafts>({ q: filters.q, tag: filters.tag });
  // The address may change under the form (back, a tab's link): typed text follows it then.
  const [shown, setShown] = useState<Drafts>({ q: filters.q, tag: filters.tag });
  if (shown.q !== filters.q || shown.tag !== filters.tag) {
    setShown({ q: filters.q, tag: filters.tag });
    setDrafts({ q: filters.q, tag: filters.tag });
  }

  // Open where there is room, or when some of its filters are in use.
  const inUse = countInUse(filters);
  const [moreOpen, setMoreOpen] = useState(
    () => inUse > 0 || window.matchMedia('(min-width: 48rem)').matches,
  );

  const error = (field: keyof QueueFilters) => errors.find((item) => item.field === field)?.message;

  function apply(change: Partial<QueueFilters>) {
    onChange({ ...filters, ...drafts, ...change });
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    apply({});
  }

  return (
    <form
      className="queue-filters"
      role="search"
      aria-label={t('cases.filters.label')}
      noValidate
      onSubmit={submit}
    >
      <ErrorSummary errors={errors} fieldIds={FILTER_FIELD_IDS} />
      <div className="queue-search">
        <TextField
          id={FILTER_FIELD_IDS.q}
          ref={searchRef}
          type="search"
          label={t('cases.filters.q')}
          hint={t('cases.filters.qHint')}
          value={drafts.q}
          onChange={(event) => setDrafts({ ...drafts, q: event.target.value })}
          error={error('q')}
          aria-keyshortcuts="/"
          autoComplete="off"
        />
        <button type="submit" className="button">
          {t('cases.filters.search')}
        </button>
      </div>
      <details
        className="more-filters"
        open={moreOpen}
        onToggle={(event) => setMoreOpen(event.currentTarget.open)}
      >
        <summary>
          {inUse > 0 ? t('cases.filters.moreInUse', { count: inUse }) : t('cases.filters.more')}
        </summary>
        <div className="filter-grid">
          <CategorySelect
            id={FILTER_FIELD_IDS.category}
            label={t('cases.filters.category')}
            anyLabel={t('cases.filters.anyCategory')}
            form={form}
            value={filters.category}
            onChange={(category) => apply({ category })}
            error={error('category')}
          />
          <SelectField
            id={FILTER_FIELD_IDS.severity}
            label={t('cases.filters.severity')}
            value={filters.severity}
            onChange={(event) =>
              apply({ severity: event.target.value as QueueFilters['severity'] })
            }
            error={error('severity')}
          >
            {SEVERITY_FILTERS.map((value) => (
              <option key={value} value={value}>
                {value === ''
                  ? t('cases.filters.anySeverity')
                  : value === 'none'
                    ? t('cases.severityNone')
                    : t(`settings.severity.${value}`)}
              </option>
            ))}
          </SelectField>
          <SelectField
            id={FILTER_FIELD_IDS.tlp}
            label={t('cases.filters.tlp')}
            value={filters.tlp}
            onChange={(event) => apply({ tlp: event.target.value as QueueFilters['tlp'] })}
            error={error('tlp')}
          >
            {TLP_FILTERS.map((value) => (
              <option key={value} value={value}>
                {value === '' ? t('cases.filters.anyTlp') : tlpName(value)}
              </option>
            ))}
          </SelectField>
          {showAssignee ? (
            <SelectField
              id={FILTER_FIELD_IDS.assignee}
              label={t('cases.filters.assignee')}
              value={filters.assignee}
              onChange={(event) =>
                apply({ assignee: event.target.value as QueueFilters['assignee'] })
              }
              error={error('assignee')}
            >
              {ASSIGNEE_FILTERS.map((value) => (
                <option key={value} value={value}>
                  {t(`cases.filters.assignees.${value === '' ? 'anyone' : value}`)}
                </option>
              ))}
            </SelectField>
          ) : null}
          <CountrySelect
            id={FILTER_FIELD_IDS.country}
            label={t('cases.filters.country')}
            anyLabel={t('cases.filters.anyCountry')}
            value={filters.country}
            onChange={(country) => apply({ country })}
            error={error('country')}
          />
          <TextField
            id={FILTER_FIELD_IDS.from}
            type="date"
            label={t('cases.filters.from')}
            value={filters.from}
            onChange={(event) => apply({ from: event.target.value })}
            error={error('from')}
          />
          <TextField
            id={FILTER_FIELD_IDS.to}
            type="date"
            label={t('cases.filters.to')}
            value={filters.to}
            onChange={(event) => apply({ to: event.target.value })}
            error={error('to')}
          />
          <TextField
            id={FILTER_FIELD_IDS.tag}
            label={t('cases.filters.tag')}
            value={drafts.tag}
            onChange={(event) => setDrafts({ ...drafts, tag: event.target.value })}
            error={error('tag')}
            autoComplete="off"
            spellCheck={false}
          />
        </div>
        <div className="filter-flags">
          <Checkbox
            id={FILTER_FIELD_IDS.overdue}
            label={t('cases.filters.overdue')}
            checked={filters.overdue}
            onChange={(event) => apply({ overdue: event.target.checked })}
          />
          <Checkbox
            id={FILTER_FIELD_IDS.unread}
            label={t('cases.filters.unread')}
            checked={filters.unread}
            onChange={(event) => apply({ unread: event.target.checked })}
          />
          {hasFilters(filters) ? (
            <button
              type="button"
              className="button button-secondary button-small"
              onClick={() => onChange(NO_FILTERS)}
            >
              {t('cases.filters.clear')}
            </button>
          ) : null}
        </div>
      </details>
    </form>
  );
}
