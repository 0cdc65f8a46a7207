import {
  can,
  canOnCase,
  PERMISSION_MATRIX,
  PERMISSIONS,
  permissionsOf,
  ROLES,
  scopeOf,
} from './permissions';

describe('the permission matrix', () => {
  it('when a role is not listed under a permission, then it does not have it (deny by default)', () => {
    expect(can([], 'case.read')).toBe(false);
    expect(can(['visitor'], 'users.manage')).toBe(false);
    expect(can(['__proto__', 'constructor', 'toString'], 'case.read')).toBe(false);
    expect(can(['officer'], 'users.manage')).toBe(false);
  });

  it('when a user is admin or auditor only, then no case content is granted (separation of duties)', () => {
    for (const role of ['admin', 'auditor']) {
      expect(permissionsOf([role]).filter((permission) => permission.startsWith('case.'))).toEqual(
        [],
      );
    }
    expect(permissionsOf(['admin'])).toEqual(['users.manage', 'settings.manage']);
    expect(permissionsOf(['auditor'])).toEqual(['stats.read', 'stats.export', 'audit.read']);
  });

  it('when an officer resolves, then only their own cases; a supervisor any', () => {
    expect(scopeOf(['officer'], 'case.resolve')).toBe('own');
    expect(scopeOf(['officer', 'supervisor'], 'case.resolve')).toBe('any');
    const mine = { actorId: 'u1', assigneeId: 'u1' };
    const theirs = { actorId: 'u1', assigneeId: 'u2' };
    expect(canOnCase(['officer'], 'case.resolve', mine)).toBe(true);
    expect(canOnCase(['officer'], 'case.resolve', theirs)).toBe(false);
    expect(canOnCase(['officer'], 'case.resolve', { actorId: 'u1', assigneeId: null })).toBe(false);
    expect(canOnCase(['supervisor'], 'case.resolve', theirs)).toBe(true);
  });

  it('when the workflow of DESIGN §2 is read against the matrix, then only supervisors escalate, close, reopen and assign others', () => {
    for (const permission of [
      'case.escalate',
      'case.close',
      'case.reopen',
      'case.assign',
    ] as const) {
      expect(ROLES.filter((role) => can([role], permission))).toEqual(['supervisor']);
    }
    expect(can(['officer'], 'case.escalation.request')).toBe(true);
  });

  it('when a supervisor holds roles, then they have everything an officer has', () => {
    for (const permission of permissionsOf(['officer'])) {
      expect(scopeOf(['supervisor'], permission)).toBe('any');
    }
  });

  it('when the matrix is read, then every permission is granted to some role and names only known roles', () => {
    for (const permission of PERMISSIONS) {
      const roles = Object.keys(PERMISSION_MATRIX[permission]);
      expect(roles.length).toBeGreaterThan(0);
      for (const role of roles) expect(ROLES).toContain(role);
    }
  });
});
