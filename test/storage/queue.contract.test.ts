import { ConflictError, ValidationError } from '../../server/src/errors';
import type {
  CaseQuery,
  CaseRecord,
  CaseSort,
  NewCase,
  Storage,
} from '../../server/src/storage/types';
import { enginesUnderTest, hasTextIndexes, type TestDatabase } from '../support/engines';
import { aCase, anAudit } from '../support/factories';

const BASE = Date.UTC(2026, 0, 1);
const HOUR = 3_600_000;
const STATUSES = ['new', 'triaged', 'investigating', 'closed', 'rejected'];
const SEVERITIES = [null, 'low', 'medium', 'high', 'critical'];
const TLPS = ['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'];
const WORDS = ['phishing', 'doxxing', 'botnet', 'extortion'];

/**
 * 45 cases spread over every queue field, with ties everywhere: creation times in threes, SLA
 * due times in fives, severities and states repeating, so that each order pages across ties.
 */
function queueCases(): NewCase[] {
  return Array.from({ length: 45 }, (_, index) => {
    const severity = SEVERITIES[index % 5]!;
    return aCase({
      reference: `HV-Q${String(index).padStart(3, '0')}`,
      status: STATUSES[index % 5]!,
      category: index % 3 === 0 ? 'online_hate' : 'cyberattack',
      country: index % 4 === 0 ? null : index % 4 === 1 ? 'FR' : 'DE',
      severity,
      assigneeId: index % 3 === 1 ? null : `user-${index % 2}`,
      tlp: TLPS[index % 5]!,
      tags: index % 6 === 0 ? ['coordinated', 'election'] : index % 6 === 3 ? ['election'] : [],
      slaDueAt: severity === null ? null : new Date(BASE + Math.floor(index / 5) * HOUR),
      unreadFromReporter: index % 7 === 0 ? 2 : 0,
      createdAt: new Date(BASE - Math.floor(index / 3) * HOUR),
      body: {
        text: {
          narrative: `Report number ${index}: ${WORDS[index % 4]} on the forum.`,
          platform: index % 2 ? 'Telegram' : null,
          urls: [],
          handles: index % 10 === 0 ? ['[HANDLE-1]'] : [],
        },
      },
    });
  });
}

/** The queue orders, written independently of the engines. */
function compare(sort: CaseSort) {
  // critical 0, high 1, medium 2, low 3, none 4
  const rank = (record: CaseRecord) => 4 - SEVERITIES.indexOf(record.severity);
  const sla = (record: CaseRecord) => record.slaDueAt?.getTime() ?? Infinity;
  const byId = (a: CaseRecord, b: CaseRecord) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const created = (a: CaseRecord, b: CaseRecord) => a.createdAt.getTime() - b.createdAt.getTime();
  return (a: CaseRecord, b: CaseRecord): number => {
    switch (sort) {
      case 'priority':
        return rank(a) - rank(b) || sla(a) - sla(b) || created(a, b) || byId(a, b);
      case 'slaDue':
        return sla(a) - sla(b) || byId(a, b);
      case 'oldest':
        return created(a, b) || byId(a, b);
      case 'newest':
        return -(created(a, b) || byId(a, b));
    }
  };
}

