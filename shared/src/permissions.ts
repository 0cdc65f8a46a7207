import { z } from 'zod';

/** Staff roles (DESIGN §1). A person may hold several. */
export const ROLES = ['officer', 'supervisor', 'auditor', 'admin'] as const;
export type Role = (typeof ROLES)[number];
export const RoleSchema = z.enum(ROLES);

/**
 * How far a grant reaches: `any` case (or, for a permission not about cases, simply granted), or
 * only the `own` cases, those assigned to the acting user.
 */
export type Scope = 'any' | 'own';

/**
 * The one permission matrix: the server's checks and what the console shows both read it, so they
 * cannot disagree. Deny by default: a role not listed under a permission does not have it. Admin
 * and auditor grant no case content (separation of duties, DESIGN §1); the case rules follow the
 * workflow table of DESIGN §2.
 */
export const PERMISSION_MATRIX = {
  /** The triage queue, case files and the scrubbed copies of attachments. */
  'case.read': { officer: 'any', supervisor: 'any' },
  /** Category, severity, TLP label. */
  'case.classify': { officer: 'any', supervisor: 'any' },
  /** new → triaged, rejected or duplicate; triaged → investigating. */
  'case.triage': { officer: 'any', supervisor: 'any' },
  /** Take an unassigned case for oneself. */
  'case.claim': { officer: 'any', supervisor: 'any' },
  /** Assign a case to someone else, or unassign it. */
  'case.assign': { supervisor: 'any' },
  /** Flag a case for a supervisor's escalation decision (a flag, not a transition). */
  'case.escalation.request': { officer: 'any', supervisor: 'any' },
  /** triaged or investigating → escalated, and back from escalated → investigating. */
  'case.escalate': { supervisor: 'any' },
  /** investigating or escalated → resolved: an officer only on cases assigned to them. */
  'case.resolve': { officer: 'own', supervisor: 'any' },
  /** resolved → closed. */
  'case.close': { supervisor: 'any' },
  /** resolved, closed or rejected → investigating, with a reason. */
  'case.reopen': { supervisor: 'any' },
  /** Mark and unmark duplicates. */
  'case.link': { officer: 'any', supervisor: 'any' },
  /** Internal notes. */
  'case.note': { officer: 'any', supervisor: 'any' },
  /** Messages to the reporter. */
  'case.message': { officer: 'any', supervisor: 'any' },
  /** The original text, the reporter's contact and original files, with a stated reason. */
  'case.reveal': { officer: 'any', supervisor: 'any' },
  /** Aggregated statistics under disclosure control. */
  'stats.read': { auditor: 'any' },
  /** Statistics exports (CSV, JSON). */
  'stats.export': { auditor: 'any' },
  /** The audit log, its verification and signed checkpoints. */
  'audit.read': { auditor: 'any' },
  /** Staff accounts: list, create, roles, disable, reset a second factor or a password. */
  'users.manage': { admin: 'any' },
  /** Categories, SLA hours, legal clocks, retention, the suppression threshold. */
  'settings.manage': { admin: 'any' },
} as const satisfies Record<string, Partial<Record<Role, Scope>>>;

export type Permission = keyof typeof PERMISSION_MATRIX;
export const PERMISSIONS = Object.keys(PERMISSION_MATRIX) as Permission[];
export const PermissionSchema = z.enum(PERMISSIONS as [Permission, ...Permission[]]);

/** The broadest scope any of `roles` holds for `permission`, or `null` when none grants it. */
export function scopeOf(roles: readonly string[], permission: Permission): Scope | null {
  const grants: Partial<Record<string, Scope>> = PERMISSION_MATRIX[permission];
  let scope: Scope | null = null;
  for (const role of roles) {
    const granted = Object.hasOwn(grants, role) ? grants[role] : undefined;
    if (granted === 'any') return 'any';
    if (granted === 'own') scope = 'own';
  }
  return scope;
}

/** Whether `roles` grant `permission` at all (on some case, for a case permission). */
export function can(roles: readonly string[], permission: Permission): boolean {
  return scopeOf(roles, permission) !== null;
}

/** Whether `roles` grant `permission` on one case, given who acts and who holds the case. */
export function canOnCase(
  roles: readonly string[],
  permission: Permission,
  target: { actorId: string; assigneeId: string | null },
): boolean {
  const scope = scopeOf(roles, permission);
  return scope === 'any' || (scope === 'own' && target.assigneeId === target.actorId);
}

/** Every permission `roles` grant, in the matrix's order: what the console may show. */
export function permissionsOf(roles: readonly string[]): Permission[] {
  return PERMISSIONS.filter((permission) => can(roles, permission));
}
