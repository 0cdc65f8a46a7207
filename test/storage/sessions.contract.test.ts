import { randomUUID } from 'node:crypto';
import { ConflictError } from '../../server/src/errors';
import type { NewSession, Storage } from '../../server/src/storage/types';
import { enginesUnderTest, type TestDatabase } from '../support/engines';
import { anAudit } from '../support/factories';
import { expectLinearChain } from './expectations';

const HOUR = 3_600_000;

function aSession(overrides: Partial<NewSession> = {}): NewSession {
  const createdAt = overrides.createdAt ?? new Date(Date.UTC(2026, 2, 1, 9));
  return {
    id: randomUUID(),
    userId: 'user-1',
    userSessionVersion: 3,
    tokenHash: 'hash-0',
    createdAt,
    expiresAt: new Date(createdAt.getTime() + 12 * HOUR),
    ...overrides,
  };
}

describe.each(enginesUnderTest())('staff sessions on the $name engine', (engine) => {
  let database: TestDatabase;
  let storage: Storage;

  beforeEach(async () => {
    database = await engine.fresh();
    storage = await database.open();
  });
  afterEach(() => database.dispose());

  it('when a session is created, then it reads back as open, unrotated, used at creation, audited', async () => {
    const session = aSession();
    const stored = await storage.sessions.create(session, anAudit({ action: 'auth.login' }));

    expect(stored).toEqual({
      ...session,
      generation: 0,
      lastUsedAt: session.createdAt,
      revokedAt: null,
      revokedReason: null,
    });
    expect(await storage.sessions.get(session.id)).toEqual(stored);
    expect(await storage.sessions.get('no-such-session')).toBeNull();
    expect((await storage.audit.list({ limit: 10 })).map((entry) => entry.action)).toEqual([
      'auth.login',
    ]);
  });

  it('when a session id is taken, then the create is refused and writes nothing', async () => {
    const first = await storage.sessions.create(aSession(), anAudit());
    await expect(
      storage.sessions.create(aSession({ id: first.id, userId: 'user-2' }), anAudit()),
    ).rejects.toBeInstanceOf(ConflictError);
    expect(await storage.sessions.get(first.id)).toEqual(first);
    expect(await storage.audit.list({ limit: 10 })).toHaveLength(1);
  });

  it('when the current token is rotated, then the new hash replaces it and the old one no longer rotates', async () => {
    const session = await storage.sessions.create(aSession(), anAudit());
    const later = new Date(session.createdAt.getTime() + 60_000);

    const rotated = await storage.sessions.rotate(session.id, 'hash-0', 'hash-1', later);
    expect(rotated).toEqual({ ...session, tokenHash: 'hash-1', generation: 1, lastUsedAt: later });

    expect(await storage.sessions.rotate(session.id, 'hash-0', 'hash-x', later)).toBeNull();
    expect(await storage.sessions.get(session.id)).toEqual(rotated);
    expect(await storage.sessions.rotate('no-such-session', 'hash-1', 'h', later)).toBeNull();
  });

  it('when two rotations race with the same token, then exactly one wins', async () => {
    const session = await storage.sessions.create(aSession(), anAudit());
    const other = await database.open();
    const at = new Date(session.createdAt.getTime() + 1_000);
    const results = await Promise.all(
      [storage, other, storage, other].map((handle, index) =>
        handle.sessions.rotate(session.id, 'hash-0', `hash-${index + 1}`, at),
      ),
    );
    const winners = results.filter((result) => result !== null);
    expect(winners).toHaveLength(1);
    expect((await storage.sessions.get(session.id))?.tokenHash).toBe(winners[0]!.tokenHash);
  });

  it('when a session is revoked, then it stays revoked, cannot rotate, and only the first revocation is audited', async () => {
    const session = await storage.sessions.create(aSession(), anAudit({ action: 'auth.login' }));
    const at = new Date(session.createdAt.getTime() + 5_000);

    expect(
      await storage.sessions.revoke(session.id, 'logout', at, anAudit({ action: 'auth.logout' })),
    ).toBe(true);
    expect(
      await storage.sessions.revoke(session.id, 'reuse', at, anAudit({ action: 'again' })),
    ).toBe(false);
    expect(await storage.sessions.revoke('no-such-session', 'logout', at, anAudit())).toBe(false);

    expect(await storage.sessions.get(session.id)).toMatchObject({
      revokedAt: at,
      revokedReason: 'logout',
    });
    expect(await storage.sessions.rotate(session.id, 'hash-0', 'hash-1', at)).toBeNull();
    const entries = await storage.audit.list({ limit: 10 });
    expect(entries.map((entry) => entry.action)).toEqual(['auth.login', 'auth.logout']);
    expectLinearChain(entries);
  });

  it("when all of a user's sessions are revoked, then only that user's open ones end", async () => {
    const mine = [aSession(), aSession(), aSession()];
    for (const session of mine) await storage.sessions.create(session, anAudit());
    const theirs = await storage.sessions.create(aSession({ userId: 'user-2' }), anAudit());
    const at = new Date(Date.UTC(2026, 2, 1, 10));
    await storage.sessions.revoke(mine[0]!.id, 'logout', at, anAudit());

    expect(await storage.sessions.revokeAllForUser('user-1', 'password_changed', at)).toBe(2);

    for (const session of mine.slice(1)) {
      expect(await storage.sessions.get(session.id)).toMatchObject({
        revokedAt: at,
        revokedReason: 'password_changed',
      });
    }
    expect((await storage.sessions.get(mine[0]!.id))?.revokedReason).toBe('logout');
    expect((await storage.sessions.get(theirs.id))?.revokedAt).toBeNull();
    expect(await storage.sessions.revokeAllForUser('user-1', 'again', at)).toBe(0);
  });

  it('when a session is touched, then its last use moves forward, never back', async () => {
    const session = await storage.sessions.create(aSession(), anAudit());
    const later = new Date(session.createdAt.getTime() + 10 * 60_000);

    await storage.sessions.touch(session.id, later);
    await storage.sessions.touch(session.id, session.createdAt);

    expect((await storage.sessions.get(session.id))?.lastUsedAt).toEqual(later);
  });

  it('when ended sessions are purged, then expired and long-revoked ones go and open ones stay', async () => {
    const start = Date.UTC(2026, 2, 1);
    const expired = await storage.sessions.create(
      aSession({ createdAt: new Date(start), expiresAt: new Date(start + HOUR) }),
      anAudit(),
    );
    const revoked = await storage.sessions.create(aSession(), anAudit());
    await storage.sessions.revoke(revoked.id, 'logout', new Date(start + HOUR), anAudit());
    const open = await storage.sessions.create(
      aSession({ createdAt: new Date(start), expiresAt: new Date(start + 12 * HOUR) }),
      anAudit(),
    );

    expect(await storage.sessions.purgeEnded(new Date(start + 2 * HOUR))).toBe(2);

    expect(await storage.sessions.get(expired.id)).toBeNull();
    expect(await storage.sessions.get(revoked.id)).toBeNull();
    expect(await storage.sessions.get(open.id)).not.toBeNull();
  });
});

