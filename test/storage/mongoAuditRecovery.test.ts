import { MongoClient } from 'mongodb';
import type { MongoAuditStore } from '../../server/src/storage/mongo/MongoAuditStore';
import type { MongoStorage } from '../../server/src/storage/mongo/MongoStorage';
import { enginesUnderTest, type TestDatabase } from '../support/engines';
import { aCase, anEvent, aUser, anAudit } from '../support/factories';
import { expectLinearChain } from './expectations';

/**
 * The MongoDB engine has no multi-document transactions: a change and its audit entry are
 * written in one document, then the entry is moved to the log (see `MongoAuditStore`). These
 * tests stop a writer between those steps, as a crash would, and check that the next reader of
 * the log finds the entry exactly once, in a linear chain.
 */
const mongo = enginesUnderTest().find((engine) => engine.name === 'mongodb');
const describeMongo = mongo ? describe : describe.skip;

const crash = () => Promise.reject(new Error('simulated crash'));

describeMongo('audit entries left pending on the mongodb engine', () => {
  let database: TestDatabase;
  let storage: MongoStorage;

  beforeEach(async () => {
    database = await mongo!.fresh();
    storage = (await database.open()) as MongoStorage;
  });
  afterEach(async () => {
    jest.restoreAllMocks();
    await database.dispose();
  });

  /** The raw documents of `collection`, engine fields included. */
  async function documentsIn(collection: string) {
    if (database.config.engine !== 'mongodb') throw new Error('not a MongoDB database');
    const client = await MongoClient.connect(database.config.url);
    try {
      return await client.db().collection(collection).find().toArray();
    } finally {
      await client.close();
    }
  }

  /** What is still waiting inside the changed documents of `collection`. */
  async function pendingIn(collection: string): Promise<unknown[]> {
    const docs = await documentsIn(collection);
    return docs.flatMap((doc) => (doc.pendingAudit as unknown[] | undefined) ?? []);
  }

  function crashBeforeMove(audit: MongoAuditStore) {
    jest.spyOn(audit, 'settle').mockImplementationOnce(crash);
  }

  it('when writes complete, then no entry stays pending and no deleted setting lingers', async () => {
    const record = await storage.cases.insert(aCase(), anAudit());
    await storage.cases.update(record.id, 1, { status: 'triaged' }, anAudit());
    const user = await storage.users.insert(aUser(), anAudit());
    await storage.users.update(user.id, 1, { displayName: '' }, anAudit());
    await storage.settings.put('a', { nested: {} }, anAudit());
    await storage.settings.delete('a', anAudit());
    await storage.settings.delete('never-written', anAudit());
    await storage.timeline.append(anEvent({ caseId: record.id }), anAudit());

    for (const collection of ['cases', 'case_events', 'users', 'settings']) {
      expect(await pendingIn(collection)).toEqual([]);
    }
    expect(await documentsIn('settings')).toEqual([]);
    expectLinearChain(await storage.audit.list({ limit: 10 }));
  });

  it('when a writer dies after the change but before the move, then the next handle moves the entry', async () => {
    crashBeforeMove(storage.audit);
    const record = aCase();
    await expect(storage.cases.insert(record, anAudit({ action: 'case.created' }))).rejects.toThrow(
      'simulated crash',
    );
    // The change is there, and its entry with it: nothing was half-written.
    expect(await storage.cases.get(record.id)).toMatchObject({ id: record.id, version: 1 });
    expect(await pendingIn('cases')).toHaveLength(1);

    const next = await database.open();
    expect(await pendingIn('cases')).toEqual([]);
    const entries = await next.audit.list({ limit: 10 });
    expect(entries.map((entry) => entry.action)).toEqual(['case.created']);
    expectLinearChain(entries);
  });

  it('when a timeline event was appended but its entry not moved, then the next handle moves it', async () => {
    const record = await storage.cases.insert(aCase(), anAudit({ action: 'case.created' }));
    crashBeforeMove(storage.audit);
    const event = anEvent({ caseId: record.id });
    await expect(storage.timeline.append(event, anAudit({ action: 'case.noted' }))).rejects.toThrow(
      'simulated crash',
    );
    expect(await storage.timeline.listByCase(record.id)).toEqual([event]);
    expect(await pendingIn('case_events')).toHaveLength(1);

    const next = await database.open();
    expect(await pendingIn('case_events')).toEqual([]);
    const entries = await next.audit.list({ limit: 10 });
    expect(entries.map((entry) => entry.action)).toEqual(['case.created', 'case.noted']);
    expectLinearChain(entries);
  });

  it('when an update was left pending, then listing or reading the head of the log moves it first', async () => {
    const record = await storage.cases.insert(aCase(), anAudit({ action: 'case.created' }));
    crashBeforeMove(storage.audit);
    await expect(
      storage.cases.update(
        record.id,
        1,
        { status: 'triaged' },
        anAudit({ action: 'case.triaged' }),
      ),
    ).rejects.toThrow('simulated crash');

    expect(await storage.audit.head()).toMatchObject({ seq: 2 });
    const entries = await storage.audit.list({ limit: 10 });
    expect(entries.map((entry) => entry.action)).toEqual(['case.created', 'case.triaged']);
    expectLinearChain(entries);
  });

  it('when an entry reached the log but was not removed from its document, then it is not logged twice', async () => {
    jest.spyOn(storage.cases.auditSource, 'pull').mockImplementationOnce(crash);
    const record = await storage.cases
      .insert(aCase(), anAudit({ action: 'case.created' }))
      .catch(() => null);
    expect(record).toBeNull();
    expect(await pendingIn('cases')).toHaveLength(1);

    await storage.audit.append(anAudit({ action: 'auth.login' }));
    const entries = await storage.audit.list({ limit: 10 });
    expect(entries.map((entry) => entry.action)).toEqual(['case.created', 'auth.login']);
    expectLinearChain(entries);
    expect(await pendingIn('cases')).toEqual([]);
  });

  it('when a setting was deleted but its entry not moved, then it reads as absent and the entry is moved once', async () => {
    await storage.settings.put('retention.days', 365, anAudit({ action: 'settings.changed' }));
    crashBeforeMove(storage.audit);
    await expect(
      storage.settings.delete('retention.days', anAudit({ action: 'settings.deleted' })),
    ).rejects.toThrow('simulated crash');
    expect(await storage.settings.get('retention.days')).toBeNull();

    const entries = await storage.audit.list({ limit: 10 });
    expect(entries.map((entry) => entry.action)).toEqual(['settings.changed', 'settings.deleted']);
    expectLinearChain(entries);
    expect(await pendingIn('settings')).toEqual([]);
    await storage.settings.put('retention.days', 30);
    expect(await storage.settings.get('retention.days')).toBe(30);
  });

  it('when two handles find the same leftovers at once, then each entry is moved once', async () => {
    const other = await database.open();
    for (let index = 0; index < 6; index += 1) {
      crashBeforeMove(storage.audit);
      await storage.cases.insert(aCase(), anAudit({ action: `insert-${index}` })).catch(() => null);
    }
    expect(await pendingIn('cases')).toHaveLength(6);

    await Promise.all([storage.audit.head(), other.audit.head(), storage.audit.head()]);
    const entries = await other.audit.list({ limit: 100 });
    expect(entries.map((entry) => entry.action).sort()).toEqual(
      Array.from({ length: 6 }, (_, index) => `insert-${index}`),
    );
    expectLinearChain(entries);
  });
});
