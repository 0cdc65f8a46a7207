import argon2 from 'argon2';
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import jwt from 'jsonwebtoken';
import request from 'supertest';
import { startTestApp, type TestApp } from '../../../../test/support/app';
import { aReport } from '../../../../test/support/factories';
import {
  aSessionFor,
  aStaffMember,
  bearer,
  codeFor,
  refreshCookieOf,
  signInThroughApi,
  type StaffMember,
} from '../../../../test/support/staff';
import { FAILURE_WINDOW_MS, MAX_FAILURES_PER_WINDOW } from './loginThrottle';
import { ACCESS_TOKEN } from './tokens';

let testApp: TestApp;
beforeEach(async () => {
  testApp = await startTestApp();
});
afterEach(() => testApp.close());

const api = () => request(testApp.app);
const ORIGIN = { Origin: 'http://localhost:8080' };
const me = (token: string) => api().get('/api/v1/auth/me').set(bearer(token));
const adminUsers = (token: string) => api().get('/api/v1/admin/users').set(bearer(token));

/** A token as Haven signs them, with whatever the test changes. */
function forge(
  member: StaffMember,
  options: {
    key?: jwt.Secret;
    algorithm?: jwt.Algorithm;
    payload?: Record<string, unknown>;
    issuer?: string;
    audience?: string;
    expiresIn?: number;
    jwtid?: string | null;
  } = {},
): string {
  const now = Math.floor(Date.now() / 1000);
  return jwt.sign(
    { sid: member.sessionId, sv: 1, iat: now, ...options.payload },
    options.key ?? testApp.services.secrets.accessToken,
    {
      algorithm: options.algorithm ?? 'HS256',
      issuer: options.issuer ?? ACCESS_TOKEN.issuer,
      audience: options.audience ?? ACCESS_TOKEN.audience,
      subject: member.user.id,
      expiresIn: options.expiresIn ?? 900,
      ...(options.jwtid === null ? {} : { jwtid: options.jwtid ?? randomUUID() }),
    },
  );
}

