import {
  CasePatchRequestSchema,
  SEVERITIES,
  TLP_LABELS,
  type CaseDetail,
  type CasePatchRequest,
  type FormDefinition,
  type Severity,
  type TlpLabel,
} from '@haven/shared';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { classifyCase } from '../../api/cases';
import { ErrorSummary } from '../../forms/ErrorSummary';
import { SelectField, SubmitButton, TextField } from '../../forms/fields';
import { schemaErrors } from '../../forms/formErrors';
import { useFormErrors } from '../../forms/useFormErrors';
import { categoryName, subcategoryName, tlpName } from './caseLabels';
import type { RunChange } from './useCaseDetail';

const IDS = {
  category: 'classify-category',
  subcategory: 'classify-subcategory',
  severity: 'classify-severity',
  tlp: 'classify-tlp',
  tags: 'classify-tags',
};

interface Draft {
  category: string;
  subcategory: string;
  severity: Severity | '';
  tlp: TlpLabel;
  tags: string;
}

const draftOf = (detail: CaseDetail): Draft => ({
  category: detail.category,
  subcategory: detail.subcategory ?? '',
  severity: detail.severity ?? '',
  tlp: detail.tlp,
  tags: detail.tags.join(', '),
});

const tagsOf = (text: string) =>
  text
    .split(/[\s,]+/)
    .map((tag) => tag.trim().toLowerCase())
    .filter(Boolean);

/**
 * Category, severity (which sets the SLA due time), TLP label and tags. Only what was changed is
 * sent. The draft is the user's: a reload of the case (someone else's change) leaves it alone.
 */
export function ClassifyForm({
  detail,
  form,
  runChange,
}: {
  detail: CaseDetail;
  form: FormDefinition | null;
  runChange: RunChange;
}) {
  const { t, i18n } = useTranslation();
  const [draft, setDraft] = useState<Draft>(() => draftOf(detail));
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors();

  const categories = form?.categories ?? [];
  const knownCategory = categories.some((category) => category.id === draft.category);
  const subcategories =
    categories.find((category) => category.id === draft.category)?.subcategories ?? [];

  function patchOf(current: CaseDetail): CasePatchRequest | null {
    const patch: Record<string, unknown> = {};
    if (draft.category !== current.category) patch.category = draft.category;
    if ((draft.subcategory || null) !== current.subcategory) {
      patch.subcategory = draft.subcategory || null;
    }
    if (draft.severity && draft.severity !== current.severity) patch.severity = draft.severity;
    if (draft.tlp !== current.tlp) patch.tlp = draft.tlp;
    const tags = tagsOf(draft.tags);
    if (tags.join() !== current.tags.join()) patch.tags = tags;
    if (Object.keys(patch).length === 0) return null;
    return { version: current.version, ...patch } as CasePatchRequest;
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const patch = patchOf(detail);
    if (!patch) {
      errors.setErrors([{ message: t('cases.classify.nothingChanged') }]);
      return;
    }
    const parsed = CasePatchRequestSchema.safeParse(patch);
    if (!parsed.success) {
      errors.setErrors(
        schemaErrors(t, parsed.error.issues, {}).map((error) =>
          error.field?.startsWith('tags')
            ? { field: 'tags', message: t('cases.classify.tagFormat') }
            : error,
        ),
      );
      return;
    }
    setBusy(true);
    errors.clearErrors();
    // Sent against the case as it is now, so only the fields this user changed go.
    const outcome = await runChange(
      (current) => classifyCase(current.id, { ...parsed.data, version: current.version }),
      (tr) => tr('cases.classify.saved'),
    );
    setBusy(false);
    if (!outcome.ok) errors.setErrors(outcome.errors);
  }

  const update = (change: Partial<Draft>) => setDraft((current) => ({ ...current, ...change }));

  return (
    <section className="panel" aria-labelledby="classify-title">
      <h2 id="classify-title">{t('cases.classify.title')}</h2>
      <ErrorSummary errors={errors.errors} fieldIds={IDS} />
      <form className="form" noValidate onSubmit={(event) => void submit(event)}>
        <SelectField
          id={IDS.category}
          label={t('cases.classify.category')}
          value={draft.category}
          onChange={(event) => update({ category: event.target.value, subcategory: '' })}
          error={errors.fieldError('category')}
        >
          {knownCategory ? null : (
            <option value={draft.category}>{categoryName(i18n, form, draft.category)}</option>
          )}
          {categories.map((category) => (
            <option key={category.id} value={category.id}>
              {categoryName(i18n, form, category.id)}
            </option>
          ))}
        </SelectField>
        <SelectField
          id={IDS.subcategory}
          label={t('cases.classify.subcategory')}
          value={draft.subcategory}
          onChange={(event) => update({ subcategory: event.target.value })}
          error={errors.fieldError('subcategory')}
        >
          <option value="">{t('cases.classify.noSubcategory')}</option>
          {draft.subcategory && !subcategories.some((sub) => sub.id === draft.subcategory) ? (
            <option value={draft.subcategory}>
              {subcategoryName(i18n, form, draft.category, draft.subcategory)}
            </option>
          ) : null}
          {subcategories.map((subcategory) => (
            <option key={subcategory.id} value={subcategory.id}>
              {subcategoryName(i18n, form, draft.category, subcategory.id)}
            </option>
          ))}
        </SelectField>
        <SelectField
          id={IDS.severity}
          label={t('cases.classify.severity')}
          hint={t('cases.classify.severityHint')}
          value={draft.severity}
          onChange={(event) => update({ severity: event.target.value as Severity })}
          error={errors.fieldError('severity')}
        >
          {draft.severity === '' ? <option value="">{t('cases.severityNone')}</option> : null}
          {SEVERITIES.map((severity) => (
            <option key={severity} value={severity}>
              {t(`settings.severity.${severity}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          id={IDS.tlp}
          label={t('cases.classify.tlp')}
          hint={t(`cases.tlpMeaning.${draft.tlp}`)}
          value={draft.tlp}
          onChange={(event) => update({ tlp: event.target.value as TlpLabel })}
          error={errors.fieldError('tlp')}
        >
          {TLP_LABELS.map((tlp) => (
            <option key={tlp} value={tlp}>
              {tlpName(tlp)}
            </option>
          ))}
        </SelectField>
        <TextField
          id={IDS.tags}
          label={t('cases.classify.tags')}
          hint={t('cases.classify.tagsHint')}
          value={draft.tags}
          onChange={(event) => update({ tags: event.target.value })}
          error={errors.fieldError('tags')}
          autoComplete="off"
          spellCheck={false}
        />
        <SubmitButton
          busy={busy}
          label={t('cases.classify.submit')}
          busyLabel={t('cases.working')}
        />
      </form>
    </section>
  );
}