describe.each(enginesUnderTest())('the triage queue on the $name engine', (engine) => {
  let database: TestDatabase;
  let storage: Storage;
  let cases: CaseRecord[];

  beforeEach(async () => {
    database = await engine.fresh();
    storage = await database.open();
    const records = queueCases();
    await storage.cases.insertMany(records, anAudit({ action: 'cases.seeded' }));
    cases = (await Promise.all(records.map((record) => storage.cases.get(record.id)))).map(
      (record) => record!,
    );
  });
  afterEach(() => database.dispose());

  async function allPages(query: Omit<CaseQuery, 'cursor' | 'limit'>, limit = 4) {
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await storage.cases.list({ ...query, limit, ...(cursor ? { cursor } : {}) });
      expect(page.items.length).toBeLessThanOrEqual(limit);
      seen.push(...page.items.map((item) => item.reference));
      cursor = page.nextCursor ?? undefined;
      pages += 1;
    } while (cursor && pages < 100);
    return seen;
  }

  function expected(sort: CaseSort, keep: (record: CaseRecord) => boolean) {
    return cases
      .filter(keep)
      .sort(compare(sort))
      .map((record) => record.reference);
  }

  it('when cases are inserted in bulk, then they read back with their queue fields and one audit entry records the batch', async () => {
    expect(cases).toHaveLength(45);
    expect(cases[6]).toMatchObject({
      tlp: 'GREEN',
      tags: ['coordinated', 'election'],
      slaDueAt: new Date(BASE + HOUR),
      unreadFromReporter: 0,
      version: 1,
    });
    expect(cases[0]).toMatchObject({ severity: null, slaDueAt: null, unreadFromReporter: 2 });
    const entries = await storage.audit.list({ limit: 10 });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: 'cases.seeded' });
  });

  it('when a bulk insert reuses a reference, then it is refused as a conflict', async () => {
    await expect(
      storage.cases.insertMany([aCase(), aCase({ reference: 'HV-Q001' })], anAudit()),
    ).rejects.toBeInstanceOf(ConflictError);
  });

  it('when a case is inserted without queue fields, then it is AMBER, untagged, without SLA and with nothing unread', async () => {
    const {
      tlp: _tlp,
      tags: _tags,
      slaDueAt: _sla,
      unreadFromReporter: _unread,
      ...bare
    } = aCase();
    const stored = await storage.cases.insert(bare, anAudit());
    expect(await storage.cases.get(stored.id)).toMatchObject({
      tlp: 'AMBER',
      tags: [],
      slaDueAt: null,
      unreadFromReporter: 0,
    });
  });

  it('when queue fields are updated, then filters and orders follow the new values', async () => {
    const record = cases.find((item) => item.reference === 'HV-Q001')!;
    await storage.cases.update(
      record.id,
      record.version,
      {
        severity: 'critical',
        slaDueAt: new Date(BASE - 10 * HOUR),
        tags: ['moved'],
        tlp: 'RED',
        unreadFromReporter: 5,
        body: { text: { narrative: 'Now about ransomware.' } },
      },
      anAudit(),
    );
    expect(await allPages({ sort: 'newest', tag: 'moved' })).toEqual(['HV-Q001']);
    expect(await allPages({ sort: 'newest', text: 'ransomware' })).toEqual(['HV-Q001']);
    expect(await allPages({ sort: 'newest', text: 'botnet' })).not.toContain('HV-Q001');
    expect((await storage.cases.list({ sort: 'priority', limit: 1 })).items[0]?.reference).toBe(
      'HV-Q001',
    );
  });

  it.each<CaseSort>(['priority', 'newest', 'oldest', 'slaDue'])(
    'when paging the whole queue by %s, then every case appears once, in order, across ties',
    async (sort) => {
      expect(await allPages({ sort })).toEqual(expected(sort, () => true));
    },
  );

  it.each<CaseSort>(['priority', 'newest', 'slaDue'])(
    'when paging several states by %s, then only those states appear, in order',
    async (sort) => {
      const status = ['new', 'triaged', 'investigating'];
      expect(await allPages({ sort, status }, 3)).toEqual(
        expected(sort, (record) => status.includes(record.status)),
      );
    },
  );

  const filters: [string, Omit<CaseQuery, 'sort' | 'limit'>, (record: CaseRecord) => boolean][] = [
    ['a category', { category: 'online_hate' }, (r) => r.category === 'online_hate'],
    [
      'severities, none among them',
      { severity: ['critical', null] },
      (r) => r.severity === 'critical' || r.severity === null,
    ],
    [
      'TLP labels',
      { tlp: ['RED', 'AMBER+STRICT'] },
      (r) => ['RED', 'AMBER+STRICT'].includes(r.tlp),
    ],
    ['unassigned', { assigneeId: null }, (r) => r.assigneeId === null],
    ['an assignee', { assigneeId: 'user-1' }, (r) => r.assigneeId === 'user-1'],
    ['a country', { country: 'FR' }, (r) => r.country === 'FR'],
    [
      'overdue',
      { overdueAt: new Date(BASE + 4 * HOUR) },
      (r) =>
        r.slaDueAt !== null &&
        r.slaDueAt.getTime() < BASE + 4 * HOUR &&
        !['resolved', 'closed', 'rejected', 'duplicate'].includes(r.status),
    ],
    [
      'overdue in chosen states',
      { overdueAt: new Date(BASE + 6 * HOUR), status: ['triaged', 'closed'] },
      (r) => r.status === 'triaged' && r.slaDueAt!.getTime() < BASE + 6 * HOUR,
    ],
    [
      'a creation range',
      { createdFrom: new Date(BASE - 5 * HOUR), createdTo: new Date(BASE - HOUR) },
      (r) => r.createdAt.getTime() >= BASE - 5 * HOUR && r.createdAt.getTime() < BASE - HOUR,
    ],
    ['a tag', { tag: 'election' }, (r) => r.tags.includes('election')],
    ['unread reporter messages', { unreadOnly: true }, (r) => r.unreadFromReporter > 0],
    [
      'free text, all words required, any case',
      { text: 'EXTORTION telegram' },
      (r) => /extortion/.test(JSON.stringify(r.body)) && /Telegram/.test(JSON.stringify(r.body)),
    ],
    ['free text in a handle', { text: 'handle' }, (r) => JSON.stringify(r.body).includes('HANDLE')],
    ['free text with only punctuation', { text: '"*()' }, () => false],
    [
      'several filters at once',
      { status: ['new', 'triaged', 'investigating'], country: 'DE', tag: 'election' },
      (r) =>
        ['new', 'triaged', 'investigating'].includes(r.status) &&
        r.country === 'DE' &&
        r.tags.includes('election'),
    ],
  ];

  it.each(filters)(
    'when filtering by %s, then exactly the matching cases appear',
    async (_name, filter, keep) => {
      const want = expected('priority', keep);
      expect(await allPages({ ...filter, sort: 'priority' })).toEqual(want);
      if (filter.text !== undefined && filter.text !== '"*()')
        expect(want.length).toBeGreaterThan(0);
    },
  );

  // A tag or free text drives the query from its own index (on SQLite); every order must page alike.
  const tagOrText: [string, Omit<CaseQuery, 'sort' | 'limit'>, (record: CaseRecord) => boolean][] =
    [
      ['a tag', { tag: 'election' }, (r) => r.tags.includes('election')],
      [
        'a tag in several states',
        { tag: 'election', status: ['new', 'triaged', 'closed'] },
        (r) => r.tags.includes('election') && ['new', 'triaged', 'closed'].includes(r.status),
      ],
      [
        'a tag, overdue',
        { tag: 'election', overdueAt: new Date(BASE + 6 * HOUR) },
        (r) =>
          r.tags.includes('election') &&
          r.slaDueAt !== null &&
          r.slaDueAt.getTime() < BASE + 6 * HOUR &&
          !['closed', 'rejected'].includes(r.status),
      ],
      ['free text', { text: 'forum' }, () => true],
      [
        'free text in several states, with a tag',
        { text: 'report', status: ['new', 'triaged', 'closed'], tag: 'election' },
        (r) => r.tags.includes('election') && ['new', 'triaged', 'closed'].includes(r.status),
      ],
      [
        'free text and a creation range',
        { text: 'forum', createdFrom: new Date(BASE - 9 * HOUR), createdTo: new Date(BASE) },
        (r) => r.createdAt.getTime() >= BASE - 9 * HOUR && r.createdAt.getTime() < BASE,
      ],
    ];

  it.each(
    (['priority', 'newest', 'oldest', 'slaDue'] as const).flatMap((sort) =>
      tagOrText.map(([name, filter, keep]) => [sort, name, filter, keep] as const),
    ),
  )(
    'when paging by %s a query on %s, then exactly its cases appear, in order, across ties',
    async (sort, _name, filter, keep) => {
      const want = expected(sort, keep);
      expect(want.length).toBeGreaterThan(1);
      expect(await allPages({ ...filter, sort })).toEqual(want);
    },
  );

  it('when counting per status, then the counts follow the filters but not the status', async () => {
    const tally = (keep: (record: CaseRecord) => boolean) => {
      const counts: Record<string, number> = {};
      for (const record of cases.filter(keep))
        counts[record.status] = (counts[record.status] ?? 0) + 1;
      return counts;
    };
    expect(await storage.cases.countByStatus({})).toEqual(tally(() => true));
    expect(await storage.cases.countByStatus({ country: 'FR', tag: 'election' })).toEqual(
      tally((r) => r.country === 'FR' && r.tags.includes('election')),
    );
    expect(await storage.cases.countByStatus({ overdueAt: new Date(BASE + 4 * HOUR) })).toEqual(
      tally(
        (r) =>
          r.slaDueAt !== null &&
          r.slaDueAt.getTime() < BASE + 4 * HOUR &&
          !['closed', 'rejected'].includes(r.status),
      ),
    );
  });

  it('when a cursor of another order is given, then listing is refused as invalid', async () => {
    const page = await storage.cases.list({ sort: 'newest', limit: 2 });
    await expect(
      storage.cases.list({ sort: 'priority', limit: 2, cursor: page.nextCursor! }),
    ).rejects.toBeInstanceOf(ValidationError);
  });

  it('when searching part of a word (MongoDB-only: needs a real text index, FerretDB has none), then nothing matches', async () => {
    if (!(await hasTextIndexes(database))) return;
    expect(await allPages({ sort: 'newest', text: 'phish' })).toEqual([]);
    expect((await allPages({ sort: 'newest', text: 'phishing' })).length).toBeGreaterThan(0);
  });
});