describe('forged and altered access tokens', () => {
  let admin: StaffMember;
  beforeEach(async () => {
    admin = await aStaffMember(testApp, { roles: ['admin'] });
  });

  it('when a token forged like Haven signs it is sent, then it works (the baseline the attacks below change)', async () => {
    expect((await adminUsers(forge(admin))).status).toBe(200);
  });

  it('when a token says alg none, then 401', async () => {
    const [header, payload] = forge(admin).split('.');
    const unsigned = [
      Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url'),
      payload,
      '',
    ].join('.');
    expect(JSON.parse(Buffer.from(header!, 'base64url').toString()).alg).toBe('HS256');
    expect((await adminUsers(unsigned)).status).toBe(401);
    expect((await adminUsers(unsigned.slice(0, -1))).status).toBe(401);
  });

  it('when a token is signed RS256, or HS256 with a public key as the secret, then 401 (no algorithm confusion)', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const rs256 = forge(admin, { key: privateKey, algorithm: 'RS256' });
    const publicPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const hsWithPublicKey = forge(admin, { key: publicPem });

    expect((await adminUsers(rs256)).status).toBe(401);
    expect((await adminUsers(hsWithPublicKey)).status).toBe(401);
  });

  it('when a token uses another HMAC algorithm with the right secret, then 401 (the algorithm is pinned)', async () => {
    expect((await adminUsers(forge(admin, { algorithm: 'HS512' }))).status).toBe(401);
    expect((await adminUsers(forge(admin, { algorithm: 'HS384' }))).status).toBe(401);
  });

  it('when a token has expired, then 401', async () => {
    const expired = forge(admin, {
      payload: { iat: Math.floor(Date.now() / 1000) - 1_000 },
      expiresIn: 900,
    });
    expect((await adminUsers(expired)).status).toBe(401);
  });

  it('when a token claims a longer life than 15 minutes, then 401', async () => {
    const long = forge(admin, {
      payload: { iat: Math.floor(Date.now() / 1000) - 20 * 60 },
      expiresIn: 3_600,
    });
    expect((await adminUsers(long)).status).toBe(401);
  });

  it('when a token names another audience or issuer, then 401', async () => {
    expect((await adminUsers(forge(admin, { audience: 'haven:reporter' }))).status).toBe(401);
    expect((await adminUsers(forge(admin, { audience: 'haven:staff-challenge' }))).status).toBe(
      401,
    );
    expect((await adminUsers(forge(admin, { issuer: 'someone-else' }))).status).toBe(401);
  });

  it('when a token has no jti, then 401', async () => {
    expect((await adminUsers(forge(admin, { jwtid: null }))).status).toBe(401);
  });

  it('when a payload is altered after signing, then 401', async () => {
    const officer = await aStaffMember(testApp, { roles: ['officer'] });
    const [header, , signature] = officer.accessToken.split('.');
    const claims = JSON.parse(
      Buffer.from(officer.accessToken.split('.')[1]!, 'base64url').toString(),
    );
    const tampered = [
      header,
      Buffer.from(JSON.stringify({ ...claims, sub: admin.user.id, sid: admin.sessionId })).toString(
        'base64url',
      ),
      signature,
    ].join('.');
    expect((await adminUsers(officer.accessToken)).status).toBe(403);
    expect((await adminUsers(tampered)).status).toBe(401);
  });

  it('when a reporter token is used on a staff route, or a staff token on a reporter route, then 401', async () => {
    const filed = await api().post('/api/v1/public/reports').send(aReport());
    const session = await api()
      .post('/api/v1/public/session')
      .send({ receipt: filed.body.receipt });
    const reporterToken = session.body.token as string;

    expect((await me(reporterToken)).status).toBe(401);
    expect((await adminUsers(reporterToken)).status).toBe(401);
    expect((await api().get('/api/v1/public/case').set(bearer(admin.accessToken))).status).toBe(
      401,
    );
    // Re-signed with the staff secret, a reporter's claims are still no staff token.
    const claims = jwt.decode(reporterToken) as jwt.JwtPayload;
    const resigned = jwt.sign(claims, testApp.services.secrets.accessToken, { algorithm: 'HS256' });
    expect((await me(resigned)).status).toBe(401);
  });

  it('when a second-factor challenge is used as an access token, then 401', async () => {
    const login = await api()
      .post('/api/v1/auth/login')
      .send({ username: admin.username, password: admin.password });
    expect((await me(login.body.challenge)).status).toBe(401);
  });

  it('when an access token is used as a second-factor challenge, then 401', async () => {
    const response = await api()
      .post('/api/v1/auth/mfa')
      .send({ challenge: admin.accessToken, code: codeFor(admin.totpSecret) });
    expect(response.status).toBe(401);
  });
});

describe('refresh-token reuse', () => {
  it('when a refresh token is used a second time, then the whole family ends: the newer token and its access token too', async () => {
    const member = await aStaffMember(testApp, { roles: ['officer'] });
    const { cookie: first, accessToken } = await signInThroughApi(testApp, member);
    const rotated = await api().post('/api/v1/auth/refresh').set('Cookie', first).set(ORIGIN);
    expect(rotated.status).toBe(200);
    const second = refreshCookieOf(rotated)!;

    const replay = await api().post('/api/v1/auth/refresh').set('Cookie', first).set(ORIGIN);

    expect(replay.status).toBe(401);
    expect(
      (await api().post('/api/v1/auth/refresh').set('Cookie', second).set(ORIGIN)).status,
    ).toBe(401);
    expect((await me(rotated.body.accessToken)).status).toBe(401);
    expect((await me(accessToken)).status).toBe(401);
    const actions = (await testApp.storage.audit.list({ limit: 100 })).map((e) => e.action);
    expect(actions).toContain('auth.refresh_token_reused');
  });

  it('when one session is ended for reuse, then the same user’s other sessions go on', async () => {
    const member = await aStaffMember(testApp, { roles: ['officer'] });
    const stolen = await signInThroughApi(testApp, member);
    await api().post('/api/v1/auth/refresh').set('Cookie', stolen.cookie).set(ORIGIN);
    await api().post('/api/v1/auth/refresh').set('Cookie', stolen.cookie).set(ORIGIN);

    expect((await me(member.accessToken)).status).toBe(200);
  });
});

