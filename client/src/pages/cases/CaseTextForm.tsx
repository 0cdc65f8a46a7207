import { CASE_TEXT_MAX, type CaseDetail } from '@haven/shared';
import type { TFunction } from 'i18next';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { addNote, messageReporter } from '../../api/cases';
import { ErrorSummary } from '../../forms/ErrorSummary';
import { SubmitButton, TextAreaField } from '../../forms/fields';
import { useFormErrors } from '../../forms/useFormErrors';
import type { RunChange } from './useCaseDetail';

/**
 * An internal note, or a message the reporter reads on their status page. The two look apart on
 * purpose: a message leaves Haven's staff, a note never does.
 */
export function CaseTextForm({
  kind,
  runChange,
}: {
  kind: 'note' | 'message';
  runChange: RunChange;
}) {
  const { t, i18n } = useTranslation();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const form = useFormErrors();
  const id = `case-${kind}`;
  const max = new Intl.NumberFormat(i18n.language).format(CASE_TEXT_MAX);
  const strings =
    kind === 'note'
      ? {
          title: t('cases.note.title'),
          label: t('cases.note.label'),
          hint: t('cases.note.hint', { max }),
          submit: t('cases.note.submit'),
          done: (tr: TFunction) => tr('cases.note.done'),
        }
      : {
          title: t('cases.message.title'),
          label: t('cases.message.label'),
          hint: t('cases.message.hint', { max }),
          submit: t('cases.message.submit'),
          done: (tr: TFunction) => tr('cases.message.done'),
        };

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const trimmed = text.trim();
    if (trimmed === '') {
      form.setErrors([{ field: 'text', message: t('validation.required') }]);
      return;
    }
    if (trimmed.length > CASE_TEXT_MAX) {
      form.setErrors([{ field: 'text', message: t('validation.tooLong', { max }) }]);
      return;
    }
    setBusy(true);
    const send = kind === 'note' ? addNote : messageReporter;
    const outcome = await runChange(
      (current: CaseDetail) => send(current.id, trimmed),
      strings.done,
    );
    setBusy(false);
    if (outcome.ok) {
      setText('');
      form.clearErrors();
    } else {
      form.setErrors(outcome.errors);
    }
  }

  const fieldError = form.fieldError('text');
  return (
    <section className={`panel text-form text-form-${kind}`} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{strings.title}</h2>
      {kind === 'message' ? (
        <p className="visible-to-reporter">{t('cases.message.visibleToReporter')}</p>
      ) : (
        <p className="field-hint text-form-lead">{t('cases.note.staffOnly')}</p>
      )}
      <ErrorSummary errors={form.errors} fieldIds={{ text: id }} />
      <form className="form form-wide" noValidate onSubmit={(event) => void submit(event)}>
        <TextAreaField
          id={id}
          className="input textarea-prose"
          label={strings.label}
          hint={strings.hint}
          value={text}
          onChange={(event) => setText(event.target.value)}
          errors={fieldError ? [fieldError] : []}
          rows={4}
        />
        <SubmitButton busy={busy} label={strings.submit} busyLabel={t('cases.working')} />
      </form>
    </section>
  );
}
