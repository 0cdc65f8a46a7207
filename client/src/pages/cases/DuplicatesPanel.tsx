import type { CaseDetail, DuplicateCandidate } from '@haven/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { linkCases, unlinkCases } from '../../api/cases';
import { formatDateTime } from '../../components/formatting';
import { ErrorSummary } from '../../forms/ErrorSummary';
import { useFormErrors } from '../../forms/useFormErrors';
import { StatusBadge } from './CaseBadges';
import { MergeByReference } from './MergeByReference';
import { ReasonForm } from './ReasonForm';
import type { RunChange } from './useCaseDetail';

const caseLink = (id: string) => `/cases/${encodeURIComponent(id)}`;

/**
 * Duplicates: the case this one was merged into, those merged into it (each merge can be
 * undone), and open cases that share a web address, handle, file or image with it, found by
 * blind indexes. A merge makes the newer of the two a duplicate of the older.
 */
export function DuplicatesPanel({
  detail,
  mayLink,
  runChange,
}: {
  detail: CaseDetail;
  mayLink: boolean;
  runChange: RunChange;
}) {
  const { t } = useTranslation();
  const [merging, setMerging] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors();

  async function unmerge(other: { id: string; reference: string }) {
    setBusy(true);
    errors.clearErrors();
    const outcome = await runChange(
      (current) => unlinkCases(current.id, other.id, current.version),
      (tr) => tr('cases.duplicates.unmergedDone', { reference: other.reference }),
    );
    setBusy(false);
    if (!outcome.ok) errors.setErrors(outcome.errors);
  }

  const merge = (other: DuplicateCandidate) => (reason: string | undefined) =>
    runChange(
      (current) =>
        linkCases(current.id, {
          version: current.version,
          otherCaseId: other.id,
          reason: reason ?? '',
        }),
      (tr) => tr('cases.duplicates.mergedDone', { reference: other.reference }),
    ).then((outcome) => {
      if (outcome.ok) setMerging(null);
      return outcome;
    });

  const unmergeButton = (other: { id: string; reference: string }) =>
    mayLink ? (
      <button
        type="button"
        className="button button-secondary button-small"
        disabled={busy}
        onClick={() => void unmerge(other)}
      >
        {t('cases.duplicates.unmerge', { reference: other.reference })}
      </button>
    ) : null;

  const nothing =
    !detail.duplicateOf &&
    detail.duplicates.length === 0 &&
    detail.suggestedDuplicates.length === 0;

  return (
    <section className="panel" aria-labelledby="duplicates-title">
      <h2 id="duplicates-title">{t('cases.duplicates.title')}</h2>
      <ErrorSummary errors={errors.errors} />
      {nothing ? <p className="field-hint">{t('cases.duplicates.none')}</p> : null}
      {detail.duplicateOf ? (
        <div className="linked-case">
          <p>
            {t('cases.duplicates.duplicateOf')}{' '}
            <Link to={caseLink(detail.duplicateOf.id)} dir="ltr">
              {detail.duplicateOf.reference}
            </Link>
          </p>
          {unmergeButton(detail.duplicateOf)}
        </div>
      ) : null}
      {detail.duplicates.length > 0 ? (
        <>
          <h3>{t('cases.duplicates.mergedHere')}</h3>
          <ul className="plain-list linked-list">
            {detail.duplicates.map((other) => (
              <li key={other.id} className="linked-case">
                <Link to={caseLink(other.id)} dir="ltr">
                  {other.reference}
                </Link>{' '}
                <StatusBadge status={other.status} />
                {unmergeButton(other)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {detail.suggestedDuplicates.length > 0 ? (
        <>
          <h3>{t('cases.duplicates.suggested')}</h3>
          <p className="field-hint">{t('cases.duplicates.suggestedHint')}</p>
          <ul className="plain-list linked-list">
            {detail.suggestedDuplicates.map((candidate) => (
              <Suggestion
                key={candidate.id}
                candidate={candidate}
                mayLink={mayLink}
                merging={merging === candidate.id}
                onMerge={() => setMerging(candidate.id)}
                onCancel={() => setMerging(null)}
                onSubmit={merge(candidate)}
              />
            ))}
          </ul>
        </>
      ) : null}
      {mayLink && !detail.duplicateOf && detail.status !== 'duplicate' ? (
        <MergeByReference detail={detail}>
          {(found) => (
            <Suggestion
              key={found.id}
              candidate={found}
              mayLink
              merging={merging === `reference:${found.id}`}
              onMerge={() => setMerging(`reference:${found.id}`)}
              onCancel={() => setMerging(null)}
              onSubmit={merge(found)}
            />
          )}
        </MergeByReference>
      ) : null}
    </section>
  );
}

function Suggestion({
  candidate,
  mayLink,
  merging,
  onMerge,
  onCancel,
  onSubmit,
}: {
  candidate: DuplicateCandidate;
  mayLink: boolean;
  merging: boolean;
  onMerge(): void;
  onCancel(): void;
  onSubmit: Parameters<typeof ReasonForm>[0]['onSubmit'];
}) {
  const { t, i18n } = useTranslation();
  const shared = new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(
    candidate.shared.map((signal) => t(`cases.duplicates.signals.${signal}`)),
  );
  return (
    <li className="linked-case">
      <p>
        <Link to={caseLink(candidate.id)} dir="ltr">
          {candidate.reference}
        </Link>{' '}
        <StatusBadge status={candidate.status} />
      </p>
      <p className="cell-sub">
        {t('cases.duplicates.received', {
          date: formatDateTime(candidate.receivedAt, i18n.language),
        })}
      </p>
      {candidate.shared.length > 0 ? <p>{t('cases.duplicates.shares', { list: shared })}</p> : null}
      {mayLink ? (
        merging ? (
          <ReasonForm
            id={`merge-${candidate.id}-reason`}
            label={t('cases.duplicates.mergeReason')}
            hint={t('cases.duplicates.mergeHint')}
            submitLabel={t('cases.duplicates.mergeSubmit', { reference: candidate.reference })}
            required
            onSubmit={onSubmit}
            onCancel={onCancel}
          />
        ) : (
          <button type="button" className="button button-secondary button-small" onClick={onMerge}>
            {t('cases.duplicates.merge', { reference: candidate.reference })}
          </button>
        )
      ) : null}
    </li>
  );
}
