import { enginesUnderTest, freshDatabaseEachTest } from '../support/engines';
import { aCase, aUser, anAudit } from '../support/factories';
import { expectLinearChain } from './expectations';

describe.each(enginesUnderTest())('the audit log on the $name engine', (engine) => {
  const db = freshDatabaseEachTest(engine);

  it('when changes are made, then each leaves one entry, hash-chained in order', async () => {
    const record = await db.storage.cases.insert(
      aCase(),
      anAudit({ action: 'case.created', subject: { type: 'case', id: 'c1' } }),
    );
    await db.storage.cases.update(
      record.id,
      1,
      { status: 'triaged' },
      anAudit({ action: 'case.triaged', actorId: 'u1' }),
    );
    await db.storage.users.insert(
      aUser(),
      anAudit({ action: 'user.created', details: { roles: ['officer'], count: 1 } }),
    );
    await db.storage.audit.append(anAudit({ action: 'auth.login', actorId: 'u1' }));

    const entries = await db.storage.audit.list({ limit: 100 });
    expect(entries.map((entry) => entry.action)).toEqual([
      'case.created',
      'case.triaged',
      'user.created',
      'auth.login',
    ]);
    expect(entries[0]).toMatchObject({ subject: { type: 'case', id: 'c1' }, actorId: null });
    expect(entries[2]?.details).toEqual({ roles: ['officer'], count: 1 });
    expectLinearChain(entries);
    expect(await db.storage.audit.head()).toEqual({ seq: 4, hash: entries[3]!.hash });
  });

  it('when listing after a position, then the log pages in order', async () => {
    for (let index = 0; index < 5; index += 1)
      await db.storage.audit.append(anAudit({ action: `a${index}` }));
    const page = await db.storage.audit.list({ afterSeq: 2, limit: 2 });
    expect(page.map((entry) => entry.action)).toEqual(['a2', 'a3']);
  });

  it('when two handles write at once, then the chain stays linear', async () => {
    const other = await db.database.open();
    await Promise.all(
      Array.from({ length: 10 }, (_, index) =>
        (index % 2 ? db.storage : other).cases.insert(
          aCase(),
          anAudit({ action: `insert-${index}` }),
        ),
      ),
    );
    const entries = await db.storage.audit.list({ limit: 100 });
    expect(entries).toHaveLength(10);
    expectLinearChain(entries);
  });
});
