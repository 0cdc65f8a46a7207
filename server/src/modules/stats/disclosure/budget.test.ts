import { enginesUnderTest, type TestDatabase } from '../../../../../test/support/engines';
import { UnprocessableError } from '../../../errors';
import type { JsonValue } from '../../../storage';
import { PrivacyBudgetLedger, type BudgetStore } from './budget';

/** A store in memory that yields between every read and write, as a database would. */
function memoryStore(): BudgetStore {
  const values = new Map<string, JsonValue>();
  const turn = () => new Promise((resolve) => setImmediate(resolve));
  return {
    async get(key) {
      await turn();
      return values.get(key) ?? null;
    },
    async putIfAbsent(key, value) {
      await turn();
      if (values.has(key)) return false;
      values.set(key, value);
      return true;
    },
  };
}

const march = () => new Date('2026-03-31T23:59:59Z');

describe('privacy budget ledger', () => {
  it('when releases fit the budget, then each is recorded and the balance says what is left', async () => {
    const ledger = new PrivacyBudgetLedger(memoryStore(), march);
    expect(await ledger.spend('auditor-1', 0.4, 1)).toEqual({
      period: '2026-03',
      budget: 1,
      spent: 0.4,
      remaining: 0.6,
    });
    await ledger.spend('auditor-1', 0.6, 1);
    expect(await ledger.balance('auditor-1', 1)).toMatchObject({ spent: 1, remaining: 0 });
  });

  it('when a release would go past the budget, then it is refused, naming what is left, and nothing is spent', async () => {
    const ledger = new PrivacyBudgetLedger(memoryStore(), march);
    await ledger.spend('auditor-1', 0.7, 1);
    const refused = ledger.spend('auditor-1', 0.5, 1);
    await expect(refused).rejects.toBeInstanceOf(UnprocessableError);
    await expect(refused).rejects.toMatchObject({
      status: 422,
      code: 'privacy_budget_exhausted',
      detail: expect.stringContaining('only 0.3 of the budget of 1 for 2026-03 is left'),
    });
    expect(await ledger.balance('auditor-1', 1)).toMatchObject({ spent: 0.7, remaining: 0.3 });
  });

  it('when tenths are spent ten times, then the sum is exactly the budget and an eleventh is refused', async () => {
    const ledger = new PrivacyBudgetLedger(memoryStore(), march);
    for (let release = 0; release < 10; release++) await ledger.spend('auditor-1', 0.1, 1);
    expect(await ledger.balance('auditor-1', 1)).toMatchObject({ spent: 1, remaining: 0 });
    await expect(ledger.spend('auditor-1', 0.1, 1)).rejects.toMatchObject({
      code: 'privacy_budget_exhausted',
    });
  });

  it('when many releases were recorded, then the balance counts them all', async () => {
    const ledger = new PrivacyBudgetLedger(memoryStore(), march);
    for (let release = 0; release < 37; release++) await ledger.spend('auditor-1', 0.01, 1);
    expect(await ledger.balance('auditor-1', 1)).toMatchObject({ spent: 0.37 });
  });

  it('when another auditor or another month spends, then each has a budget of its own', async () => {
    const store = memoryStore();
    let now = march();
    const ledger = new PrivacyBudgetLedger(store, () => now);
    await ledger.spend('auditor-1', 1, 1);
    await expect(ledger.spend('auditor-2', 1, 1)).resolves.toMatchObject({ remaining: 0 });
    now = new Date('2026-04-01T00:00:00Z');
    expect(await ledger.balance('auditor-1', 1)).toEqual({
      period: '2026-04',
      budget: 1,
      spent: 0,
      remaining: 1,
    });
  });

  it('when releases race, then together they never spend past the budget', async () => {
    const store = memoryStore();
    const ledgers = [new PrivacyBudgetLedger(store, march), new PrivacyBudgetLedger(store, march)];
    const outcomes = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) => ledgers[i % 2]!.spend('auditor-1', 0.3, 1)),
    );
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(3);
    expect(await ledgers[0]!.balance('auditor-1', 1)).toMatchObject({ spent: 0.9 });
  });

  it('when epsilon is not a positive number, then nothing is spent', async () => {
    const ledger = new PrivacyBudgetLedger(memoryStore(), march);
    for (const bad of [0, -0.5, Number.NaN, Infinity]) {
      await expect(ledger.spend('auditor-1', bad, 1)).rejects.toMatchObject({
        code: 'invalid_epsilon',
      });
    }
    expect(await ledger.balance('auditor-1', 1)).toMatchObject({ spent: 0 });
  });
});

describe.each(enginesUnderTest())('privacy budget kept in the $name settings store', (engine) => {
  let database: TestDatabase;
  afterEach(() => database.dispose());

  it('when two server instances spend at once, then the budget holds across them', async () => {
    database = await engine.fresh();
    const [first, second] = [await database.open(), await database.open()];
    const ledgers = [first, second].map((s) => new PrivacyBudgetLedger(s.settings, march));
    const outcomes = await Promise.allSettled(
      Array.from({ length: 8 }, (_, i) => ledgers[i % 2]!.spend('auditor-1', 0.25, 1)),
    );
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(4);
    expect(await ledgers[1]!.balance('auditor-1', 1)).toMatchObject({ spent: 1, remaining: 0 });
  });
});
