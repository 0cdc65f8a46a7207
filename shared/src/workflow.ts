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
