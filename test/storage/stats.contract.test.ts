import { STATS_DIMENSIONS, type StatsDimension } from '@haven/shared';
import { SyntheticCases } from '../../server/src/cli/seed';
import type { NewCase, StatsFilter, StatsGroup, Storage } from '../../server/src/storage/types';
import { enginesUnderTest, type TestDatabase } from '../support/engines';
import { aCase, anAudit } from '../support/factories';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const at = (iso: string, plus = 0) => new Date(Date.parse(iso) + plus);

/**
 * Six cases whose breakdowns are worked out by hand below. Days count down: 1.5 days to triage
 * is 1, 10.9 days to resolution is 10.
 */
function knownCases(): NewCase[] {
  const made = (created: string, overrides: Partial<NewCase>) =>
    aCase({ createdAt: at(created), month: created.slice(0, 7), ...overrides });
  return [
    made('2026-01-05T10:00:00Z', {
      category: 'cyberattack',
      country: 'FR',
      status: 'triaged',
      severity: 'low',
      platform: 'facebook',
      triagedAt: at('2026-01-05T10:00:00Z', 1.5 * DAY),
    }),
    made('2026-01-10T10:00:00Z', {
      category: 'cyberattack',
      country: 'FR',
      status: 'closed',
      severity: 'high',
      platform: 'x',
      triagedAt: at('2026-01-10T10:00:00Z', 0.2 * DAY),
      resolvedAt: at('2026-01-10T10:00:00Z', 10.9 * DAY),
    }),
    made('2026-01-20T10:00:00Z', {
      category: 'online_hate',
      country: 'DE',
      status: 'resolved',
      severity: 'medium',
      platform: 'x',
      targets: ['religion', 'ethnicity'],
      triagedAt: at('2026-01-20T10:00:00Z', 2 * DAY),
      resolvedAt: at('2026-01-20T10:00:00Z', 5 * DAY),
    }),
    made('2026-02-01T10:00:00Z', {
      category: 'online_hate',
      country: 'DE',
      status: 'new',
      targets: ['religion'],
    }),
    made('2026-02-03T10:00:00Z', {
      category: 'online_hate',
      country: null,
      status: 'closed',
      severity: 'critical',
      platform: 'tiktok',
      targets: ['gender'],
      triagedAt: at('2026-02-03T10:00:00Z', 3 * HOUR),
      resolvedAt: at('2026-02-03T10:00:00Z', 20 * DAY),
    }),
    made('2026-02-10T10:00:00Z', {
      category: 'rights_violation',
      country: 'FR',
      status: 'rejected',
      severity: 'low',
      platform: 'website',
      // A clock a little behind: never fewer than 0 days.
      triagedAt: at('2026-02-10T10:00:00Z', -2 * HOUR),
      resolvedAt: at('2026-02-10T10:00:00Z', 1 * DAY),
    }),
  ];
}

