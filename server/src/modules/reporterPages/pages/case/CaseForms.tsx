import { REPORTER_MESSAGE_MAX, type FormDefinition } from '@haven/shared';
import { Field } from '../../components/Field';
import { RemovedFromFiles } from '../../components/RemovedFromFiles';
import { usePage } from '../../PageContext';
import { FileInput } from '../report/EvidenceStep';

/** Every form of an open case carries the session's CSRF token. */
function CsrfField({ token }: { token: string }) {
  return <input type="hidden" name="csrf" value={token} />;
}

export function ReplyForm({ csrf }: { csrf: string }) {
  const { t, href, language } = usePage();
  return (
    <form method="post" action={href('/status/case/messages')} className="reply-form">
      <CsrfField token={csrf} />
      <Field
        id="message"
        label={t('case.replyLabel')}
        hint={t('case.replyHint', {
          max: new Intl.NumberFormat(language.code).format(REPORTER_MESSAGE_MAX),
        })}
      >
        {(control) => (
          <textarea
            {...control}
            name="text"
            rows={5}
            required
            maxLength={REPORTER_MESSAGE_MAX}
            autoComplete="off"
          />
        )}
      </Field>
      <div className="actions">
        <button type="submit" className="button button-primary">
          {t('case.replySend')}
        </button>
      </div>
    </form>
  );
}

export function AddFilesForm({
  csrf,
  attachments,
}: {
  csrf: string;
  attachments: FormDefinition['attachments'];
}) {
  const { t, href } = usePage();
  return (
    <form
      method="post"
      action={href('/status/case/attachments')}
      encType="multipart/form-data"
      data-sending={t('report.review.sending')}
    >
      <CsrfField token={csrf} />
      <Field
        id="files"
        label={t('case.addFilesLabel')}
        hint={t('report.evidence.filesHint', {
          count: attachments.maxFiles,
          size: attachments.maxFileBytes / (1024 * 1024),
        })}
      >
        {(control) => <FileInput control={control} attachments={attachments} required />}
      </Field>
      <RemovedFromFiles folded />
      <div className="actions">
        <button type="submit" className="button">
          {t('case.addFilesSend')}
        </button>
      </div>
    </form>
  );
}

export function LeaveForm({ csrf }: { csrf: string }) {
  const { t, href } = usePage();
  return (
    <form method="post" action={href('/status/leave')}>
      <CsrfField token={csrf} />
      <p>{t('case.leaveHint')}</p>
      <button type="submit" className="button">
        {t('case.leave')}
      </button>
    </form>
  );
}
