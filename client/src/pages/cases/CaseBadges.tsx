import type { CaseStatus, Severity, TlpLabel } from '@haven/shared';
import { useTranslation } from 'react-i18next';
import { severityName, statusName, tlpName } from './caseLabels';

/** The small labels a case carries in the queue and on its page; colour is never the only cue. */

/** TLP 2.0's own colours: the label's colour on black. */
export function TlpBadge({ tlp }: { tlp: TlpLabel }) {
  return (
    <span className={`badge tlp tlp-${tlp.toLowerCase().replace('+', '-')}`} dir="ltr">
      {tlpName(tlp)}
    </span>
  );
}

/** `labelled` says what the word is about ("Severity: high"), where no column heading does. */
export function SeverityBadge({
  severity,
  labelled = false,
}: {
  severity: Severity | null;
  labelled?: boolean;
}) {
  const { t } = useTranslation();
  const name = severityName(t, severity);
  return (
    <span className={`badge severity severity-${severity ?? 'none'}`}>
      {labelled ? t('cases.severityLabelled', { severity: name }) : name}
    </span>
  );
}

export function StatusBadge({ status }: { status: CaseStatus }) {
  const { t } = useTranslation();
  return <span className={`badge status status-${status}`}>{statusName(t, status)}</span>;
}
