import { RevealRequestSchema, type Revealed } from '@haven/shared';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { revealAttachment, revealText } from '../../api/cases';
import { Dialog } from '../../components/Dialog';
import { saveFile } from '../../components/saveFile';
import { ErrorSummary } from '../../forms/ErrorSummary';
import { SubmitButton, TextAreaField } from '../../forms/fields';
import { requestErrors, schemaErrors } from '../../forms/formErrors';
import { useFormErrors } from '../../forms/useFormErrors';
import { ReportText } from './ReportText';

export type RevealTarget =
  { field: 'narrative' | 'contact' } | { field: 'attachment'; attachmentId: string; name: string };

const REASON_ID = 'reveal-reason';

/**
 * Shows what Haven keeps sealed (the original text, the reporter's contact) or downloads an
 * original file, once a reason is given; the reason is audited. What is revealed lives in this
 * dialog's state only: closing it drops it, and nothing of it is kept by the page.
 */
export function RevealDialog({
  caseId,
  target,
  onRevealed,
  onClose,
}: {
  caseId: string;
  target: RevealTarget;
  /** The reveal is on the case's timeline now. */
  onRevealed(): void;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [revealed, setRevealed] = useState<Revealed | null>(null);
  const [downloaded, setDownloaded] = useState(false);
  const form = useFormErrors();
  const resultRef = useRef<HTMLHeadingElement>(null);
  const shown = revealed !== null || downloaded;

  // What was revealed replaces the form: focus goes to its heading, which says what it is.
  useEffect(() => {
    if (shown) resultRef.current?.focus();
  }, [shown]);

  const title =
    target.field === 'attachment'
      ? t('cases.reveal.attachmentTitle', { name: target.name })
      : t(`cases.reveal.${target.field}Title`);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const request = {
      field: target.field,
      reason,
      ...(target.field === 'attachment' ? { attachmentId: target.attachmentId } : {}),
    };
    const parsed = RevealRequestSchema.safeParse(request);
    if (!parsed.success) {
      form.setErrors(schemaErrors(t, parsed.error.issues));
      return;
    }
    setBusy(true);
    try {
      if (target.field === 'attachment') {
        const file = await revealAttachment(caseId, target.attachmentId, parsed.data.reason);
        saveFile(file.fileName ?? 'original', file.blob, file.blob.type);
        setDownloaded(true);
      } else {
        setRevealed(await revealText(caseId, target.field, parsed.data.reason));
      }
      form.clearErrors();
      onRevealed();
    } catch (error) {
      form.setErrors(requestErrors(t, error));
    } finally {
      setBusy(false);
    }
  }

  if (shown) {
    return (
      <Dialog title={title} onClose={onClose}>
        <h3 className="dialog-subtitle" tabIndex={-1} ref={resultRef}>
          {downloaded ? t('cases.reveal.downloaded') : t('cases.reveal.shownOnce')}
        </h3>
        {revealed ? <RevealedContent revealed={revealed} /> : null}
        <p className="notice">{t('cases.reveal.closeDrops')}</p>
        <div className="button-row">
          <button type="button" className="button" onClick={onClose}>
            {t('cases.reveal.close')}
          </button>
        </div>
      </Dialog>
    );
  }

  return (
    <Dialog title={title} onClose={onClose}>
      <p>{t('cases.reveal.intro')}</p>
      <ErrorSummary errors={form.errors} fieldIds={{ reason: REASON_ID }} />
      <form className="form" noValidate onSubmit={(event) => void submit(event)}>
        <TextAreaField
          id={REASON_ID}
          className="input textarea-prose"
          label={t('cases.reveal.reason')}
          hint={t('cases.reveal.reasonHint')}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          errors={form.fieldError('reason') ? [form.fieldError('reason')!] : []}
          rows={3}
        />
        <div className="button-row">
          <SubmitButton
            busy={busy}
            label={
              target.field === 'attachment'
                ? t('cases.reveal.submitAttachment')
                : t('cases.reveal.submit')
            }
            busyLabel={t('cases.reveal.submitting')}
          />
          <button type="button" className="button button-secondary" onClick={onClose}>
            {t('cases.reveal.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function RevealedContent({ revealed }: { revealed: Revealed }) {
  const { t } = useTranslation();
  if (revealed.text) {
    return (
      <div className="revealed">
        <ReportText text={revealed.text} />
      </div>
    );
  }
  const contact = revealed.contact ?? {};
  return (
    <dl className="details revealed">
      {contact.name ? (
        <div>
          <dt>{t('cases.reveal.contactName')}</dt>
          <dd dir="auto">{contact.name}</dd>
        </div>
      ) : null}
      {contact.email ? (
        <div>
          <dt>{t('cases.reveal.contactEmail')}</dt>
          <dd className="literal" dir="ltr">
            {contact.email}
          </dd>
        </div>
      ) : null}
      {contact.phone ? (
        <div>
          <dt>{t('cases.reveal.contactPhone')}</dt>
          <dd className="literal" dir="ltr">
            {contact.phone}
          </dd>
        </div>
      ) : null}
      {contact.preferredChannel ? (
        <div>
          <dt>{t('cases.reveal.contactChannel')}</dt>
          <dd>{t(`cases.reveal.channels.${contact.preferredChannel}`)}</dd>
        </div>
      ) : null}
    </dl>
  );
}
