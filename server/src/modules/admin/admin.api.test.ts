import request from 'supertest';
import { DEFAULT_CATEGORIES, type Settings } from '@haven/shared';
import { startTestApp, type TestApp } from '../../../../test/support/app';
import {
  aStaffMember,
  bearer,
  codeFor,
  signInThroughApi,
  type StaffMember,
} from '../../../../test/support/staff';

let testApp: TestApp;
let admin: StaffMember;
beforeEach(async () => {
  testApp = await startTestApp();
  admin = await aStaffMember(testApp, { roles: ['admin'] });
});
afterEach(() => testApp.close());

const api = () => request(testApp.app);
const asAdmin = () => bearer(admin.accessToken);

async function auditEntries(action: string) {
  return (await testApp.storage.audit.list({ limit: 1000 })).filter(
    (entry) => entry.action === action,
  );
}

describe('staff accounts', () => {
  it('when users are listed, then they come in pages, without any credential', async () => {
    for (let index = 0; index < 3; index += 1) await aStaffMember(testApp, { roles: ['officer'] });

    const first = await api().get('/api/v1/admin/users?limit=2').set(asAdmin());
    const second = await api()
      .get(`/api/v1/admin/users?limit=2&cursor=${first.body.nextCursor}`)
      .set(asAdmin());

    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(2);
    expect(second.body.items).toHaveLength(2);
    expect(second.body.nextCursor).toBeNull();
    expect(first.body.items[0]).toEqual({
      id: admin.user.id,
      username: admin.username,
      displayName: 'Test Staff',
      roles: ['admin'],
      disabled: false,
      mfaEnrolled: true,
      passwordChangeRequired: false,
      lastLoginAt: null,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
      version: 1,
    });
    expect(JSON.stringify([first.body, second.body])).not.toMatch(/argon2|sealed|totp|recovery/i);
  });

  it('when an account is created, then its temporary password is answered once and the creation audited without personal data', async () => {
    const created = await api()
      .post('/api/v1/admin/users')
      .set(asAdmin())
      .send({ username: 'Amira.K', displayName: 'Amira Khalil', roles: ['officer', 'supervisor'] });

    expect(created.status).toBe(201);
    expect(created.body.user).toMatchObject({
      username: 'amira.k',
      roles: ['officer', 'supervisor'],
      mfaEnrolled: false,
      passwordChangeRequired: true,
    });
    expect(created.body.temporaryPassword).toMatch(/^[0-9a-z]{5}(-[0-9a-z]{5}){3}$/);
    const entry = (await auditEntries('user.created')).at(-1);
    expect(entry).toMatchObject({
      actorId: admin.user.id,
      subject: { type: 'user', id: created.body.user.id },
      details: { roles: ['officer', 'supervisor'], via: 'admin' },
    });
    expect(JSON.stringify(entry)).not.toMatch(/amira|khalil/i);
    expect(JSON.stringify(await testApp.storage.users.get(created.body.user.id))).not.toContain(
      created.body.temporaryPassword,
    );
  });

  it('when a username is taken (in any case), then 409', async () => {
    await api()
      .post('/api/v1/admin/users')
      .set(asAdmin())
      .send({ username: 'sam', displayName: 'Sam', roles: ['officer'] });
    const again = await api()
      .post('/api/v1/admin/users')
      .set(asAdmin())
      .send({ username: 'SAM', displayName: 'Sam Two', roles: ['auditor'] });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('username_taken');
  });

  it('when roles change, then the change is audited with the role names and the version moves on', async () => {
    const officer = await aStaffMember(testApp, { roles: ['officer'] });

    const changed = await api()
      .patch(`/api/v1/admin/users/${officer.user.id}`)
      .set(asAdmin())
      .send({
        version: officer.user.version,
        roles: ['officer', 'supervisor'],
        displayName: 'Lead',
      });

    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({
      roles: ['officer', 'supervisor'],
      displayName: 'Lead',
      version: officer.user.version + 1,
    });
    const [entry] = await auditEntries('user.updated');
    expect(entry).toMatchObject({
      actorId: admin.user.id,
      details: { changed: ['displayName', 'roles'], roles: ['officer', 'supervisor'] },
    });
    expect(JSON.stringify(entry)).not.toContain('Lead');

    const stale = await api()
      .patch(`/api/v1/admin/users/${officer.user.id}`)
      .set(asAdmin())
      .send({ version: officer.user.version, roles: ['auditor'] });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('stale_version');
  });

  it('when the last enabled admin would be demoted or disabled, then 409; with a second admin, it may go', async () => {
    const demote = await api()
      .patch(`/api/v1/admin/users/${admin.user.id}`)
      .set(asAdmin())
      .send({ version: admin.user.version, roles: ['auditor'] });
    const disable = await api()
      .patch(`/api/v1/admin/users/${admin.user.id}`)
      .set(asAdmin())
      .send({ version: admin.user.version, disabled: true });
    expect([demote.status, disable.status]).toEqual([409, 409]);
    expect(demote.body.code).toBe('last_admin');

    await aStaffMember(testApp, { roles: ['admin'] });
    const now = await api()
      .patch(`/api/v1/admin/users/${admin.user.id}`)
      .set(asAdmin())
      .send({ version: admin.user.version, roles: ['auditor'] });
    expect(now.status).toBe(200);
  });

  it('when a second factor is reset, then the user enrols again at the next sign-in, and it is audited', async () => {
    const officer = await aStaffMember(testApp, { roles: ['officer'] });

    const reset = await api()
      .post(`/api/v1/admin/users/${officer.user.id}/reset-mfa`)
      .set(asAdmin());

    expect(reset.status).toBe(200);
    expect(reset.body.mfaEnrolled).toBe(false);
    expect(await auditEntries('user.mfa_reset')).toHaveLength(1);
    await expect(signInThroughApi(testApp, officer)).rejects.toThrow(/mfa answered 401/);
  });

  it('when a password is reset, then the temporary one signs in and must be replaced', async () => {
    const officer = await aStaffMember(testApp, { roles: ['officer'] });

    const reset = await api()
      .post(`/api/v1/admin/users/${officer.user.id}/reset-password`)
      .set(asAdmin());

    expect(reset.status).toBe(200);
    const login = await api()
      .post('/api/v1/auth/login')
      .send({ username: officer.username, password: reset.body.temporaryPassword });
    expect(login.body).toMatchObject({ passwordChangeRequired: true, enrolmentRequired: false });
    const mfa = await api()
      .post('/api/v1/auth/mfa')
      .send({ challenge: login.body.challenge, code: codeFor(officer.totpSecret) });
    expect(mfa.status).toBe(200);
    expect(await auditEntries('user.password_reset')).toHaveLength(1);
  });

  it('when the user is unknown, then 404', async () => {
    const response = await api().get('/api/v1/admin/users/no-such-user').set(asAdmin());
    expect(response.status).toBe(404);
  });
});

