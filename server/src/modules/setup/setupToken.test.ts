import { createHash } from 'node:crypto';
import { enginesUnderTest, type TestDatabase } from '../../../../test/support/engines';
import { aUser, anAudit } from '../../../../test/support/factories';
import type { Storage } from '../../storage';
import { issueSetupToken, SETUP_TOKEN_SETTING, setupUrl } from './setupToken';

describe('the one-time setup token', () => {
  let database: TestDatabase;
  let storage: Storage;

  beforeEach(async () => {
    database = await enginesUnderTest()[0]!.fresh();
    storage = await database.open();
  });
  afterEach(() => database.dispose());

  it('when no admin exists, then a token is issued and only its hash is stored, audited', async () => {
    const token = await issueSetupToken(storage, new Date('2026-11-23T00:00:00Z'));

    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await storage.settings.get(SETUP_TOKEN_SETTING)).toEqual({
      sha256: createHash('sha256').update(token!).digest('hex'),
      expiresAt: '2026-11-24T00:00:00.000Z',
    });
    expect(JSON.stringify(await storage.audit.list({ limit: 10 }))).not.toContain(token);
    expect((await storage.audit.list({ limit: 10 })).map((entry) => entry.action)).toEqual([
      'setup.token_issued',
    ]);
  });

  it('when a new token is issued, then it replaces the previous one', async () => {
    const first = await issueSetupToken(storage);
    const second = await issueSetupToken(storage);
    expect(second).not.toBe(first);
    expect(await storage.settings.get(SETUP_TOKEN_SETTING)).toMatchObject({
      sha256: createHash('sha256').update(second!).digest('hex'),
    });
  });

  it('when an admin exists, then no token is issued', async () => {
    await storage.users.insert(aUser({ roles: ['admin'] }), anAudit());
    expect(await issueSetupToken(storage)).toBeNull();
    expect(await storage.settings.get(SETUP_TOKEN_SETTING)).toBeNull();
  });

  it('when the link is built, then the token travels in the fragment', () => {
    expect(setupUrl('https://haven.example', 'abc')).toBe(
      'https://haven.example/console/setup#token=abc',
    );
  });
});
