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

export function SeverityBadge({ severity }: { severity: Severity | null }) {
  const { t } = useTranslation();
  return (
    <span className={`badge severity severity-${severity ?? 'none'}`}>
      {severityName(t, severity)}
    </span>
  );
}

export function StatusBadge({ status }: { status: CaseStatus }) {
  const { t } = useTranslation();
  return <span className={`badge status status-${status}`}>{statusName(t, status)}</span>;
}
