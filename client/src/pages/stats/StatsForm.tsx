import {
  CASE_STATUSES,
  STATS_DIMENSIONS,
  type FormDefinition,
  type StatsDimension,
} from '@haven/shared';
import type { TFunction } from 'i18next';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../forms/ErrorSummary';
import { Checkbox, SelectField, SubmitButton, TextField } from '../../forms/fields';
import { schemaErrors, type FormError, type SchemaIssue } from '../../forms/formErrors';
import { severityName, statusName } from '../cases/caseLabels';
import { CategorySelect, CountrySelect } from '../cases/FilterSelects';
import { PrivacyFields } from './PrivacyFields';
import { SEVERITY_CHOICES, viewIssues, type SeverityChoice, type StatsView } from './statsView';
import type { PrivacyBudget } from '@haven/shared';

/** Each query field's control, so an error links to what to fix. */
export const STATS_FIELD_IDS = {
  dims: 'stats-rows',
  from: 'stats-from',
  to: 'stats-to',
  category: 'stats-category',
  country: 'stats-country',
  status: `stats-status-${CASE_STATUSES[0]}`,
  severity: `stats-severity-${SEVERITY_CHOICES[0]}`,
  dp: 'stats-epsilon',
} as const;

/** The schema's issues in the reader's language; its own check of the period gets words here. */
export function statsFormErrors(t: TFunction, issues: readonly SchemaIssue[]): FormError[] {
  const endBeforeStart = issues.some((issue) => issue.code === 'custom' && issue.path[0] === 'to');
  return schemaErrors(t, issues, endBeforeStart ? { to: t('stats.form.toBeforeFrom') } : {});
}

const toggled = <T,>(list: readonly T[], item: T, on: boolean, order: readonly T[]): T[] =>
  order.filter((candidate) => (candidate === item ? on : list.includes(candidate)));

/** How many filters are in use: they open the filters' section. */
const filtersInUse = (view: StatsView) =>
  [view.category, view.country].filter(Boolean).length +
  (view.status.length > 0 ? 1 : 0) +
  (view.severity.length > 0 ? 1 : 0);

interface StatsFormProps {
  /** The view in the address; the form starts from it. */
  initial: StatsView;
  /** What is wrong with the address's view (a hand-edited link). */
  initialIssues: readonly SchemaIssue[];
  busy: boolean;
  form: FormDefinition | null;
  budget: PrivacyBudget | null;
  onShow(view: StatsView): void;
}

/**
 * What to break the cases down by: one or two dimensions, the period, filters, and optionally
 * noise. Nothing is asked until "Show"; the view is checked against the API's schema first.
 */
