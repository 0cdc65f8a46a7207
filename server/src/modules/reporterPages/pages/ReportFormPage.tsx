import type { FormDefinition } from '@haven/shared';
import { ErrorSummary, type ErrorSummaryItem } from '../components/ErrorSummary';
import { Layout } from '../components/Layout';
import { PageHeading } from '../components/PageHeading';
import { inMinutes } from '../format';
import { usePage } from '../PageContext';
import type { FormProblems, ReportField, ReportFormValues } from '../reportForm';
import { ContactStep } from './report/ContactStep';
import { EvidenceStep } from './report/EvidenceStep';
import { fieldMessages, filesMessage } from './report/fieldMessages';
import { ReviewStep } from './report/ReviewStep';
import { WhatHappenedStep } from './report/WhatHappenedStep';
import { WhereWhenStep } from './report/WhereWhenStep';

/** Where the error summary sends the reporter for each field: groups to their first choice. */
const FIELD_TARGETS: Partial<Record<ReportField, string>> = {
  targets: 'targets-ethnicity',
  contactChannel: 'contactChannel-email',
};

/**
 * The report: one form of five steps, in wizard order, that works as one page without
 * JavaScript. Sent as multipart, since it may carry files.
 */
export function ReportFormPage({
  form,
  values,
  idempotencyKey,
  problems,
  filesDropped = false,
}: {
  form: FormDefinition;
  values: ReportFormValues;
  idempotencyKey: string;
  problems?: FormProblems;
  filesDropped?: boolean;
}) {
  const { t, language, href } = usePage();
  const messages = fieldMessages(t, language, form.attachments);
  const invalidFields = new Set(problems?.fields);
  const refusedFile = filesMessage(t, language.code, form.attachments, problems);
  const summary: ErrorSummaryItem[] = [
    ...(problems?.retryAfterSeconds
      ? [
          {
            target: 'send',
            message: t('formErrors.rateLimited', {
              when: inMinutes(problems.retryAfterSeconds, language.code),
            }),
          },
        ]
      : []),
    ...(problems?.fields ?? []).map((field) => ({
      target: FIELD_TARGETS[field] ?? field,
      message: field === 'files' && refusedFile ? refusedFile : messages[field],
    })),
  ];
  const state = { values, messages, invalid: (field: ReportField) => invalidFields.has(field) };

  return (
    <Layout title={t('report.title')} hasErrors={summary.length > 0}>
      <PageHeading>{t('report.title')}</PageHeading>
      {summary.length > 0 && <ErrorSummary items={summary} />}
      <p className="lead">{t('report.intro')}</p>
      <form
        method="post"
        action={href('/report')}
        encType="multipart/form-data"
        className="report-form"
        data-wizard=""
        data-next={t('report.next')}
        data-back={t('report.back')}
        data-steps={t('enhance.steps')}
        data-sending={t('report.review.sending')}
        data-preparing={t('report.review.preparing')}
      >
        <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
        {form.proofOfWork && (
          <>
            <input
              type="hidden"
              name="proofOfWork.challenge"
              value={form.proofOfWork.challenge}
              data-difficulty={form.proofOfWork.difficulty}
            />
            <input type="hidden" name="proofOfWork.nonce" value="" />
          </>
        )}
        <WhatHappenedStep categories={form.categories} state={state} />
        <WhereWhenStep state={state} />
        <EvidenceStep
          attachments={form.attachments}
          state={state}
          filesDropped={filesDropped}
          filesMessage={refusedFile}
        />
        <ContactStep state={state} />
        <ReviewStep />
        {/* Left empty by people, who never see it; bots fill in every field. */}
        <div className="honeypot" aria-hidden="true">
          <label htmlFor="website">{t('report.honeypot')}</label>
          <input id="website" name="website" tabIndex={-1} autoComplete="off" defaultValue="" />
        </div>
      </form>
    </Layout>
  );
}