describe('settings', () => {
  async function current(): Promise<Settings> {
    return (await api().get('/api/v1/admin/settings').set(asAdmin())).body;
  }

  it('when nothing was configured, then the defaults show', async () => {
    expect(await current()).toEqual({
      categories: DEFAULT_CATEGORIES,
      slaHours: { low: 240, medium: 72, high: 24, critical: 4 },
      legalClocks: { acknowledgementDays: 7, answerDays: 90, byCategory: {} },
      retention: { closedCaseDays: 365 },
      suppression: { k: 10 },
      reporterAccessLapseDays: 365,
    });
  });

  it('when settings are changed, then each changed one is stored and audited by name, and the form follows', async () => {
    const settings = await current();
    const changed: Settings = {
      ...settings,
      categories: [
        ...settings.categories,
        { id: 'other', family: 'rights_violation', asksTargets: false, subcategories: [] },
      ],
      legalClocks: {
        ...settings.legalClocks,
        byCategory: { other: { acknowledgementDays: 3, answerDays: 30 } },
      },
      suppression: { k: 5 },
    };

    const response = await api().put('/api/v1/admin/settings').set(asAdmin()).send(changed);

    expect(response.status).toBe(200);
    expect(response.body).toEqual(changed);
    const entries = await auditEntries('settings.changed');
    expect(entries.map((entry) => entry.subject?.id).sort()).toEqual([
      'categories',
      'legal_clocks.by_category',
      'suppression.k',
    ]);
    expect(entries.every((entry) => entry.actorId === admin.user.id)).toBe(true);
    const form = await api().get('/api/v1/public/form');
    expect(form.body.categories.map((category: { id: string }) => category.id)).toContain('other');
    expect(await testApp.services.settings.legalClocksFor('other')).toEqual({
      acknowledgementDays: 3,
      answerDays: 30,
    });

    await api().put('/api/v1/admin/settings').set(asAdmin()).send(changed);
    expect(await auditEntries('settings.changed')).toHaveLength(3);
  });

  it('when the suppression threshold is below 3, or a setting is unknown or inconsistent, then 400 and nothing changes', async () => {
    const settings = await current();
    const attempts = [
      { ...settings, suppression: { k: 2 } },
      { ...settings, retention: { closedCaseDays: 0 } },
      { ...settings, colour: 'blue' },
      { ...settings, categories: [settings.categories[0], settings.categories[0]] },
      {
        ...settings,
        legalClocks: {
          ...settings.legalClocks,
          byCategory: { nope: { acknowledgementDays: 1, answerDays: 2 } },
        },
      },
      { ...settings, slaHours: { ...settings.slaHours, urgent: 1 } },
    ];
    for (const body of attempts) {
      const response = await api().put('/api/v1/admin/settings').set(asAdmin()).send(body);
      expect(response.status).toBe(400);
    }
    expect(await current()).toEqual(settings);
    expect(await auditEntries('settings.changed')).toHaveLength(0);
  });

  it('when a stored threshold is below 3 (written by hand), then the default applies', async () => {
    await testApp.storage.settings.put('suppression.k', 1);
    expect(await testApp.services.settings.suppressionK()).toBe(10);
  });
});