export function StatsForm({ initial, initialIssues, busy, form, budget, onShow }: StatsFormProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(initial);
  const [issues, setIssues] = useState(initialIssues);
  // Worded at render, so they follow a change of language; one list per submit for the summary.
  const errors = useMemo(() => statsFormErrors(t, issues), [t, issues]);
  const [filtersOpen, setFiltersOpen] = useState(() => filtersInUse(initial) > 0);
  const inUse = filtersInUse(draft);

  const change = (patch: Partial<StatsView>) => setDraft({ ...draft, ...patch });
  const error = (field: string) => errors.find((item) => item.field === field)?.message;

  function submit(event: FormEvent) {
    event.preventDefault();
    const found = viewIssues(draft);
    setIssues(found);
    if (found.length === 0) onShow(draft);
  }

  function chooseRows(rows: StatsDimension) {
    change({ rows, columns: draft.columns === rows ? '' : draft.columns });
  }

  const dimensionName = (dimension: StatsDimension) => t(`stats.dimensions.${dimension}`);

  return (
    <form className="stats-form" aria-label={t('stats.form.label')} noValidate onSubmit={submit}>
      <ErrorSummary errors={errors} fieldIds={STATS_FIELD_IDS} />
      <div className="stats-form-grid">
        <SelectField
          id={STATS_FIELD_IDS.dims}
          label={t('stats.form.rows')}
          value={draft.rows}
          onChange={(event) => chooseRows(event.target.value as StatsDimension)}
          error={error('dims')}
        >
          {STATS_DIMENSIONS.map((dimension) => (
            <option key={dimension} value={dimension}>
              {dimensionName(dimension)}
            </option>
          ))}
        </SelectField>
        <SelectField
          id="stats-columns"
          label={t('stats.form.columns')}
          value={draft.columns}
          onChange={(event) => change({ columns: event.target.value as StatsDimension | '' })}
        >
          <option value="">{t('stats.form.noColumns')}</option>
          {STATS_DIMENSIONS.filter((dimension) => dimension !== draft.rows).map((dimension) => (
            <option key={dimension} value={dimension}>
              {dimensionName(dimension)}
            </option>
          ))}
        </SelectField>
        <TextField
          id={STATS_FIELD_IDS.from}
          type="month"
          label={t('stats.form.from')}
          hint={t('stats.form.monthHint')}
          value={draft.from}
          onChange={(event) => change({ from: event.target.value })}
          error={error('from')}
        />
        <TextField
          id={STATS_FIELD_IDS.to}
          type="month"
          label={t('stats.form.to')}
          hint={t('stats.form.monthHint')}
          value={draft.to}
          onChange={(event) => change({ to: event.target.value })}
          error={error('to')}
        />
      </div>

      <details
        className="more-filters"
        open={filtersOpen}
        onToggle={(event) => setFiltersOpen(event.currentTarget.open)}
      >
        <summary>
          {inUse > 0 ? t('stats.form.filtersInUse', { count: inUse }) : t('stats.form.filters')}
        </summary>
        <div className="stats-form-grid">
          <CategorySelect
            id={STATS_FIELD_IDS.category}
            label={t('stats.form.category')}
            anyLabel={t('stats.form.anyCategory')}
            form={form}
            value={draft.category}
            onChange={(category) => change({ category })}
            error={error('category')}
          />
          <CountrySelect
            id={STATS_FIELD_IDS.country}
            label={t('stats.form.country')}
            anyLabel={t('stats.form.anyCountry')}
            value={draft.country}
            onChange={(country) => change({ country })}
            error={error('country')}
          />
        </div>
        <div className="stats-choice-groups">
          <fieldset className="stats-choices" aria-describedby="stats-status-hint">
            <legend>{t('stats.form.status')}</legend>
            <p className="field-hint" id="stats-status-hint">
              {t('stats.form.anyStatusHint')}
            </p>
            {CASE_STATUSES.map((status) => (
              <Checkbox
                key={status}
                id={`stats-status-${status}`}
                label={statusName(t, status)}
                checked={draft.status.includes(status)}
                onChange={(event) =>
                  change({
                    status: toggled(draft.status, status, event.target.checked, CASE_STATUSES),
                  })
                }
              />
            ))}
          </fieldset>
          <fieldset className="stats-choices" aria-describedby="stats-severity-hint">
            <legend>{t('stats.form.severity')}</legend>
            <p className="field-hint" id="stats-severity-hint">
              {t('stats.form.anySeverityHint')}
            </p>
            {SEVERITY_CHOICES.map((severity: SeverityChoice) => (
              <Checkbox
                key={severity}
                id={`stats-severity-${severity}`}
                label={severityName(t, severity === 'none' ? null : severity)}
                checked={draft.severity.includes(severity)}
                onChange={(event) =>
                  change({
                    severity: toggled(
                      draft.severity,
                      severity,
                      event.target.checked,
                      SEVERITY_CHOICES,
                    ),
                  })
                }
              />
            ))}
          </fieldset>
        </div>
      </details>

      <PrivacyFields
        noise={draft.noise}
        epsilon={draft.epsilon}
        budget={budget}
        error={error('dp')}
        onChange={change}
      />

      <div className="button-row">
        <SubmitButton busy={busy} label={t('stats.form.show')} busyLabel={t('stats.form.busy')} />
      </div>
    </form>
  );
}