/** Groups in one order (by their keys' JSON: `null` last), whatever order the engine answered. */
function sorted(groups: StatsGroup[]): StatsGroup[] {
  const key = (group: StatsGroup) => JSON.stringify(group.keys);
  return [...groups].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

describe.each(enginesUnderTest())('statistics on the $name engine', (engine) => {
  let database: TestDatabase;
  let storage: Storage;

  beforeEach(async () => {
    database = await engine.fresh();
    storage = await database.open();
    await storage.cases.insertMany(knownCases(), anAudit());
  });
  afterEach(() => database.dispose());

  const breakdown = async (dims: StatsDimension[], filter: StatsFilter = {}) =>
    sorted(await storage.stats.breakdown({ dims, filter }));

  it('when cases are broken down by category and month, then each group has its count and the days its cases took', async () => {
    expect(await breakdown(['category', 'month'])).toEqual([
      {
        keys: ['cyberattack', '2026-01'],
        count: 2,
        daysToTriage: [
          [0, 1],
          [1, 1],
        ],
        daysToResolution: [[10, 1]],
      },
      {
        keys: ['online_hate', '2026-01'],
        count: 1,
        daysToTriage: [[2, 1]],
        daysToResolution: [[5, 1]],
      },
      {
        keys: ['online_hate', '2026-02'],
        count: 2,
        daysToTriage: [[0, 1]],
        daysToResolution: [[20, 1]],
      },
      {
        keys: ['rights_violation', '2026-02'],
        count: 1,
        daysToTriage: [[0, 1]],
        daysToResolution: [[1, 1]],
      },
    ]);
  });

  it('when a dimension has no value for some cases, then they form a group keyed null', async () => {
    const byCountry = await breakdown(['country']);
    expect(byCountry.map((group) => [group.keys, group.count])).toEqual([
      [['DE'], 2],
      [['FR'], 3],
      [[null], 1],
    ]);
    const bySeverity = await breakdown(['severity']);
    expect(bySeverity.map((group) => [group.keys, group.count])).toEqual([
      [['critical'], 1],
      [['high'], 1],
      [['low'], 2],
      [['medium'], 1],
      [[null], 1],
    ]);
  });

  it('when cases are broken down by targeted characteristic, then a case counts under each it names and not at all without one', async () => {
    const groups = await breakdown(['target', 'status']);
    expect(groups.map((group) => [group.keys, group.count])).toEqual([
      [['ethnicity', 'resolved'], 1],
      [['gender', 'closed'], 1],
      [['religion', 'new'], 1],
      [['religion', 'resolved'], 1],
    ]);
    expect(groups[0]).toMatchObject({ daysToTriage: [[2, 1]], daysToResolution: [[5, 1]] });
  });

  it('when filters are given, then only the cases meeting all of them are counted', async () => {
    const counts = async (filter: StatsFilter) =>
      (await breakdown(['platform'], filter)).map((group) => [group.keys[0], group.count]);

    expect(
      await counts({ from: at('2026-01-10T00:00:00Z'), to: at('2026-02-04T00:00:00Z') }),
    ).toEqual([
      ['tiktok', 1],
      ['x', 2],
      [null, 1],
    ]);
    expect(await counts({ category: 'cyberattack', country: 'FR' })).toEqual([
      ['facebook', 1],
      ['x', 1],
    ]);
    expect(await counts({ status: ['closed', 'rejected'] })).toEqual([
      ['tiktok', 1],
      ['website', 1],
      ['x', 1],
    ]);
    expect(await counts({ severity: ['low', null] })).toEqual([
      ['facebook', 1],
      ['website', 1],
      [null, 1],
    ]);
    expect(await counts({ country: 'GB' })).toEqual([]);
  });

  it('when a case is updated with its first triage and resolution, then its days count from its creation', async () => {
    const record = await storage.cases.insert(
      aCase({ createdAt: at('2026-03-01T00:00:00Z'), month: '2026-03', category: 'later' }),
      anAudit(),
    );
    await storage.cases.update(
      record.id,
      1,
      { status: 'triaged', triagedAt: at('2026-03-04T12:00:00Z') },
      anAudit(),
    );
    const updated = await storage.cases.update(
      record.id,
      2,
      { status: 'resolved', resolvedAt: at('2026-03-31T00:00:00Z') },
      anAudit(),
    );

    expect(updated).toMatchObject({
      triagedAt: at('2026-03-04T12:00:00Z'),
      resolvedAt: at('2026-03-31T00:00:00Z'),
    });
    expect(await breakdown(['status'], { category: 'later' })).toEqual([
      { keys: ['resolved'], count: 1, daysToTriage: [[3, 1]], daysToResolution: [[30, 1]] },
    ]);
  });

  it('when a case is inserted with its statistics fields, then it reads back with them (targets distinct and sorted); without, with none', async () => {
    const named = await storage.cases.insert(
      aCase({ platform: 'signal', targets: ['religion', 'age', 'religion'] }),
      anAudit(),
    );
    const { platform: _p, targets: _t, triagedAt: _a, resolvedAt: _b, ...leftOut } = aCase();
    const plain = await storage.cases.insert(leftOut, anAudit());

    expect(await storage.cases.get(named.id)).toEqual(named);
    expect(named).toMatchObject({ platform: 'signal', targets: ['age', 'religion'] });
    expect(await storage.cases.get(plain.id)).toMatchObject({
      platform: null,
      targets: [],
      triagedAt: null,
      resolvedAt: null,
    });
  });
});

describe('statistics on both engines', () => {
  const engines = enginesUnderTest();
  const both = engines.length === 2 ? it : it.skip;
  const databases: TestDatabase[] = [];
  afterAll(() => Promise.all(databases.map((database) => database.dispose())));

  both(
    'when both engines hold the same cases, then every breakdown by one or two dimensions is identical',
    async () => {
      const stores: Storage[] = [];
      for (const engine of engines) {
        const database = await engine.fresh();
        databases.push(database);
        const storage = await database.open();
        const generator = new SyntheticCases(7, new Date('2026-06-30T12:00:00Z'), 800);
        const cases = Array.from({ length: 800 }, () => generator.next());
        await storage.cases.insertMany([...cases, ...knownCases()], anAudit());
        stores.push(storage);
      }
      const queries: { dims: StatsDimension[]; filter: StatsFilter }[] = [];
      for (const [index, first] of STATS_DIMENSIONS.entries()) {
        queries.push({ dims: [first], filter: {} });
        for (const second of STATS_DIMENSIONS.slice(index + 1)) {
          queries.push({ dims: [first, second], filter: {} });
        }
      }
      queries.push({
        dims: ['category', 'month'],
        filter: {
          from: new Date('2025-07-01T00:00:00Z'),
          to: new Date('2026-01-01T00:00:00Z'),
          status: ['closed', 'resolved'],
          severity: ['high', null],
        },
      });
      for (const query of queries) {
        const [sqlite, mongo] = await Promise.all(
          stores.map(async (storage) => sorted(await storage.stats.breakdown(query))),
        );
        expect({ query, groups: mongo }).toEqual({ query, groups: sqlite });
        expect(sqlite!.length).toBeGreaterThan(0);
      }
    },
    120_000,
  );
});
