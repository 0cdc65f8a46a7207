/** Case states (DESIGN §2). The transitions between them arrive with the triage console. */
export const CASE_STATUSES = [
  'new',
  'triaged',
  'investigating',
  'escalated',
  'resolved',
  'closed',
  'rejected',
  'duplicate',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** The coarser status a reporter sees: nothing that reveals how staff are handling the case. */
export const REPORTER_STATUSES = ['received', 'under_review', 'action_taken', 'closed'] as const;
export type ReporterStatus = (typeof REPORTER_STATUSES)[number];

const REPORTER_STATUS_OF: Record<CaseStatus, ReporterStatus> = {
  new: 'received',
  triaged: 'received',
  investigating: 'under_review',
  escalated: 'under_review',
  resolved: 'action_taken',
  closed: 'closed',
  rejected: 'closed',
  duplicate: 'closed',
};

export function reporterStatusOf(status: CaseStatus): ReporterStatus {
  return REPORTER_STATUS_OF[status];
}

/**
 * Legal clocks (the EU Whistleblower Directive's defaults): an acknowledgement within 7 days and
 * a substantive answer within 3 months of the report. Configurable per category.
 */
export const DEFAULT_LEGAL_CLOCKS = { acknowledgementDays: 7, answerDays: 90 } as const;
export type LegalClocks = { acknowledgementDays: number; answerDays: number };

/** The calendar day (UTC, `YYYY-MM-DD`) `days` after `from`: due dates of the clocks. */
export function addDays(from: Date, days: number): string {
  return new Date(from.getTime() + days * 86_400_000).toISOString().slice(0, 10);
}

/** Staff roles that act on cases (DESIGN §1). */
type CaseRole = 'officer' | 'supervisor';

export interface TransitionRule {
  from: readonly CaseStatus[];
  to: CaseStatus;
  /** Roles allowed to make it. */
  by: readonly CaseRole[];
  /** Roles allowed only on cases assigned to them. */
  ownCasesOnly?: readonly CaseRole[];
  reasonRequired: boolean;
  /** What the console calls the action (an i18n key suffix). */
  action: string;
}

/**
 * The case workflow (DESIGN §2): the one definition the server enforces and the console draws
 * its actions from. Anything not listed is refused.
 */
export const TRANSITIONS: readonly TransitionRule[] = [
  {
    action: 'triage',
    from: ['new'],
    to: 'triaged',
    by: ['officer', 'supervisor'],
    reasonRequired: false,
  },
  {
    action: 'reject',
    from: ['new'],
    to: 'rejected',
    by: ['officer', 'supervisor'],
    reasonRequired: true,
  },
  {
    action: 'mark_duplicate',
    from: ['new'],
    to: 'duplicate',
    by: ['officer', 'supervisor'],
    reasonRequired: true,
  },
  {
    action: 'investigate',
    from: ['triaged'],
    to: 'investigating',
    by: ['officer', 'supervisor'],
    reasonRequired: false,
  },
  {
    action: 'escalate',
    from: ['triaged', 'investigating'],
    to: 'escalated',
    by: ['supervisor'],
    reasonRequired: true,
  },
  {
    action: 'resolve',
    from: ['investigating', 'escalated'],
    to: 'resolved',
    by: ['officer', 'supervisor'],
    ownCasesOnly: ['officer'],
    reasonRequired: false,
  },
  {
    action: 'de_escalate',
    from: ['escalated'],
    to: 'investigating',
    by: ['supervisor'],
    reasonRequired: false,
  },
  { action: 'close', from: ['resolved'], to: 'closed', by: ['supervisor'], reasonRequired: false },
  {
    action: 'reopen',
    from: ['resolved', 'closed', 'rejected'],
    to: 'investigating',
    by: ['supervisor'],
    reasonRequired: true,
  },
];

/**
 * The transitions `roles` may make from `status`; `ownsCase` says whether the case is assigned
 * to the acting user (an officer resolves only their own cases).
 */
export function allowedTransitions(
  status: CaseStatus,
  roles: readonly string[],
  ownsCase: boolean,
): TransitionRule[] {
  return TRANSITIONS.filter(
    (rule) =>
      rule.from.includes(status) &&
      rule.by.some(
        (role) => roles.includes(role) && (ownsCase || !rule.ownCasesOnly?.includes(role)),
      ),
  );
}
