import { CLOSED_STATUSES, type CaseStatus } from '@haven/shared';
import type { CasePatch, CaseRecord } from '../../storage';

/**
 * The milestones statistics measure, for a case moving to `to` at `at`: when it first left
 * `new` (days to triage) and first reached a finished state (days to resolution). Only the first
 * time counts; a case reopened or unmerged keeps its milestones.
 */
export function milestonesOf(
  record: Pick<CaseRecord, 'triagedAt' | 'resolvedAt'>,
  to: string,
  at: Date,
): Pick<CasePatch, 'triagedAt' | 'resolvedAt'> {
  const milestones: Pick<CasePatch, 'triagedAt' | 'resolvedAt'> = {};
  if (record.triagedAt === null && to !== 'new') milestones.triagedAt = at;
  if (record.resolvedAt === null && CLOSED_STATUSES.includes(to as CaseStatus)) {
    milestones.resolvedAt = at;
  }
  return milestones;
}
