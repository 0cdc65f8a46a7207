import type { FormDefinition, ReporterCaseView } from '@haven/shared';
import { Layout } from '../components/Layout';
import { PageHeading } from '../components/PageHeading';
import { Translated } from '../components/Translated';
import { usePage } from '../PageContext';
import { AddFilesForm, LeaveForm, ReplyForm } from './case/CaseForms';
import { CaseSummary } from './case/CaseSummary';
import { FileList } from './case/FileList';
import { MessageThread } from './case/MessageThread';

/** What was just done, said once after the form that did it. */
export type CaseNotice = 'message' | 'files';

/** A reporter's open case: status, dates, the message thread, and forms to write and add files. */
export function CasePage({
  view,
  csrf,
  attachments,
  notice,
}: {
  view: ReporterCaseView;
  csrf: string;
  attachments: FormDefinition['attachments'];
  notice?: CaseNotice;
}) {
  const { t } = usePage();
  const title = t('case.title', { reference: view.reference });
  return (
    <Layout title={title}>
      <PageHeading>
        {/* The reference stays on one line: its hyphens are not places to break. */}
        <Translated
          id="case.title"
          parts={{ reference: <span className="nowrap">{view.reference}</span> }}
        />
      </PageHeading>
      {notice && (
        <p className="notice notice-success" role="status">
          {notice === 'message' ? t('case.sentMessage') : t('case.sentFiles')}
        </p>
      )}
      <CaseSummary view={view} />
      <section aria-labelledby="messages-title">
        <h2 id="messages-title">{t('case.messagesTitle')}</h2>
        <MessageThread entries={view.timeline} />
        <p className="hint">{t('case.redactedNote')}</p>
        <ReplyForm csrf={csrf} />
      </section>
      <section aria-labelledby="files-title">
        <h2 id="files-title">{t('case.filesTitle')}</h2>
        <FileList attachments={view.attachments} />
        <h3>{t('case.addFilesTitle')}</h3>
        <AddFilesForm csrf={csrf} attachments={attachments} />
      </section>
      <section aria-labelledby="leave-title">
        <h2 id="leave-title">{t('case.leaveTitle')}</h2>
        <LeaveForm csrf={csrf} />
      </section>
    </Layout>
  );
}
