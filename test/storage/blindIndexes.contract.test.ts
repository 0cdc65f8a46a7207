import { MongoClient } from 'mongodb';
import type { NewCase } from '../../server/src/storage/types';
import { enginesUnderTest, freshDatabaseEachTest } from '../support/engines';
import { aCase, anAudit } from '../support/factories';

const BASE = Date.UTC(2026, 0, 1);
const HOUR = 3_600_000;

describe.each(enginesUnderTest())('blind indexes on the $name engine', (engine) => {
  const db = freshDatabaseEachTest(engine);

  /** Inserts a case carrying `keys`. */
  async function caseWith(keys: string[], overrides: Partial<NewCase> = {}) {
    return db.storage.cases.insert(aCase({ blindIndexes: keys, ...overrides }), anAudit());
  }

  const ids = (records: { id: string }[]) => records.map((record) => record.id);

  it('when a case is inserted with blind indexes, then it reads back with them; without, with none', async () => {
    const withKeys = await caseWith(['url:aa', 'file:bb']);
    const { blindIndexes: _left, ...leftOut } = aCase();
    const without = await db.storage.cases.insert(leftOut, anAudit());

    expect((await db.storage.cases.get(withKeys.id))!.blindIndexes).toEqual(['url:aa', 'file:bb']);
    expect(without.blindIndexes).toEqual([]);
    expect((await db.storage.cases.get(without.id))!.blindIndexes).toEqual([]);
  });

  it('when cases are inserted in bulk, then their blind indexes are found like single inserts', async () => {
    const asking = await caseWith(['url:shared']);
    const batch = [aCase({ blindIndexes: ['url:shared'] }), aCase({ blindIndexes: ['url:other'] })];
    await db.storage.cases.insertMany(batch, anAudit());

    const found = await db.storage.cases.listSharingBlindIndexes(['url:shared'], {
      excludeId: asking.id,
      limit: 10,
    });
    expect(ids(found)).toEqual([batch[0]!.id]);
  });

  it('when an update sets blind indexes, then they replace the old ones, in the record and in lookups', async () => {
    const asking = await caseWith(['url:old', 'url:new']);
    const record = await caseWith(['url:old']);

    const updated = await db.storage.cases.update(
      record.id,
      1,
      { blindIndexes: ['url:new', 'image:0:cc'] },
      anAudit(),
    );

    expect(updated.blindIndexes).toEqual(['url:new', 'image:0:cc']);
    expect((await db.storage.cases.get(record.id))!.blindIndexes).toEqual([
      'url:new',
      'image:0:cc',
    ]);
    const options = { excludeId: asking.id, limit: 10 };
    expect(await db.storage.cases.listSharingBlindIndexes(['url:old'], options)).toEqual([]);
    expect(await db.storage.cases.listSharingBlindIndexes(['url:new'], options)).toEqual([updated]);
  });

  it('when an update leaves blind indexes out, then they stay', async () => {
    const record = await caseWith(['handle:dd']);
    const asking = await caseWith([]);

    await db.storage.cases.update(record.id, 1, { severity: 'high' }, anAudit());

    const found = await db.storage.cases.listSharingBlindIndexes(['handle:dd'], {
      excludeId: asking.id,
      limit: 10,
    });
    expect(found.map((item) => [item.id, item.blindIndexes])).toEqual([[record.id, ['handle:dd']]]);
  });

  it('when looking up several keys, then a case carrying any one of them is found, once', async () => {
    const asking = await caseWith([]);
    const first = await caseWith(['url:a', 'handle:b'], { createdAt: new Date(BASE - HOUR) });
    const second = await caseWith(['image:3:c'], { createdAt: new Date(BASE - 2 * HOUR) });
    await caseWith(['url:unrelated']);

    const found = await db.storage.cases.listSharingBlindIndexes(
      ['url:a', 'handle:b', 'image:3:c', 'file:nobody'],
      { excludeId: asking.id, limit: 10 },
    );

    expect(ids(found)).toEqual([first.id, second.id]);
    expect(found[0]).toEqual(await db.storage.cases.get(first.id));
  });

  it('when the asking case carries the key itself, then it is left out', async () => {
    const asking = await caseWith(['url:a']);
    const other = await caseWith(['url:a']);

    const found = await db.storage.cases.listSharingBlindIndexes(['url:a'], {
      excludeId: asking.id,
      limit: 10,
    });

    expect(ids(found)).toEqual([other.id]);
  });

  it('when states are given, then only cases in one of them are found', async () => {
    const asking = await caseWith([]);
    const open = await caseWith(['url:a'], { status: 'new' });
    const triaged = await caseWith(['url:a'], { status: 'triaged' });
    await caseWith(['url:a'], { status: 'closed' });
    await caseWith(['url:a'], { status: 'duplicate' });

    const found = await db.storage.cases.listSharingBlindIndexes(['url:a'], {
      excludeId: asking.id,
      statuses: ['new', 'triaged'],
      limit: 10,
    });

    expect(ids(found).sort()).toEqual([open.id, triaged.id].sort());
    expect(
      await db.storage.cases.listSharingBlindIndexes(['url:a'], {
        excludeId: asking.id,
        statuses: [],
        limit: 10,
      }),
    ).toEqual([]);
  });

  it('when more cases share a key than the limit, then the newest ones come, newest first, ties by id', async () => {
    const asking = await caseWith([]);
    const created = [];
    for (let index = 0; index < 6; index += 1) {
      // Two cases per hour, so that the order needs its tie-break.
      const at = new Date(BASE - Math.floor(index / 2) * HOUR);
      created.push(await caseWith(['url:a'], { createdAt: at }));
    }
    const expected = [...created]
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1))
      .slice(0, 3);

    const found = await db.storage.cases.listSharingBlindIndexes(['url:a'], {
      excludeId: asking.id,
      limit: 3,
    });

    expect(ids(found)).toEqual(ids(expected));
  });

  it('when no keys are given or the limit is 0, then nothing is found', async () => {
    const asking = await caseWith(['url:a']);
    await caseWith(['url:a']);

    expect(
      await db.storage.cases.listSharingBlindIndexes([], { excludeId: asking.id, limit: 10 }),
    ).toEqual([]);
    expect(
      await db.storage.cases.listSharingBlindIndexes(['url:a'], { excludeId: asking.id, limit: 0 }),
    ).toEqual([]);
  });
});

const mongo = enginesUnderTest().find((engine) => engine.name === 'mongodb');
const describeMongo = mongo ? describe : describe.skip;

describeMongo('blind indexes of cases written before they existed, on the mongodb engine', () => {
  const db = freshDatabaseEachTest(mongo!);

  it('when a stored case has no blind-index field, then it reads with none and can be given some', async () => {
    const record = await db.storage.cases.insert(aCase({ blindIndexes: ['url:a'] }), anAudit());
    if (db.database.config.engine !== 'mongodb') throw new Error('not a MongoDB database');
    const client = await MongoClient.connect(db.database.config.url);
    try {
      await client
        .db()
        .collection('cases')
        .updateOne({ _id: record.id as never }, { $unset: { blindIndexes: '' } });
    } finally {
      await client.close();
    }

    expect((await db.storage.cases.get(record.id))!.blindIndexes).toEqual([]);
    await db.storage.cases.update(record.id, 1, { blindIndexes: ['url:b'] }, anAudit());
    const found = await db.storage.cases.listSharingBlindIndexes(['url:b'], {
      excludeId: 'other',
      limit: 5,
    });
    expect(found.map((item) => item.id)).toEqual([record.id]);
  });
});
