import type { CasePatch, UserPatch } from './types';

/**
 * The fields an update may change, per record type. Typed as records so that adding a field to
 * `CasePatch` or `UserPatch` fails to compile until it is listed here.
 */
const CASE_FIELDS: Record<keyof CasePatch, true> = {
  status: true,
  category: true,
  country: true,
  severity: true,
  assigneeId: true,
  tlp: true,
  tags: true,
  blindIndexes: true,
  slaDueAt: true,
  unreadFromReporter: true,
  triagedAt: true,
  resolvedAt: true,
  body: true,
};
const USER_FIELDS: Record<keyof UserPatch, true> = {
  displayName: true,
  roles: true,
  disabled: true,
  body: true,
};

/** The changes a case patch asks for: its known fields that are not `undefined`. */
export function caseChanges(patch: CasePatch): CasePatch {
  return pick(patch, CASE_FIELDS);
}

/** The changes a user patch asks for: its known fields that are not `undefined`. */
export function userChanges(patch: UserPatch): UserPatch {
  return pick(patch, USER_FIELDS);
}

function pick<P extends object>(patch: P, fields: Record<keyof P, true>): P {
  const changes: Partial<P> = {};
  for (const field of Object.keys(fields) as (keyof P)[]) {
    if (patch[field] !== undefined) changes[field] = patch[field];
  }
  return changes as P;
}
