import request from 'supertest';
import { startTestApp, type TestApp } from '../../../../test/support/app';
import {
  A_GOOD_PASSWORD,
  aStaffMember,
  bearer,
  codeFor,
  refreshCookieOf,
  signInThroughApi,
} from '../../../../test/support/staff';
import { issueSetupToken, SETUP_TOKEN_SETTING } from '../setup/setupToken';
import { SESSION_IDLE_MS, SessionService } from './SessionService';
import { AccessClaimsSchema } from './tokens';

let testApp: TestApp;
beforeEach(async () => {
  testApp = await startTestApp();
});
afterEach(() => testApp.close());

const api = () => request(testApp.app);
const ORIGIN = { Origin: 'http://localhost:8080' };

async function actions(): Promise<string[]> {
  return (await testApp.storage.audit.list({ limit: 1000 })).map((entry) => entry.action);
}

describe('setting up the first admin', () => {
  const admin = { username: 'First.Admin', displayName: 'First Admin', password: A_GOOD_PASSWORD };

  it('when the setup token is right, then the first admin is created, the token deleted, all audited', async () => {
    const token = await issueSetupToken(testApp.storage);

    const response = await api()
      .post('/api/v1/setup')
      .send({ token, ...admin });

    expect(response.status).toBe(201);
    expect(response.body).toEqual({ id: expect.any(String), username: 'first.admin' });
    const stored = await testApp.storage.users.get(response.body.id);
    expect(stored?.roles).toEqual(['admin']);
    expect(JSON.stringify(stored?.body)).toMatch(/\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
    expect(await testApp.storage.settings.get(SETUP_TOKEN_SETTING)).toBeNull();
    expect(await actions()).toEqual(
      expect.arrayContaining(['setup.token_issued', 'user.created', 'setup.completed']),
    );
  });

  it('when an admin exists, then setup is refused, even with a token issued before', async () => {
    const token = await issueSetupToken(testApp.storage);
    expect(
      (
        await api()
          .post('/api/v1/setup')
          .send({ token, ...admin })
      ).status,
    ).toBe(201);

    const again = await api()
      .post('/api/v1/setup')
      .send({ token, ...admin, username: 'second-admin' });

    expect(again.status).toBe(409);
    expect(again.body.code).toBe('setup_complete');
    expect(await testApp.storage.users.getByUsername('second-admin')).toBeNull();
  });

  it('when the token is wrong or expired, then 401 and nobody is created', async () => {
    await issueSetupToken(testApp.storage, new Date(Date.now() - 25 * 3_600_000));
    const expired = await testApp.storage.settings.get(SETUP_TOKEN_SETTING);
    const wrong = await api()
      .post('/api/v1/setup')
      .send({ token: 'not-the-token', ...admin });
    expect(wrong.status).toBe(401);
    expect(expired).not.toBeNull();
    expect(await testApp.storage.users.countWithRole('admin')).toBe(0);
  });

  it('when the password is short or common, then the policy refuses it, saying why', async () => {
    const token = await issueSetupToken(testApp.storage);
    const short = await api()
      .post('/api/v1/setup')
      .send({ token, ...admin, password: 'short' });
    expect(short.status).toBe(400);
    expect(short.body.detail).toMatch(/at least 12 characters/);

    const common = await api()
      .post('/api/v1/setup')
      .send({ token, ...admin, password: 'Password1234' });
    expect(common.status).toBe(400);
    expect(common.body.detail).toMatch(/common or breached/);
    expect(await testApp.storage.users.countWithRole('admin')).toBe(0);
  });
});

describe('signing in for the first time, with enrolment', () => {
  it('when the password is right and no authenticator is set up, then enrolment with a local QR code comes first, and a valid code activates it', async () => {
    const token = await issueSetupToken(testApp.storage);
    await api()
      .post('/api/v1/setup')
      .send({ token, username: 'admin', displayName: 'Admin', password: A_GOOD_PASSWORD });

    const login = await api()
      .post('/api/v1/auth/login')
      .send({ username: 'ADMIN', password: A_GOOD_PASSWORD });
    expect(login.status).toBe(200);
    expect(login.body).toEqual({
      challenge: expect.any(String),
      expiresAt: expect.any(String),
      enrolmentRequired: true,
      passwordChangeRequired: false,
    });
    expect(login.body.accessToken).toBeUndefined();
    expect(refreshCookieOf(login)).toBeUndefined();

    // The enrolment challenge is not a second-factor challenge.
    const skip = await api()
      .post('/api/v1/auth/mfa')
      .send({ challenge: login.body.challenge, code: '123456' });
    expect(skip.status).toBe(401);

    const enrolment = await api()
      .post('/api/v1/auth/mfa/enrol')
      .send({ challenge: login.body.challenge });
    expect(enrolment.status).toBe(200);
    expect(enrolment.body.otpauthUri).toMatch(
      /^otpauth:\/\/totp\/Haven:admin\?issuer=Haven&secret=[A-Z2-7]{32}&algorithm=SHA1&digits=6&period=30$/,
    );
    expect(enrolment.body.otpauthUri).toContain(enrolment.body.secret);
    expect(enrolment.body.qrSvg).toMatch(/^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(enrolment.body.qrDataUrl).toMatch(/^data:image\/svg\+xml;base64,/);

    const wrong = await api()
      .post('/api/v1/auth/mfa/activate')
      .send({ challenge: login.body.challenge, code: '000000' });
    expect(wrong.status).toBe(401);

    const activated = await api()
      .post('/api/v1/auth/mfa/activate')
      .send({ challenge: login.body.challenge, code: codeFor(enrolment.body.secret) });
    expect(activated.status).toBe(200);
    expect(activated.body.recoveryCodes).toHaveLength(10);
    expect(new Set(activated.body.recoveryCodes).size).toBe(10);
    expect(refreshCookieOf(activated)).toMatch(/^haven_refresh=/);

    const me = await api().get('/api/v1/auth/me').set(bearer(activated.body.accessToken));
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({
      username: 'admin',
      roles: ['admin'],
      permissions: ['users.manage', 'settings.manage'],
      passwordChangeRequired: false,
      recoveryCodesLeft: 10,
    });
    const stored = JSON.stringify((await testApp.storage.users.getByUsername('admin'))?.body);
    expect(stored).not.toContain(enrolment.body.secret);
    for (const code of activated.body.recoveryCodes) expect(stored).not.toContain(code);
  });
});

describe('signing in with a second factor', () => {
  it('when password and code are right, then an access token and a refresh cookie come back, never from the password alone', async () => {
    const member = await aStaffMember(testApp, { roles: ['officer'] });

    const login = await api()
      .post('/api/v1/auth/login')
      .send({ username: member.username, password: member.password });
    expect(login.body).toMatchObject({ enrolmentRequired: false });
    expect(Object.keys(login.body).sort()).toEqual([
      'challenge',
      'enrolmentRequired',
      'expiresAt',
      'passwordChangeRequired',
    ]);

    const mfa = await api()
      .post('/api/v1/auth/mfa')
      .send({ challenge: login.body.challenge, code: codeFor(member.totpSecret) });
    expect(mfa.status).toBe(200);
    expect(mfa.body).toEqual({
      accessToken: expect.any(String),
      tokenType: 'Bearer',
      expiresAt: expect.any(String),
      sessionExpiresAt: expect.any(String),
    });
    expect(Date.parse(mfa.body.expiresAt) - Date.now()).toBeLessThanOrEqual(15 * 60_000);
    expect(Date.parse(mfa.body.sessionExpiresAt) - Date.now()).toBeLessThanOrEqual(12 * 3_600_000);
    expect(mfa.body.accessToken).not.toContain(member.refreshToken);
    const cookie = ([] as string[]).concat(mfa.headers['set-cookie'] ?? []).join('\n');
    expect(cookie).toMatch(
      /haven_refresh=[^;]+; Max-Age=\d+; Path=\/; Expires=[^;]+; HttpOnly; SameSite=Strict/,
    );
    expect(cookie).not.toMatch(/Secure/);
    expect(await actions()).toEqual(expect.arrayContaining(['auth.login']));
  });

  it('when a code was used once, then it does not sign in again', async () => {
    const member = await aStaffMember(testApp, { roles: ['officer'] });
    const code = codeFor(member.totpSecret);
    await signInThroughApi(testApp, member, code);

    await expect(signInThroughApi(testApp, member, code)).rejects.toThrow(/mfa answered 401/);
    // The next step's code still works.
    await expect(
      signInThroughApi(testApp, member, codeFor(member.totpSecret, 1)),
    ).resolves.toBeTruthy();
  });

  it('when a recovery code is given instead, then it signs in once, and only once', async () => {
    const member = await aStaffMember(testApp, { roles: ['supervisor'] });
    const recovery = member.recoveryCodes[3]!.toLowerCase().replace('-', ' ');

    const { accessToken } = await signInThroughApi(testApp, member, recovery);
    await expect(signInThroughApi(testApp, member, recovery)).rejects.toThrow(/401/);

    const me = await api().get('/api/v1/auth/me').set(bearer(accessToken));
    expect(me.body.recoveryCodesLeft).toBe(9);
  });

  it('when asked, then a new set of recovery codes needs the password and replaces the old set', async () => {
    const member = await aStaffMember(testApp, { roles: ['officer'] });
    const { accessToken } = await signInThroughApi(testApp, member);

    const refused = await api()
      .post('/api/v1/auth/recovery-codes')
      .set(bearer(accessToken))
      .send({ password: 'not the password at all' });
    expect(refused.status).toBe(400);

    const renewed = await api()
      .post('/api/v1/auth/recovery-codes')
      .set(bearer(accessToken))
      .send({ password: member.password });
    expect(renewed.status).toBe(200);
    expect(renewed.body.recoveryCodes).toHaveLength(10);
    await expect(signInThroughApi(testApp, member, member.recoveryCodes[0])).rejects.toThrow(/401/);
    await expect(
      signInThroughApi(testApp, member, renewed.body.recoveryCodes[0]),
    ).resolves.toBeTruthy();
  });
});

describe('sessions', () => {
  it('when the refresh cookie is used, then it rotates and a new access token works', async () => {
    const member = await aStaffMember(testApp, { roles: ['auditor'] });
    const { cookie } = await signInThroughApi(testApp, member);

    const refreshed = await api().post('/api/v1/auth/refresh').set('Cookie', cookie).set(ORIGIN);

    expect(refreshed.status).toBe(200);
    const rotated = refreshCookieOf(refreshed)!;
    expect(rotated).toMatch(/^haven_refresh=/);
    expect(rotated).not.toBe(cookie);
    expect(
      (await api().get('/api/v1/auth/me').set(bearer(refreshed.body.accessToken))).status,
    ).toBe(200);
    const again = await api().post('/api/v1/auth/refresh').set('Cookie', rotated).set(ORIGIN);
    expect(again.status).toBe(200);
  });

  it('when signing out, then the session ends at once, cookie and access token alike, and the site data is cleared', async () => {
    const member = await aStaffMember(testApp, { roles: ['officer'] });
    const { accessToken, cookie } = await signInThroughApi(testApp, member);

    const logout = await api()
      .post('/api/v1/auth/logout')
      .set('Cookie', cookie)
      .set(ORIGIN)
      .set(bearer(accessToken));

    expect(logout.status).toBe(204);
    expect(logout.headers['clear-site-data']).toBe('"cookies", "storage"');
    expect(([] as string[]).concat(logout.headers['set-cookie'] ?? []).join()).toMatch(
      /haven_refresh=; .*Expires=Thu, 01 Jan 1970/,
    );
    expect((await api().get('/api/v1/auth/me').set(bearer(accessToken))).status).toBe(401);
    expect(
      (await api().post('/api/v1/auth/refresh').set('Cookie', cookie).set(ORIGIN)).status,
    ).toBe(401);
    expect(await actions()).toEqual(expect.arrayContaining(['auth.logout']));
  });

  it('when a session is idle for 30 minutes, or 12 hours old, then it ends', async () => {
    const member = await aStaffMember(testApp, { roles: ['officer'] });
    const session = await testApp.storage.sessions.get(member.sessionId);
    const claims = AccessClaimsSchema.parse(
      JSON.parse(Buffer.from(member.accessToken.split('.')[1]!, 'base64url').toString()),
    );
    const at = (ms: number) =>
      new SessionService({
        storage: testApp.storage,
        secrets: testApp.services.secrets,
        now: () => new Date(session!.createdAt.getTime() + ms),
      });

    expect(await at(SESSION_IDLE_MS + 1_000).authenticate(claims)).toBeNull();
    await expect(at(SESSION_IDLE_MS + 1_000).refresh(member.refreshToken)).rejects.toThrow(
      /session has ended/,
    );
    // Used in time, the session goes on (and the use counts from then).
    expect(await at(SESSION_IDLE_MS - 1_000).authenticate(claims)).not.toBeNull();

    // Kept busy, it still ends after 12 hours.
    let refreshToken = member.refreshToken;
    for (let minutes = 20; minutes < 12 * 60; minutes += 20) {
      refreshToken = (await at(minutes * 60_000).refresh(refreshToken)).refreshToken;
    }
    await expect(at(12 * 3_600_000 + 1).refresh(refreshToken)).rejects.toThrow(/session has ended/);
  });

  it('when the public URL is https, then the cookie is __Host- prefixed and Secure', async () => {
    await testApp.close();
    testApp = await startTestApp({ HAVEN_PUBLIC_URL: 'https://haven.example' });
    const member = await aStaffMember(testApp, { roles: ['officer'] });
    const login = await api()
      .post('/api/v1/auth/login')
      .send({ username: member.username, password: member.password });
    const mfa = await api()
      .post('/api/v1/auth/mfa')
      .send({ challenge: login.body.challenge, code: codeFor(member.totpSecret) });

    const cookie = ([] as string[]).concat(mfa.headers['set-cookie'] ?? []).join('\n');
    expect(cookie).toMatch(
      /^__Host-haven_refresh=[^;]+;.* Path=\/;.* HttpOnly; Secure; SameSite=Strict/,
    );
    expect(cookie).not.toMatch(/Domain=/);
    const refreshed = await api()
      .post('/api/v1/auth/refresh')
      .set('Cookie', refreshCookieOf(mfa)!)
      .set('Origin', 'https://haven.example');
    expect(refreshed.status).toBe(200);
  });
});

describe('the own account', () => {
  it('when the password is changed, then the old one stops working and every other session ends', async () => {
    const member = await aStaffMember(testApp, { roles: ['officer'] });
    const elsewhere = await signInThroughApi(testApp, member);
    const newPassword = 'a different river at dawn';

    const changed = await api()
      .post('/api/v1/auth/password')
      .set(bearer(member.accessToken))
      .send({ currentPassword: member.password, newPassword });

    expect(changed.status).toBe(200);
    expect((await api().get('/api/v1/auth/me').set(bearer(changed.body.accessToken))).status).toBe(
      200,
    );
    expect((await api().get('/api/v1/auth/me').set(bearer(member.accessToken))).status).toBe(401);
    expect((await api().get('/api/v1/auth/me').set(bearer(elsewhere.accessToken))).status).toBe(
      401,
    );
    expect(
      (await api().post('/api/v1/auth/refresh').set('Cookie', elsewhere.cookie).set(ORIGIN)).status,
    ).toBe(401);
    const oldLogin = await api()
      .post('/api/v1/auth/login')
      .send({ username: member.username, password: member.password });
    expect(oldLogin.status).toBe(401);
    await expect(
      signInThroughApi(
        testApp,
        { ...member, password: newPassword },
        codeFor(member.totpSecret, 1),
      ),
    ).resolves.toBeTruthy();
  });

  it('when the new password is weak or the current one wrong, then 400 says which field and why', async () => {
    const member = await aStaffMember(testApp, { roles: ['officer'] });
    const attempt = (body: object) =>
      api().post('/api/v1/auth/password').set(bearer(member.accessToken)).send(body);

    const wrong = await attempt({
      currentPassword: 'not it, not it',
      newPassword: 'fine river at dusk',
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors).toEqual([
      { path: 'currentPassword', message: 'not the right password' },
    ]);

    const short = await attempt({ currentPassword: member.password, newPassword: 'too short' });
    expect(short.body.errors[0]).toMatchObject({ path: 'newPassword' });
    expect(short.body.detail).toMatch(/at least 12 characters/);

    const common = await attempt({ currentPassword: member.password, newPassword: 'iloveyou1234' });
    expect(common.body.detail).toMatch(/common or breached/);

    const named = await attempt({
      currentPassword: member.password,
      newPassword: `${member.username}-is-me`,
    });
    expect(named.body.detail).toMatch(/username/);
  });

  it('when an administrator forced a password change, then only the password change and the own account answer until it is done', async () => {
    const admin = await aStaffMember(testApp, { roles: ['admin'] });
    const created = await api()
      .post('/api/v1/admin/users')
      .set(bearer(admin.accessToken))
      .send({ username: 'new.officer', displayName: 'New Officer', roles: ['officer', 'admin'] });
    expect(created.status).toBe(201);

    const login = await api()
      .post('/api/v1/auth/login')
      .send({ username: 'new.officer', password: created.body.temporaryPassword });
    expect(login.body).toMatchObject({ enrolmentRequired: true, passwordChangeRequired: true });
    const enrolment = await api()
      .post('/api/v1/auth/mfa/enrol')
      .send({ challenge: login.body.challenge });
    const activated = await api()
      .post('/api/v1/auth/mfa/activate')
      .send({ challenge: login.body.challenge, code: codeFor(enrolment.body.secret) });
    const token = activated.body.accessToken;

    const blocked = await api().get('/api/v1/admin/users').set(bearer(token));
    expect(blocked.status).toBe(403);
    expect(blocked.body.code).toBe('password_change_required');
    expect((await api().get('/api/v1/auth/me').set(bearer(token))).body).toMatchObject({
      passwordChangeRequired: true,
    });

    const changed = await api().post('/api/v1/auth/password').set(bearer(token)).send({
      currentPassword: created.body.temporaryPassword,
      newPassword: 'my own long phrase now',
    });
    expect(changed.status).toBe(200);
    expect(
      (await api().get('/api/v1/admin/users').set(bearer(changed.body.accessToken))).status,
    ).toBe(200);
  });

  it('when the display name is changed, then it is audited and shows in /auth/me', async () => {
    const member = await aStaffMember(testApp, { roles: ['officer'] });
    const changed = await api()
      .patch('/api/v1/auth/me')
      .set(bearer(member.accessToken))
      .send({ displayName: 'Officer Nyambura' });
    expect(changed.status).toBe(200);
    expect(changed.body.displayName).toBe('Officer Nyambura');
    const entry = (await testApp.storage.audit.list({ limit: 100 })).find(
      (item) => item.action === 'user.profile_changed',
    );
    expect(entry).toMatchObject({ actorId: member.user.id, details: { changed: ['displayName'] } });
    expect(JSON.stringify(entry)).not.toContain('Nyambura');
  });
});
