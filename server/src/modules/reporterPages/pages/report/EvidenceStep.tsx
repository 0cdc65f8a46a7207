import type { FormDefinition } from '@haven/shared';
import { Field, type ControlProps } from '../../components/Field';
import { RemovedFromFiles } from '../../components/RemovedFromFiles';
import { usePage } from '../../PageContext';
import type { FormState } from './formState';
import { Step } from './Step';

export function EvidenceStep({
  attachments,
  state,
  filesDropped,
  filesMessage,
}: {
  attachments: FormDefinition['attachments'];
  state: FormState;
  /** Files came with a submission that is shown again: a browser cannot keep them. */
  filesDropped: boolean;
  /** Why the service refused a file, when it did. */
  filesMessage: string | undefined;
}) {
  const { t } = usePage();
  return (
    <Step id="step-evidence" number={3} title={t('report.evidence.title')}>
      <p>{t('report.evidence.intro')}</p>
      {filesDropped && <p className="notice notice-warning">{t('report.evidence.chooseAgain')}</p>}
      <Field
        id="files"
        label={t('report.evidence.files')}
        optional
        hint={t('report.evidence.filesHint', {
          count: attachments.maxFiles,
          size: attachments.maxFileBytes / (1024 * 1024),
        })}
        message={filesMessage ?? state.messages.files}
        invalid={state.invalid('files')}
      >
        {(control) => <FileInput control={control} attachments={attachments} />}
      </Field>
      <RemovedFromFiles />
    </Step>
  );
}

/** A file input that tells the script its limits, to check them before anything is sent. */
export function FileInput({
  control,
  attachments,
  required = false,
}: {
  control: ControlProps;
  attachments: FormDefinition['attachments'];
  required?: boolean;
}) {
  const { t } = usePage();
  const size = attachments.maxFileBytes / (1024 * 1024);
  return (
    <input
      {...control}
      type="file"
      name="files"
      multiple
      required={required}
      accept={attachments.mediaTypes.join(',')}
      data-max-bytes={attachments.maxFileBytes}
      data-max-files={attachments.maxFiles}
      data-error-size={t('enhance.filesTooLarge', { size })}
      data-error-count={t('enhance.filesTooMany', { count: attachments.maxFiles })}
    />
  );
}
