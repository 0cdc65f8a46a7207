import { randomUUID } from 'node:crypto';
import express from 'express';
import request from 'supertest';
import { can, ROLES, type Role } from '@haven/shared';
import type { AccessRule } from '../../server/src/http/access';
import { publicAccess } from '../../server/src/http/access';
import { startTestApp, type TestApp } from '../support/app';
import { aReport } from '../support/factories';
import { listRoutes, samplePath, type RouteEntry } from '../support/routes';
import { aSessionFor, aStaffMember, type StaffMember } from '../support/staff';

/** Who calls: nobody, a reporter, a staff member of one role, a disabled staff member. */
type Caller =
  { kind: 'none' } | { kind: 'reporter' } | { kind: 'staff'; role: Role } | { kind: 'disabled' };

const CALLERS: Caller[] = [
  { kind: 'none' },
  { kind: 'reporter' },
  ...ROLES.map((role): Caller => ({ kind: 'staff', role })),
  { kind: 'disabled' },
];

const describeCaller = (caller: Caller) =>
  caller.kind === 'staff'
    ? caller.role
    : caller.kind === 'disabled'
      ? 'disabled admin'
      : caller.kind;

/** What the matrix says a caller gets: through (neither 401 nor 403), 401, 403. */
function expectedFor(rule: AccessRule, caller: Caller): 'through' | 401 | 403 | 'any' {
  switch (rule.kind) {
    case 'public':
      // A route that checks a credential of its own answers alike whoever calls (checked below).
      return rule.credential ? 'any' : 'through';
    case 'reporter':
      return caller.kind === 'reporter' ? 'through' : 401;
    case 'staff':
      return caller.kind === 'staff' ? 'through' : 401;
    case 'permission':
      if (caller.kind !== 'staff') return 401;
      return can([caller.role], rule.permission) ? 'through' : 403;
  }
}

describe('the access matrix, tried on every route of the app', () => {
  let testApp: TestApp;
  let routes: RouteEntry[];
  let members: Record<Role, StaffMember>;
  let disabled: StaffMember;
  let reporterToken: string;

  beforeAll(async () => {
    testApp = await startTestApp();
    routes = listRoutes(testApp.app);
    members = Object.fromEntries(
      await Promise.all(
        ROLES.map(async (role) => [role, await aStaffMember(testApp, { roles: [role] })] as const),
      ),
    ) as Record<Role, StaffMember>;
    disabled = await aStaffMember(testApp, { roles: [...ROLES], disabled: true });
    const filed = await request(testApp.app).post('/api/v1/public/reports').send(aReport());
    const session = await request(testApp.app)
      .post('/api/v1/public/session')
      .send({ receipt: filed.body.receipt });
    reporterToken = session.body.token;
  });
  afterAll(() => testApp.close());

  async function tokenOf(caller: Caller): Promise<string | undefined> {
    switch (caller.kind) {
      case 'none':
        return undefined;
      case 'reporter':
        return reporterToken;
      case 'disabled':
        return disabled.accessToken;
      case 'staff':
        // A fresh session for every request: a logout route must not end the next one's.
        return (await aSessionFor(testApp, members[caller.role])).accessToken;
    }
  }

  async function call(entry: RouteEntry, caller: Caller): Promise<number> {
    const path = samplePath(entry, randomUUID())!;
    const method = entry.method as 'get' | 'post' | 'put' | 'patch' | 'delete';
    let pending = request(testApp.app)[method](path).set('Accept', 'application/json');
    const token = await tokenOf(caller);
    if (token) pending = pending.set('Authorization', `Bearer ${token}`);
    if (['post', 'put', 'patch'].includes(method)) pending = pending.send({});
    return (await pending).status;
  }

  it('when the routes are read from the router, then there are the API, auth, admin and public ones, each with a declared rule', () => {
    const undeclared = routes.filter((entry) => !entry.rule || entry.problem);
    expect(
      undeclared.map((entry) => `${entry.method} ${entry.path} ${entry.problem ?? ''}`),
    ).toEqual([]);
    const paths = routes.map((entry) => `${entry.method.toUpperCase()} ${entry.path}`);
    expect(paths).toEqual(
      expect.arrayContaining([
        'GET /healthz',
        'POST /api/v1/public/reports',
        'GET /api/v1/public/case',
        'POST /api/v1/auth/login',
        'POST /api/v1/auth/refresh',
        'GET /api/v1/auth/me',
        'POST /api/v1/setup',
        'PATCH /api/v1/admin/users/:id',
        'PUT /api/v1/admin/settings',
      ]),
    );
    for (const entry of routes) {
      expect([entry.path, samplePath(entry, 'x')]).toEqual([entry.path, expect.any(String)]);
    }
  });

  it('when every route is called by each role, a reporter, nobody and a disabled user, then each gets what the matrix says, and never a 5xx', async () => {
    const mismatches: string[] = [];
    for (const entry of routes) {
      const statuses = new Map<Caller, number>();
      for (const caller of CALLERS) statuses.set(caller, await call(entry, caller));
      for (const caller of CALLERS) {
        const status = statuses.get(caller)!;
        const expected = expectedFor(entry.rule!, caller);
        const refused = status === 401 || status === 403;
        const ok =
          status < 500 &&
          (expected === 'through'
            ? !refused
            : expected === 'any'
              ? status === statuses.get(CALLERS[0]!)
              : status === expected);
        if (!ok) {
          mismatches.push(
            `${entry.method.toUpperCase()} ${entry.path} as ${describeCaller(caller)}: ${status}, expected ${expected === 'any' ? 'the same for everyone' : expected}`,
          );
        }
      }
    }
    expect(mismatches).toEqual([]);
  });
});

describe('reading the rules from a router', () => {
  it('when a route has no guard, then it is listed without a rule (and so fails the matrix)', () => {
    const app = express();
    const router = express.Router();
    router.get('/guarded', publicAccess(), (_req, res) => {
      res.end();
    });
    router.get('/forgotten', (_req, res) => {
      res.end();
    });
    app.use('/api', router);

    const listed = listRoutes(app);

    expect(listed.map((entry) => [entry.path, entry.rule])).toEqual([
      ['/api/guarded', { kind: 'public' }],
      ['/api/forgotten', undefined],
    ]);
  });

  it('when a router-level guard precedes routes, then it covers those after it only', () => {
    const app = express();
    app.get('/before', (_req, res) => {
      res.end();
    });
    app.use(publicAccess());
    app.get('/after', (_req, res) => {
      res.end();
    });

    expect(listRoutes(app).map((entry) => [entry.path, entry.rule?.kind])).toEqual([
      ['/before', undefined],
      ['/after', 'public'],
    ]);
  });
});
