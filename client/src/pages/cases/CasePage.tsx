import { can, TRANSITIONS } from '@haven/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { PageHeading } from '../../app/PageHeading';
import { useMe } from '../../auth/authContext';
import { requestErrors } from '../../forms/formErrors';
import { AssignPanel } from './AssignPanel';
import { CaseAttachments } from './CaseAttachments';
import { CaseHeader } from './CaseHeader';
import { CaseReport } from './CaseReport';
import { CaseTextForm } from './CaseTextForm';
import { CaseTimeline } from './CaseTimeline';
import { ClassifyForm } from './ClassifyForm';
import { DuplicatesPanel } from './DuplicatesPanel';
import { EscalationRequestPanel } from './EscalationRequestPanel';
import { readQueueSearch } from './queueLink';
import { RevealDialog, type RevealTarget } from './RevealDialog';
import { TransitionPanel } from './TransitionPanel';
import { useCaseDetail } from './useCaseDetail';
import { useFormDefinition } from './useFormDefinition';
import { useNow } from './useNow';

/** The statuses from which a supervisor could escalate: where an officer may ask for it. */
const ESCALATABLE = TRANSITIONS.find((rule) => rule.to === 'escalated')?.from ?? [];

/**
 * One case: where it stands, what the reporter sent (redacted), what happened to it, and what
 * the reader's roles let them do with it.
 */
export function CasePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const location = useLocation();
  const me = useMe();
  const form = useFormDefinition();
  const now = useNow();
  const { detail, loadError, reload, runChange, announcement, dismissAnnouncement } =
    useCaseDetail(id);
  const [revealing, setRevealing] = useState<RevealTarget | null>(null);
  const queueSearch = readQueueSearch(location.state);

  const back = (
    <p className="back-link">
      <Link to={{ pathname: '/cases', search: queueSearch }}>{t('cases.case.backToQueue')}</Link>
    </p>
  );

  if (!detail) {
    return (
      <div className="cases-page">
        {back}
        <PageHeading>{t('cases.case.loadingTitle')}</PageHeading>
        {loadError ? (
          <p className="notice notice-error" role="alert">
            {
              requestErrors(t, loadError, (status) =>
                status === 404 ? t('cases.case.notFound') : undefined,
              )[0]?.message
            }
          </p>
        ) : (
          <p role="status">{t('cases.case.loading')}</p>
        )}
      </div>
    );
  }

  const ownsCase = detail.assignee?.id === me.id;
  const mayReveal = can(me.roles, 'case.reveal');
  const mayAskEscalation =
    can(me.roles, 'case.escalation.request') &&
    !can(me.roles, 'case.escalate') &&
    ESCALATABLE.includes(detail.status);

  return (
    <div className="cases-page case-page">
      {back}
      <PageHeading>{t('cases.case.title', { reference: detail.reference })}</PageHeading>
      <CaseHeader detail={detail} form={form} now={now} />
      <div className="case-layout">
        <div className="case-main">
          <CaseReport
            detail={detail}
            onReveal={mayReveal ? (field) => setRevealing({ field }) : undefined}
          />
          <CaseAttachments
            detail={detail}
            onRevealOriginal={
              mayReveal
                ? (attachmentId, name) => setRevealing({ field: 'attachment', attachmentId, name })
                : undefined
            }
          />
          <CaseTimeline detail={detail} />
          {can(me.roles, 'case.message') ? (
            <CaseTextForm kind="message" runChange={runChange} />
          ) : null}
          {can(me.roles, 'case.note') ? <CaseTextForm kind="note" runChange={runChange} /> : null}
        </div>
        <div className="case-side">
          <TransitionPanel
            detail={detail}
            roles={me.roles}
            ownsCase={ownsCase}
            runChange={runChange}
          />
          <AssignPanel detail={detail} me={me} runChange={runChange} />
          {mayAskEscalation ? (
            <EscalationRequestPanel detail={detail} runChange={runChange} />
          ) : null}
          {can(me.roles, 'case.classify') ? (
            <ClassifyForm detail={detail} form={form} runChange={runChange} />
          ) : null}
          <DuplicatesPanel
            detail={detail}
            mayLink={can(me.roles, 'case.link')}
            runChange={runChange}
          />
        </div>
      </div>
      <div className="case-announcement">
        <div
          className={
            announcement
              ? `notice ${announcement.tone === 'success' ? 'notice-success' : 'notice-warning'}`
              : undefined
          }
        >
          {/* Always in the page, so what is put in it is read out. */}
          <p role="status">
            {announcement ? <span key={announcement.serial}>{announcement.text(t)}</span> : null}
          </p>
          {announcement ? (
            <button
              type="button"
              className="button button-secondary button-small"
              onClick={dismissAnnouncement}
            >
              {t('cases.case.dismiss')}
            </button>
          ) : null}
        </div>
      </div>
      {revealing ? (
        <RevealDialog
          caseId={detail.id}
          target={revealing}
          onRevealed={() => void reload()}
          onClose={() => setRevealing(null)}
        />
      ) : null}
    </div>
  );
}