describe('cross-site request forgery on the cookie endpoints', () => {
  it('when a refresh comes from a foreign origin, or without one, then 403 and the token is not rotated', async () => {
    const member = await aStaffMember(testApp, { roles: ['officer'] });
    const { cookie } = await signInThroughApi(testApp, member);

    const foreign = await api()
      .post('/api/v1/auth/refresh')
      .set('Cookie', cookie)
      .set('Origin', 'https://evil.example');
    const missing = await api().post('/api/v1/auth/refresh').set('Cookie', cookie);
    const lookalike = await api()
      .post('/api/v1/auth/refresh')
      .set('Cookie', cookie)
      .set('Origin', 'http://localhost:8080.evil.example');

    for (const response of [foreign, missing, lookalike]) {
      expect(response.status).toBe(403);
      expect(response.body.code).toBe('origin_refused');
      expect(refreshCookieOf(response)).toBeUndefined();
    }
    // Not rotated, so not reused either: the real client carries on.
    expect(
      (await api().post('/api/v1/auth/refresh').set('Cookie', cookie).set(ORIGIN)).status,
    ).toBe(200);
  });

  it('when a logout comes from a foreign origin with the cookie, then 403 and the session goes on', async () => {
    const member = await aStaffMember(testApp, { roles: ['officer'] });
    const { cookie, accessToken } = await signInThroughApi(testApp, member);

    const forged = await api()
      .post('/api/v1/auth/logout')
      .set('Cookie', cookie)
      .set('Origin', 'https://evil.example');

    expect(forged.status).toBe(403);
    expect((await me(accessToken)).status).toBe(200);
  });
});

describe('user enumeration', () => {
  it('when the username is unknown, the password wrong, or the account disabled, then the answers are identical', async () => {
    const member = await aStaffMember(testApp, { roles: ['officer'] });
    const disabled = await aStaffMember(testApp, { roles: ['officer'], disabled: true });

    const answers = await Promise.all([
      api().post('/api/v1/auth/login').send({ username: 'nobody-here', password: member.password }),
      api()
        .post('/api/v1/auth/login')
        .send({ username: member.username, password: 'wrong but long enough' }),
      api()
        .post('/api/v1/auth/login')
        .send({ username: disabled.username, password: disabled.password }),
    ]);

    for (const answer of answers) {
      expect(answer.status).toBe(401);
      expect(answer.body).toEqual(answers[0]!.body);
      expect(answer.headers['content-length']).toBe(answers[0]!.headers['content-length']);
    }
  });

  it('when the username is unknown, then the password is still checked against an argon2id hash of the same cost', async () => {
    // Equal work is what makes both refusals take equally long; the work is checked, since
    // response times on a shared machine are too noisy to assert.
    const member = await aStaffMember(testApp, { roles: ['officer'] });
    const verify = jest.spyOn(argon2, 'verify');
    const hashesCheckedFor = async (username: string) => {
      verify.mockClear();
      const response = await api()
        .post('/api/v1/auth/login')
        .send({ username, password: 'wrong but long enough' });
      expect(response.status).toBe(401);
      // A PHC string's algorithm, version and costs, without its salt and digest.
      return verify.mock.calls.map(([hash]) => hash.split('$').slice(0, 4).join('$'));
    };

    const forKnown = await hashesCheckedFor(member.username);
    const forUnknown = await hashesCheckedFor(`nobody-${randomUUID()}`);
    verify.mockRestore();

    expect(forKnown).toEqual(['$argon2id$v=19$m=19456,p=1,t=2']);
    expect(forUnknown).toEqual(forKnown);
  });

  it('when an unknown and a known name fail repeatedly, then both are slowed down alike', async () => {
    const member = await aStaffMember(testApp, { roles: ['officer'] });
    const statuses = async (username: string) => {
      const seen: number[] = [];
      for (let attempt = 0; attempt < 7; attempt += 1) {
        const response = await api()
          .post('/api/v1/auth/login')
          .send({ username, password: 'wrong but long enough' });
        seen.push(response.status);
        if (response.status === 429)
          expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
      }
      return seen;
    };

    const known = await statuses(member.username);
    const unknown = await statuses('nobody-at-all');

    expect(known).toEqual([401, 401, 401, 401, 401, 429, 429]);
    expect(unknown).toEqual(known);
  });
});

