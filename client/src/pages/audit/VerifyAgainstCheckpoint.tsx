import { CheckpointSchema, type Checkpoint, type VerifyResult } from '@haven/shared';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { verifyAuditLogAgainst } from '../../api/audit';
import { ErrorSummary } from '../../forms/ErrorSummary';
import { SubmitButton, TextField } from '../../forms/fields';
import { requestErrors } from '../../forms/formErrors';
import { useFormErrors } from '../../forms/useFormErrors';
import { VerifyResultView } from './VerifyResultView';

const FIELD_ID = 'audit-kept-checkpoint';

/**
 * Checks that the log still extends a checkpoint kept from earlier: the file is read in the
 * browser, checked against the shared schema and sent. `onResult` passes the result up, so the
 * entries table can mark a broken entry.
 */
export function VerifyAgainstCheckpoint({ onResult }: { onResult(result: VerifyResult): void }) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ result: VerifyResult; checkedAt: string } | null>(null);
  const form = useFormErrors();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    if (!file) {
      form.setErrors([{ field: 'checkpoint', message: t('audit.keptRequired') }]);
      return;
    }
    setBusy(true);
    try {
      const checkpoint = await readCheckpoint(file);
      if (!checkpoint) {
        setOutcome(null);
        form.setErrors([{ field: 'checkpoint', message: t('audit.keptNotCheckpoint') }]);
        return;
      }
      const result = await verifyAuditLogAgainst(checkpoint);
      form.clearErrors();
      setOutcome({ result, checkedAt: new Date().toISOString() });
      onResult(result);
    } catch (failure) {
      setOutcome(null);
      form.setErrors(
        // A checkpoint the server refuses (400) is as unreadable as one the console refuses.
        requestErrors(t, failure).map((error) =>
          error.field ? { field: 'checkpoint', message: t('audit.keptNotCheckpoint') } : error,
        ),
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <ErrorSummary errors={form.errors} fieldIds={{ checkpoint: FIELD_ID }} />
      <form className="form" noValidate onSubmit={(event) => void submit(event)}>
        <TextField
          id={FIELD_ID}
          label={t('audit.keptLabel')}
          hint={t('audit.keptHint')}
          type="file"
          accept=".json,application/json"
          className="input-file"
          onChange={(event) => setFile(event.target.files?.[0] ?? null)}
          error={form.fieldError('checkpoint')}
        />
        <div className="button-row">
          <SubmitButton
            busy={busy}
            label={t('audit.keptSubmit')}
            busyLabel={t('audit.verifying')}
          />
        </div>
      </form>
      {outcome ? <VerifyResultView result={outcome.result} checkedAt={outcome.checkedAt} /> : null}
    </>
  );
}

/** The checkpoint in a chosen file, or null when it holds none. */
async function readCheckpoint(file: File): Promise<Checkpoint | null> {
  try {
    const parsed = CheckpointSchema.safeParse(JSON.parse(await file.text()));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
