import { randomBytes } from 'node:crypto';
import type { Role } from '@haven/shared';
import request from 'supertest';
import { totpCode, totpStep } from '../../server/src/modules/identity/totp';
import type { UserRecord } from '../../server/src/storage/types';
import type { TestApp } from './app';

/** A password the policy accepts (long, not on the common list, no username in it). */
export const A_GOOD_PASSWORD = 'lantern orchard 7 quietly';

export interface StaffMember {
  user: UserRecord;
  username: string;
  password: string;
  /** The TOTP secret (base32), enrolled. */
  totpSecret: string;
  recoveryCodes: string[];
  /** A signed-in session, opened through the service (no HTTP, no second-factor step). */
  accessToken: string;
  refreshToken: string;
  sessionId: string;
}

/**
 * A staff member with the given roles, enrolled in TOTP and signed in, made through the
 * services (as `haven users create` does) rather than through HTTP: quick, for tests about
 * something else. `disabled` disables the account after its session was opened.
 */
export async function aStaffMember(
  testApp: TestApp,
  options: {
    roles: Role[];
    disabled?: boolean;
    password?: string;
    username?: string;
    displayName?: string;
  },
): Promise<StaffMember> {
  const username = options.username ?? `staff-${randomBytes(5).toString('hex')}`;
  const password = options.password ?? A_GOOD_PASSWORD;
  const { user, totp } = await testApp.services.identity.createUser(
    {
      username,
      displayName: options.displayName ?? 'Test Staff',
      roles: options.roles,
      password,
      mustChangePassword: false,
      enrolTotp: true,
    },
    { actorId: null, via: 'cli' },
  );
  const session = await testApp.services.sessions.start(user, 'test');
  if (options.disabled) {
    await testApp.services.userAdmin.update({ id: null, via: 'cli' }, user.id, {
      version: user.version,
      disabled: true,
    });
  }
  return {
    user: (await testApp.storage.users.get(user.id))!,
    username,
    password,
    totpSecret: totp!.secret,
    recoveryCodes: totp!.recoveryCodes,
    accessToken: session.accessToken,
    refreshToken: session.refreshToken,
    sessionId: session.sessionId,
  };
}

/** A fresh session for a member made by `aStaffMember` (through the service). */
export async function aSessionFor(
  testApp: TestApp,
  member: StaffMember,
): Promise<{ accessToken: string; refreshToken: string }> {
  const user = (await testApp.storage.users.get(member.user.id))!;
  return testApp.services.sessions.start(user, 'test');
}

/** The authenticator's code a given number of 30-second steps from now (0: the current one). */
export function codeFor(secret: string, stepsFromNow = 0): string {
  return totpCode(secret, new Date((totpStep(new Date()) + stepsFromNow) * 30_000 + 15_000));
}

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

/** The refresh cookie a response set, as a `Cookie` header value, or undefined. */
export function refreshCookieOf(response: request.Response): string | undefined {
  const cookies = ([] as string[]).concat(response.headers['set-cookie'] ?? []);
  const cookie = cookies.find((line) => /^(__Host-)?haven_refresh=[^;]/.test(line));
  return cookie?.split(';')[0];
}

/** Signs in through the API, both steps, and answers the tokens and the refresh cookie. */
export async function signInThroughApi(
  testApp: TestApp,
  member: { username: string; password: string; totpSecret: string },
  code = codeFor(member.totpSecret),
): Promise<{ accessToken: string; cookie: string }> {
  const login = await request(testApp.app)
    .post('/api/v1/auth/login')
    .send({ username: member.username, password: member.password });
  if (login.status !== 200) throw new Error(`login answered ${login.status}`);
  const mfa = await request(testApp.app)
    .post('/api/v1/auth/mfa')
    .send({ challenge: login.body.challenge, code });
  if (mfa.status !== 200) throw new Error(`mfa answered ${mfa.status}: ${mfa.text}`);
  return { accessToken: mfa.body.accessToken, cookie: refreshCookieOf(mfa)! };
}