describe('brute force', () => {
  it('when an account failed 100 times within the hour, then even the right password is refused until the hour is over', async () => {
    const member = await aStaffMember(testApp, { roles: ['officer'] });
    const { createHmac } = await import('node:crypto');
    const key = createHmac('sha256', testApp.services.secrets.loginAttempt)
      .update(member.username)
      .digest('hex');
    const start = new Date(Date.now() - 30 * 60_000);
    for (let failure = 0; failure < MAX_FAILURES_PER_WINDOW; failure += 1) {
      await testApp.storage.loginAttempts.recordFailure(
        key,
        new Date(start.getTime() + failure * 10_000),
        FAILURE_WINDOW_MS,
        { action: 'auth.password_refused', actorId: null },
      );
    }

    const response = await api()
      .post('/api/v1/auth/login')
      .send({ username: member.username, password: member.password });

    expect(response.status).toBe(429);
    const retryAfter = Number(response.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(29 * 60);
    expect(retryAfter).toBeLessThanOrEqual(30 * 60);
  });

  it('when second-factor codes are guessed, then the failures count against the account too', async () => {
    const member = await aStaffMember(testApp, { roles: ['officer'] });
    const login = await api()
      .post('/api/v1/auth/login')
      .send({ username: member.username, password: member.password });
    const statuses: number[] = [];
    for (let guess = 0; guess < 6; guess += 1) {
      const response = await api()
        .post('/api/v1/auth/mfa')
        .send({ challenge: login.body.challenge, code: String(100000 + guess) });
      statuses.push(response.status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    // The right password does not reset the count for the second factor.
    const again = await api()
      .post('/api/v1/auth/login')
      .send({ username: member.username, password: member.password });
    expect(again.status).toBe(429);
  });
});

describe('operator objects and mass assignment', () => {
  it('when a login body carries operator objects, then 400 and no challenge', async () => {
    const member = await aStaffMember(testApp, { roles: ['admin'] });
    const bodies = [
      { username: member.username, password: { $ne: null } },
      { username: { $gt: '' }, password: member.password },
      { username: member.username, password: [member.password] },
      { username: member.username, password: member.password, roles: ['admin'] },
    ];
    for (const body of bodies) {
      const response = await api().post('/api/v1/auth/login').send(body);
      expect(response.status).toBe(400);
      expect(response.body.challenge).toBeUndefined();
    }
  });

  it('when a user sends roles or credentials through PATCH /auth/me, then 400 and nothing changes', async () => {
    const officer = await aStaffMember(testApp, { roles: ['officer'] });
    for (const body of [
      { displayName: 'Me', roles: ['admin'] },
      { roles: ['admin'] },
      { displayName: 'Me', disabled: false, body: { passwordHash: 'x' } },
    ]) {
      const response = await api()
        .patch('/api/v1/auth/me')
        .set(bearer(officer.accessToken))
        .send(body);
      expect(response.status).toBe(400);
    }
    const stored = await testApp.storage.users.get(officer.user.id);
    expect(stored?.roles).toEqual(['officer']);
    expect(stored?.displayName).toBe('Test Staff');
  });

  it('when an admin sends fields beyond the allowed ones through PATCH /admin/users/:id, then 400 and nothing changes', async () => {
    const admin = await aStaffMember(testApp, { roles: ['admin'] });
    const officer = await aStaffMember(testApp, { roles: ['officer'] });
    for (const extra of [
      { passwordHash: '$argon2id$forged' },
      { body: { totp: null } },
      { username: 'renamed' },
      { id: 'other-id' },
      { roles: ['officer', 'root'] },
      { roles: { $set: ['admin'] } },
      { mfaEnrolled: false },
    ]) {
      const response = await api()
        .patch(`/api/v1/admin/users/${officer.user.id}`)
        .set(bearer(admin.accessToken))
        .send({ version: officer.user.version, ...extra });
      expect(response.status).toBe(400);
    }
    expect(await testApp.storage.users.get(officer.user.id)).toEqual(officer.user);
  });

  it('when an officer tries PATCH /admin/users on themselves, then 403 and the roles stay', async () => {
    const officer = await aStaffMember(testApp, { roles: ['officer'] });
    const response = await api()
      .patch(`/api/v1/admin/users/${officer.user.id}`)
      .set(bearer(officer.accessToken))
      .send({ version: officer.user.version, roles: ['officer', 'admin'] });
    expect(response.status).toBe(403);
    expect((await testApp.storage.users.get(officer.user.id))?.roles).toEqual(['officer']);
  });
});

describe('tokens of users whose account changed', () => {
  let admin: StaffMember;
  beforeEach(async () => {
    admin = await aStaffMember(testApp, { roles: ['admin'] });
  });

  async function patch(member: StaffMember, change: object) {
    const current = await testApp.storage.users.get(member.user.id);
    const response = await api()
      .patch(`/api/v1/admin/users/${member.user.id}`)
      .set(bearer(admin.accessToken))
      .send({ version: current!.version, ...change });
    expect(response.status).toBe(200);
  }

  it('when an admin is demoted, then their existing access and refresh tokens stop working at once', async () => {
    const other = await aStaffMember(testApp, { roles: ['admin', 'auditor'] });
    const { cookie, accessToken } = await signInThroughApi(testApp, other);
    expect((await adminUsers(accessToken)).status).toBe(200);

    await patch(other, { roles: ['auditor'] });

    expect((await adminUsers(accessToken)).status).toBe(401);
    expect((await me(other.accessToken)).status).toBe(401);
    expect(
      (await api().post('/api/v1/auth/refresh').set('Cookie', cookie).set(ORIGIN)).status,
    ).toBe(401);
    const fresh = await aSessionFor(testApp, other);
    expect((await adminUsers(fresh.accessToken)).status).toBe(403);
  });

  it('when a user is disabled, then their tokens stop working and they cannot sign in', async () => {
    const officer = await aStaffMember(testApp, { roles: ['officer'] });
    const { cookie, accessToken } = await signInThroughApi(testApp, officer);

    await patch(officer, { disabled: true });

    expect((await me(accessToken)).status).toBe(401);
    expect(
      (await api().post('/api/v1/auth/refresh').set('Cookie', cookie).set(ORIGIN)).status,
    ).toBe(401);
    const login = await api()
      .post('/api/v1/auth/login')
      .send({ username: officer.username, password: officer.password });
    expect(login.status).toBe(401);
  });

  it('when a second factor is reset or a password change forced, then every session of the user ends', async () => {
    const one = await aStaffMember(testApp, { roles: ['officer'] });
    const two = await aStaffMember(testApp, { roles: ['officer'] });

    const reset = await api()
      .post(`/api/v1/admin/users/${one.user.id}/reset-mfa`)
      .set(bearer(admin.accessToken));
    expect(reset.status).toBe(200);
    await patch(two, { forcePasswordChange: true });

    expect((await me(one.accessToken)).status).toBe(401);
    expect((await me(two.accessToken)).status).toBe(401);
    const login = await api()
      .post('/api/v1/auth/login')
      .send({ username: one.username, password: one.password });
    expect(login.body.enrolmentRequired).toBe(true);
  });

  it('when a challenge was issued before the account changed, then it no longer completes the sign-in', async () => {
    const officer = await aStaffMember(testApp, { roles: ['officer'] });
    const login = await api()
      .post('/api/v1/auth/login')
      .send({ username: officer.username, password: officer.password });

    await patch(officer, { roles: ['supervisor'] });

    const mfa = await api()
      .post('/api/v1/auth/mfa')
      .send({ challenge: login.body.challenge, code: codeFor(officer.totpSecret) });
    expect(mfa.status).toBe(401);
  });
});
