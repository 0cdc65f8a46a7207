import { scopeOf, type Permission } from './permissions';

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

/** States in which a case is finished with: its SLA no longer runs, so it is never overdue. */
export const CLOSED_STATUSES: readonly CaseStatus[] = [
  'resolved',
  'closed',
  'rejected',
  'duplicate',
];

/** Traffic Light Protocol 2.0 labels (DESIGN §2): what may leave the system. */
export const TLP_LABELS = ['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'] as const;
export type TlpLabel = (typeof TLP_LABELS)[number];
/** The label of a case nobody has labelled yet. */
export const DEFAULT_TLP: TlpLabel = 'AMBER';

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

export interface TransitionRule {
  from: readonly CaseStatus[];
  to: CaseStatus;
  /** The permission that allows it; its scope (`own` or `any`) comes from the matrix. */
  permission: Permission;
  reasonRequired: boolean;
  /** What the console calls the action (an i18n key suffix). */
  action: string;
  /**
   * Made by linking the case to the one it repeats (`POST /cases/:id/links`), not as a plain
   * transition: a duplicate always names its surviving case.
   */
  viaLink?: true;
}

/**
 * The case workflow (DESIGN §2): the one definition the server enforces and the console draws
 * its actions from; who may make each move is the permission matrix's say. Anything not listed
 * is refused.
 */
export const TRANSITIONS: readonly TransitionRule[] = [
  {
    action: 'triage',
    from: ['new'],
    to: 'triaged',
    permission: 'case.triage',
    reasonRequired: false,
  },
  {
    action: 'reject',
    from: ['new'],
    to: 'rejected',
    permission: 'case.triage',
    reasonRequired: true,
  },
  {
    action: 'mark_duplicate',
    from: ['new'],
    to: 'duplicate',
    permission: 'case.link',
    reasonRequired: true,
    viaLink: true,
  },
  {
    action: 'investigate',
    from: ['triaged'],
    to: 'investigating',
    permission: 'case.triage',
    reasonRequired: false,
  },
  {
    action: 'escalate',
    from: ['triaged', 'investigating'],
    to: 'escalated',
    permission: 'case.escalate',
    reasonRequired: true,
  },
  {
    action: 'resolve',
    from: ['investigating', 'escalated'],
    to: 'resolved',
    permission: 'case.resolve',
    reasonRequired: false,
  },
  {
    action: 'de_escalate',
    from: ['escalated'],
    to: 'investigating',
    permission: 'case.escalate',
    reasonRequired: false,
  },
  {
    action: 'close',
    from: ['resolved'],
    to: 'closed',
    permission: 'case.close',
    reasonRequired: false,
  },
  {
    action: 'reopen',
    from: ['resolved', 'closed', 'rejected'],
    to: 'investigating',
    permission: 'case.reopen',
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
  return TRANSITIONS.filter((rule) => {
    const scope = scopeOf(roles, rule.permission);
    return rule.from.includes(status) && (scope === 'any' || (scope === 'own' && ownsCase));
  });
}

/** Case severities (DESIGN §2); each sets an SLA due time from configurable hours. */
export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Hours from receipt of a report to its SLA due time, per severity, until an administrator changes them. */
export const DEFAULT_SLA_HOURS: Record<Severity, number> = {
  low: 240,
  medium: 72,
  high: 24,
  critical: 4,
};
