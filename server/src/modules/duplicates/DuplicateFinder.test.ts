import { enginesUnderTest, type TestDatabase } from '../../../../test/support/engines';
import { aCase, anAudit } from '../../../../test/support/factories';
import type { NewCase, Storage } from '../../storage';
import { DuplicateFinder } from './DuplicateFinder';

const BASE = Date.UTC(2026, 0, 1);
const HOUR = 3_600_000;

describe('the duplicate finder', () => {
  let database: TestDatabase;
  let storage: Storage;
  let finder: DuplicateFinder;

  beforeEach(async () => {
    database = await enginesUnderTest()[0]!.fresh();
    storage = await database.open();
    finder = new DuplicateFinder(storage.cases);
  });
  afterEach(() => database.dispose());

  const store = (hoursAgo: number, keys: string[], overrides: Partial<NewCase> = {}) =>
    storage.cases.insert(
      aCase({ blindIndexes: keys, createdAt: new Date(BASE - hoursAgo * HOUR), ...overrides }),
      anAudit(),
    );

  it('when many cases share only an image, then a case sharing an address still comes first, and ten at most', async () => {
    const asking = await store(0, ['url:u', 'handle:h', 'image:0:i', 'image:1:j']);
    const exact = await store(48, ['url:u', 'image:1:j']);
    const lookAlikes = [];
    for (let hour = 1; hour <= 12; hour += 1) lookAlikes.push(await store(hour, ['image:0:i']));

    const candidates = await finder.candidatesFor(asking);

    expect(candidates).toHaveLength(10);
    expect(candidates[0]).toEqual({
      caseId: exact.id,
      reference: exact.reference,
      status: 'new',
      createdAt: exact.createdAt,
      shared: ['url', 'image'],
    });
    expect(candidates.slice(1).map((candidate) => candidate.caseId)).toEqual(
      lookAlikes.slice(0, 9).map((record) => record.id),
    );
    expect(candidates[1]!.shared).toEqual(['image']);
  });

  it('when the case has no blind indexes, then nothing is offered', async () => {
    await store(1, []);
    const asking = await store(0, []);

    expect(await finder.candidatesFor(asking)).toEqual([]);
  });

  it('when matching cases are resolved, closed, rejected or duplicates, then only the open ones are offered', async () => {
    const asking = await store(0, ['file:f']);
    const open = [];
    for (const status of ['new', 'triaged', 'investigating', 'escalated']) {
      open.push(await store(open.length + 1, ['file:f'], { status }));
    }
    for (const status of ['resolved', 'closed', 'rejected', 'duplicate']) {
      await store(1, ['file:f'], { status });
    }

    const candidates = await finder.candidatesFor(asking);

    expect(candidates.map((candidate) => candidate.caseId)).toEqual(open.map((item) => item.id));
  });
});