describe.each(enginesUnderTest())('failed sign-in counts on the $name engine', (engine) => {
  let database: TestDatabase;
  let storage: Storage;
  const start = Date.UTC(2026, 2, 1, 9);
  const window = HOUR;

  beforeEach(async () => {
    database = await engine.fresh();
    storage = await database.open();
  });
  afterEach(() => database.dispose());

  const fail = (at: number, handle = storage, key = 'account-a') =>
    handle.loginAttempts.recordFailure(
      key,
      new Date(at),
      window,
      anAudit({ action: 'auth.login_failed' }),
    );

  it('when failures come within the window, then they are counted from its start, each audited', async () => {
    await fail(start);
    await fail(start + 1_000);
    const counts = await fail(start + 2_000);

    expect(counts).toEqual({
      key: 'account-a',
      count: 3,
      windowStartedAt: new Date(start),
      lastFailureAt: new Date(start + 2_000),
    });
    expect(await storage.loginAttempts.get('account-a')).toEqual(counts);
    expect(await storage.loginAttempts.get('account-b')).toBeNull();
    const entries = await storage.audit.list({ limit: 10 });
    expect(entries.map((entry) => entry.action)).toEqual(Array(3).fill('auth.login_failed'));
    expectLinearChain(entries);
  });

  it('when a failure comes after the window, then a new window starts at it', async () => {
    await fail(start);
    await fail(start + 1_000);

    expect(await fail(start + window + 1)).toEqual({
      key: 'account-a',
      count: 1,
      windowStartedAt: new Date(start + window + 1),
      lastFailureAt: new Date(start + window + 1),
    });
  });

  it('when failures race from several handles, then every one is counted', async () => {
    const handles = [storage, await database.open(), await database.open()];
    await Promise.all(
      Array.from({ length: 12 }, (_, index) => fail(start + index, handles[index % 3])),
    );
    expect((await storage.loginAttempts.get('account-a'))?.count).toBe(12);
    expect(await storage.audit.list({ limit: 100 })).toHaveLength(12);
  });

  it('when the counts are cleared, then the next failure counts from one', async () => {
    await fail(start);
    await fail(start + 1);
    await fail(start, storage, 'account-b');

    await storage.loginAttempts.clear('account-a');
    await storage.loginAttempts.clear('never-failed');

    expect((await storage.loginAttempts.get('account-a'))?.count ?? 0).toBe(0);
    expect((await fail(start + 2)).count).toBe(1);
    expect((await storage.loginAttempts.get('account-b'))?.count).toBe(1);
  });

  it('when stale counts are purged, then only keys that failed recently remain', async () => {
    await fail(start, storage, 'stale');
    await fail(start + 2 * window, storage, 'recent');

    expect(await storage.loginAttempts.purgeStale(new Date(start + window))).toBe(1);

    expect(await storage.loginAttempts.get('stale')).toBeNull();
    expect(await storage.loginAttempts.get('recent')).not.toBeNull();
  });
});
