import { SEVERITIES, SettingsSchema, SUPPRESSION_MIN_K, type Severity } from '@haven/shared';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchSettings, saveSettings } from '../../api/admin';
import { PageHeading } from '../../app/PageHeading';
import { ErrorSummary } from '../../forms/ErrorSummary';
import { TextAreaField, TextField, SubmitButton } from '../../forms/fields';
import { requestErrors, schemaErrors, type FormError } from '../../forms/formErrors';
import { useFormErrors } from '../../forms/useFormErrors';
import { categoriesIn, fromForm, settingsFieldId, toForm, type SettingsForm } from './settingsForm';

/**
 * What an administrator configures: the service levels, the legal clocks, retention, the
 * disclosure-control threshold, how long a receipt keeps working, and the report categories.
 * Checked against the shared schema before it is sent, and again by the server.
 */
export function SettingsPage() {
  const { t, i18n } = useTranslation();
  const [form, setForm] = useState<SettingsForm | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const savedRef = useRef<HTMLParagraphElement>(null);
  const errors = useFormErrors();

  useEffect(() => {
    fetchSettings().then((settings) => setForm(toForm(settings)), setLoadError);
  }, []);

  function update(change: (current: SettingsForm) => SettingsForm) {
    setSaved(false);
    setForm((current) => (current ? change(current) : current));
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!form || busy) return;
    const read = fromForm(form);
    if (read.jsonError !== null) {
      errors.setErrors([
        {
          field: 'categories',
          message: t('settings.categoriesNotJson', { error: read.jsonError }),
        },
      ]);
      return;
    }
    const parsed = SettingsSchema.safeParse(read.body);
    if (!parsed.success) {
      errors.setErrors(
        schemaErrors(t, parsed.error.issues).map((error) => describeCategoryError(error)),
      );
      return;
    }
    setBusy(true);
    try {
      const stored = await saveSettings(parsed.data);
      setForm(toForm(stored));
      errors.clearErrors();
      setSaved(true);
      requestAnimationFrame(() => savedRef.current?.focus());
    } catch (error) {
      errors.setErrors(requestErrors(t, error).map((item) => describeCategoryError(item)));
    } finally {
      setBusy(false);
    }
  }

  /** Errors inside the categories' JSON say where in it they are. */
  function describeCategoryError(error: FormError): FormError {
    if (!error.field?.startsWith('categories.')) return error;
    return {
      ...error,
      message: t('settings.categoriesIssue', {
        path: error.field.slice('categories.'.length),
        message: error.message,
      }),
    };
  }

  if (!form) {
    return (
      <>
        <PageHeading>{t('settings.title')}</PageHeading>
        {loadError ? (
          <p className="notice notice-error" role="alert">
            {requestErrors(t, loadError)[0]?.message}
          </p>
        ) : (
          <p role="status">{t('settings.loading')}</p>
        )}
      </>
    );
  }

  const fieldIds = Object.fromEntries(
    errors.errors.flatMap((error) =>
      error.field === undefined ? [] : [[error.field, settingsFieldId(error.field)]],
    ),
  );
  const fieldError = (field: string) => errors.fieldError(field);
  const categoryErrors = errors.errors
    .filter((error) => error.field === 'categories' || error.field?.startsWith('categories.'))
    .map((error) => error.message);
  const categories = categoriesIn(form.categoriesJson) ?? [];
  const categoryName = (category: (typeof categories)[number]) =>
    category.labels?.[i18n.language as 'en'] ?? category.labels?.en ?? category.id;

  const numberProps = { type: 'text', inputMode: 'numeric', className: 'input-number' } as const;

  return (
    <>
      <PageHeading>{t('settings.title')}</PageHeading>
      <p>{t('settings.intro')}</p>
      {saved ? (
        <p className="notice notice-success" role="status" tabIndex={-1} ref={savedRef}>
          {t('settings.saved')}
        </p>
      ) : null}
      <ErrorSummary errors={errors.errors} fieldIds={fieldIds} />
      <form className="form form-wide" noValidate onSubmit={(event) => void submit(event)}>
        <fieldset className="fieldset">
          <legend>{t('settings.slaLegend')}</legend>
          <p className="field-hint">{t('settings.slaHint')}</p>
          <div className="field-grid">
            {SEVERITIES.map((severity: Severity) => (
              <TextField
                key={severity}
                id={settingsFieldId(`slaHours.${severity}`)}
                label={t(`settings.severity.${severity}`)}
                {...numberProps}
                value={form.slaHours[severity]}
                onChange={(event) =>
                  update((current) => ({
                    ...current,
                    slaHours: { ...current.slaHours, [severity]: event.target.value },
                  }))
                }
                error={fieldError(`slaHours.${severity}`)}
              />
            ))}
          </div>
        </fieldset>

        <fieldset className="fieldset">
          <legend>{t('settings.clocksLegend')}</legend>
          <p className="field-hint">{t('settings.clocksHint')}</p>
          <div className="field-grid">
            <TextField
              id={settingsFieldId('legalClocks.acknowledgementDays')}
              label={t('settings.acknowledgementDays')}
              {...numberProps}
              value={form.acknowledgementDays}
              onChange={(event) =>
                update((current) => ({ ...current, acknowledgementDays: event.target.value }))
              }
              error={fieldError('legalClocks.acknowledgementDays')}
            />
            <TextField
              id={settingsFieldId('legalClocks.answerDays')}
              label={t('settings.answerDays')}
              {...numberProps}
              value={form.answerDays}
              onChange={(event) =>
                update((current) => ({ ...current, answerDays: event.target.value }))
              }
              error={fieldError('legalClocks.answerDays')}
            />
          </div>
          {categories.length > 0 ? (
            <div className="table-scroll">
              <table className="table table-compact">
                <caption>{t('settings.byCategoryCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col" id="clock-col-category">
                      {t('settings.categoryColumn')}
                    </th>
                    <th scope="col" id="clock-col-ack">
                      {t('settings.acknowledgementDays')}
                    </th>
                    <th scope="col" id="clock-col-answer">
                      {t('settings.answerDays')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {categories.map((category) => {
                    const clocks = form.byCategory[category.id] ?? {
                      acknowledgementDays: '',
                      answerDays: '',
                    };
                    const rowId = `clock-row-${category.id}`;
                    const setClock = (key: 'acknowledgementDays' | 'answerDays', value: string) =>
                      update((current) => ({
                        ...current,
                        byCategory: {
                          ...current.byCategory,
                          [category.id]: { ...clocks, [key]: value },
                        },
                      }));
                    const ackField = `legalClocks.byCategory.${category.id}.acknowledgementDays`;
                    const answerField = `legalClocks.byCategory.${category.id}.answerDays`;
                    const ackError =
                      fieldError(ackField) ?? fieldError(`legalClocks.byCategory.${category.id}`);
                    const answerError = fieldError(answerField);
                    return (
                      <tr key={category.id}>
                        <th scope="row" id={rowId}>
                          {categoryName(category)}
                        </th>
                        {(
                          [
                            ['acknowledgementDays', 'clock-col-ack', ackError],
                            ['answerDays', 'clock-col-answer', answerError],
                          ] as const
                        ).map(([key, columnId, error]) => {
                          const id = settingsFieldId(
                            `legalClocks.byCategory.${category.id}.${key}`,
                          );
                          return (
                            <td key={key}>
                              <input
                                id={id}
                                {...numberProps}
                                className="input input-number"
                                aria-labelledby={`${columnId} ${rowId}`}
                                aria-invalid={error ? true : undefined}
                                aria-describedby={error ? `${id}-error` : 'clock-default-hint'}
                                placeholder={
                                  key === 'acknowledgementDays'
                                    ? form.acknowledgementDays
                                    : form.answerDays
                                }
                                value={clocks[key]}
                                onChange={(event) => setClock(key, event.target.value)}
                              />
                              {error ? (
                                <p className="field-error" id={`${id}-error`}>
                                  {error}
                                </p>
                              ) : null}
                            </td>
                          );
                        })}
                      </tr>
                    );
                  })}
                </tbody>
              </table>
              <p className="field-hint" id="clock-default-hint">
                {t('settings.byCategoryHint')}
              </p>
            </div>
          ) : null}
        </fieldset>

        <fieldset className="fieldset">
          <legend>{t('settings.dataLegend')}</legend>
          <div className="field-grid">
            <TextField
              id={settingsFieldId('retention.closedCaseDays')}
              label={t('settings.retentionDays')}
              hint={t('settings.retentionHint')}
              {...numberProps}
              value={form.closedCaseDays}
              onChange={(event) =>
                update((current) => ({ ...current, closedCaseDays: event.target.value }))
              }
              error={fieldError('retention.closedCaseDays')}
            />
            <TextField
              id={settingsFieldId('reporterAccessLapseDays')}
              label={t('settings.lapseDays')}
              hint={t('settings.lapseHint')}
              {...numberProps}
              value={form.reporterAccessLapseDays}
              onChange={(event) =>
                update((current) => ({ ...current, reporterAccessLapseDays: event.target.value }))
              }
              error={fieldError('reporterAccessLapseDays')}
            />
            <TextField
              id={settingsFieldId('suppression.k')}
              label={t('settings.suppressionK')}
              hint={t('settings.suppressionHint', { min: SUPPRESSION_MIN_K })}
              {...numberProps}
              value={form.suppressionK}
              onChange={(event) =>
                update((current) => ({ ...current, suppressionK: event.target.value }))
              }
              error={fieldError('suppression.k')}
            />
          </div>
        </fieldset>

        <fieldset className="fieldset">
          <legend>{t('settings.categoriesLegend')}</legend>
          <TextAreaField
            id="settings-categories"
            label={t('settings.categoriesLabel')}
            hint={t('settings.categoriesHint')}
            dir="ltr"
            spellCheck={false}
            rows={16}
            value={form.categoriesJson}
            onChange={(event) =>
              update((current) => ({ ...current, categoriesJson: event.target.value }))
            }
            errors={categoryErrors}
          />
        </fieldset>

        <div className="button-row">
          <SubmitButton busy={busy} label={t('settings.save')} busyLabel={t('settings.saving')} />
        </div>
      </form>
    </>
  );
}
