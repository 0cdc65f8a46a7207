import type { CaseDetail, DuplicateCandidate } from '@haven/shared';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { listCases } from '../../api/cases';
import { TextField } from '../../forms/fields';

const REFERENCE = /^HV-[0-9A-Z]{4}-[0-9A-Z]{2}$/i;

/**
 * Finds a case by the reference an officer knows (from a colleague, a reporter's message), for
 * a merge the blind indexes did not suggest. What it finds is offered like a suggestion.
 */
export function MergeByReference({
  detail,
  children,
}: {
  detail: CaseDetail;
  /** Renders the case found, with its merge action. */
  children: (found: DuplicateCandidate) => ReactNode;
}) {
  const { t } = useTranslation();
  const [reference, setReference] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [found, setFound] = useState<DuplicateCandidate | null>(null);
  const [busy, setBusy] = useState(false);

  async function find(event: FormEvent) {
    event.preventDefault();
    const wanted = reference.trim();
    setFound(null);
    if (!REFERENCE.test(wanted)) return setError(t('cases.duplicates.referenceInvalid'));
    setBusy(true);
    try {
      const [match] = (await listCases(new URLSearchParams({ q: wanted, limit: '1' }))).items;
      if (!match) setError(t('cases.duplicates.referenceUnknown'));
      else if (match.id === detail.id) setError(t('cases.duplicates.referenceSelf'));
      else {
        setError(undefined);
        setFound({ ...match, shared: [] });
      }
    } catch {
      setError(t('cases.duplicates.referenceFailed'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <h3>{t('cases.duplicates.byReference')}</h3>
      <form className="inline-form" onSubmit={(event) => void find(event)} noValidate>
        <TextField
          id="merge-reference"
          label={t('cases.duplicates.referenceLabel')}
          hint={t('cases.duplicates.referenceHint')}
          value={reference}
          error={error}
          onChange={(event) => setReference(event.target.value)}
          autoComplete="off"
          spellCheck={false}
          dir="ltr"
        />
        <button type="submit" className="button button-secondary button-small" disabled={busy}>
          {t('cases.duplicates.find')}
        </button>
      </form>
      {found ? <ul className="plain-list linked-list">{children(found)}</ul> : null}
    </>
  );
}
