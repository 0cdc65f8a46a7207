import { ConflictError, VersionConflictError } from '../../server/src/errors';
import { enginesUnderTest, freshDatabaseEachTest } from '../support/engines';
import { aUser, anAudit } from '../support/factories';

describe.each(enginesUnderTest())('users and settings on the $name engine', (engine) => {
  const db = freshDatabaseEachTest(engine);

  it('when a user is inserted, then it reads back identical by id and username', async () => {
    const user = aUser({ roles: ['officer', 'supervisor'], body: { totp: { enabled: false } } });
    const stored = await db.storage.users.insert(user, anAudit());

    expect(stored).toEqual({ ...user, version: 1, updatedAt: user.createdAt });
    expect(await db.storage.users.get(user.id)).toEqual(stored);
    expect(await db.storage.users.getByUsername(user.username)).toEqual(stored);
    expect(await db.storage.users.getByUsername('nobody')).toBeNull();
  });

  it('when a username is taken, then the insert is refused and writes nothing', async () => {
    const first = await db.storage.users.insert(aUser(), anAudit());
    const clash = aUser({ username: first.username });

    await expect(db.storage.users.insert(clash, anAudit())).rejects.toBeInstanceOf(ConflictError);
    expect(await db.storage.users.get(clash.id)).toBeNull();
    expect(await db.storage.audit.list({ limit: 10 })).toHaveLength(1);
  });

  it('when roles change, then only enabled holders are counted', async () => {
    const admin = await db.storage.users.insert(aUser({ roles: ['admin'] }), anAudit());
    await db.storage.users.insert(aUser({ roles: ['auditor', 'admin'] }), anAudit());
    await db.storage.users.insert(aUser({ roles: ['officer'] }), anAudit());
    expect(await db.storage.users.countWithRole('admin')).toBe(2);

    await db.storage.users.update(admin.id, 1, { disabled: true }, anAudit());
    expect(await db.storage.users.countWithRole('admin')).toBe(1);
    expect(await db.storage.users.countWithRole('supervisor')).toBe(0);
  });

  it('when a user update names a stale version, then it is refused', async () => {
    const user = await db.storage.users.insert(aUser(), anAudit());
    await db.storage.users.update(user.id, 1, { roles: ['supervisor'] }, anAudit());
    await expect(
      db.storage.users.update(user.id, 1, { roles: ['admin'] }, anAudit()),
    ).rejects.toBeInstanceOf(VersionConflictError);
    expect((await db.storage.users.get(user.id))?.roles).toEqual(['supervisor']);
  });

  it('when users are listed in pages, then each appears once', async () => {
    const ids = new Set<string>();
    for (let index = 0; index < 7; index += 1) {
      ids.add(
        (
          await db.storage.users.insert(
            aUser({ createdAt: new Date(1_000 * (index % 3)) }),
            anAudit(),
          )
        ).id,
      );
    }
    const first = await db.storage.users.list({ limit: 4 });
    const second = await db.storage.users.list({ limit: 4, cursor: first.nextCursor! });
    expect(second.nextCursor).toBeNull();
    expect(new Set([...first.items, ...second.items].map((user) => user.id))).toEqual(ids);
  });

  it('when a setting is written, overwritten and deleted, then reads follow, each change audited', async () => {
    expect(await db.storage.settings.get('sla.hours')).toBeNull();

    await db.storage.settings.put(
      'sla.hours',
      { low: 240, critical: 4 },
      anAudit({ action: 'settings.changed' }),
    );
    expect(await db.storage.settings.get('sla.hours')).toEqual({ low: 240, critical: 4 });

    await db.storage.settings.put(
      'sla.hours',
      [1, 'two', null],
      anAudit({ action: 'settings.changed' }),
    );
    expect(await db.storage.settings.get('sla.hours')).toEqual([1, 'two', null]);

    await db.storage.settings.delete('sla.hours', anAudit({ action: 'settings.deleted' }));
    expect(await db.storage.settings.get('sla.hours')).toBeNull();

    const actions = (await db.storage.audit.list({ limit: 10 })).map((entry) => entry.action);
    expect(actions).toEqual(['settings.changed', 'settings.changed', 'settings.deleted']);
  });

  it('when a key has no value, then putIfAbsent writes it once, and only that write is audited', async () => {
    expect(
      await db.storage.settings.putIfAbsent('key.ring', { v: 1 }, anAudit({ action: 'created' })),
    ).toBe(true);
    expect(
      await db.storage.settings.putIfAbsent('key.ring', { v: 2 }, anAudit({ action: 'again' })),
    ).toBe(false);

    expect(await db.storage.settings.get('key.ring')).toEqual({ v: 1 });
    const actions = (await db.storage.audit.list({ limit: 10 })).map((entry) => entry.action);
    expect(actions).toEqual(['created']);
  });

  it('when a key was deleted, then putIfAbsent writes it again', async () => {
    await db.storage.settings.put('key.ring', 'old', anAudit());
    await db.storage.settings.delete('key.ring', anAudit());

    expect(await db.storage.settings.putIfAbsent('key.ring', 'new', anAudit())).toBe(true);
    expect(await db.storage.settings.get('key.ring')).toBe('new');
    expect(await db.storage.settings.putIfAbsent('key.ring', 'newer')).toBe(false);
    expect(await db.storage.settings.get('key.ring')).toBe('new');
  });

  it('when handles race to create a value, then exactly one writes and all read it', async () => {
    const handles = [db.storage, await db.database.open(), await db.database.open()];
    const wrote = await Promise.all(
      handles.flatMap((handle, h) =>
        [0, 1].map((i) =>
          handle.settings.putIfAbsent(
            'key.ring',
            `value-${h}-${i}`,
            anAudit({ action: 'created' }),
          ),
        ),
      ),
    );

    expect(wrote.filter(Boolean)).toHaveLength(1);
    const winner = `value-${Math.floor(wrote.indexOf(true) / 2)}-${wrote.indexOf(true) % 2}`;
    for (const handle of handles) expect(await handle.settings.get('key.ring')).toBe(winner);
    expect(await db.storage.audit.list({ limit: 10 })).toHaveLength(1);
  });

  it('when a setting is written without an audit entry, then the log is untouched', async () => {
    await db.storage.settings.put('setup.token', 'hash');
    await db.storage.settings.delete('setup.token');
    await db.storage.settings.delete('never-written');
    expect(await db.storage.audit.head()).toBeNull();
  });
});
