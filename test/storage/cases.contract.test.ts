import {
  ConflictError,
  NotFoundError,
  ValidationError,
  VersionConflictError,
} from '../../server/src/errors';
import type { CasePatch, Storage } from '../../server/src/storage/types';
import { enginesUnderTest, freshDatabaseEachTest } from '../support/engines';
import { aCase, anAudit } from '../support/factories';

describe.each(enginesUnderTest())('cases on the $name engine', (engine) => {
  const db = freshDatabaseEachTest(engine);

  it('when a case is inserted, then it reads back identical by id, reference and idempotency key', async () => {
    const record = aCase({
      idempotencyKey: 'key-hash-1',
      severity: 'high',
      body: { text: 'عربى 中文 ✓', list: [1, 'two', null, { deep: [] }], empty: {} },
    });
    const stored = await db.storage.cases.insert(record, anAudit());

    expect(stored).toEqual({ ...record, version: 1, updatedAt: record.createdAt });
    expect(await db.storage.cases.get(record.id)).toEqual(stored);
    expect(await db.storage.cases.getByReference(record.reference)).toEqual(stored);
    expect(await db.storage.cases.getByIdempotencyKey('key-hash-1')).toEqual(stored);
  });

  it('when nothing matches, then lookups answer null', async () => {
    expect(await db.storage.cases.get('no-such-id')).toBeNull();
    expect(await db.storage.cases.getByReference('HV-NONE')).toBeNull();
    expect(await db.storage.cases.getByIdempotencyKey('no-such-key')).toBeNull();
    expect(await db.storage.cases.getByReceiptHash('no-such-hash')).toBeNull();
  });

  it('when a case has a receipt hash, then it reads back with it and is found by it', async () => {
    const record = aCase({ receiptHash: 'receipt-hash-1' });
    const stored = await db.storage.cases.insert(record, anAudit());

    expect(stored.receiptHash).toBe('receipt-hash-1');
    expect(await db.storage.cases.get(record.id)).toEqual(stored);
    expect(await db.storage.cases.getByReceiptHash('receipt-hash-1')).toEqual(stored);
  });

  it('when a receipt hash is taken, then the insert is refused and writes nothing, not even an audit entry', async () => {
    const first = await db.storage.cases.insert(aCase({ receiptHash: 'same' }), anAudit());
    const clash = aCase({ receiptHash: 'same' });

    await expect(db.storage.cases.insert(clash, anAudit())).rejects.toBeInstanceOf(ConflictError);
    expect(await db.storage.cases.get(clash.id)).toBeNull();
    expect(await db.storage.cases.getByReceiptHash('same')).toEqual(first);
    expect(await db.storage.audit.list({ limit: 10 })).toHaveLength(1);
  });

  it('when cases have no receipt hash, then they never clash and none is found by one', async () => {
    await db.storage.cases.insert(aCase({ receiptHash: null }), anAudit());
    await db.storage.cases.insert(aCase({ receiptHash: null }), anAudit());

    expect((await db.storage.cases.list({ sort: 'newest', limit: 10 })).items).toHaveLength(2);
    expect(await db.storage.cases.getByReceiptHash('')).toBeNull();
    // A lookup with something other than a string (a JSON `null` let through) finds nothing.
    expect(await db.storage.cases.getByReceiptHash(null as unknown as string)).toBeNull();
  });

  it('when a reference is taken, then the insert is refused and writes nothing', async () => {
    const first = await db.storage.cases.insert(aCase(), anAudit());
    const clash = aCase({ reference: first.reference });

    await expect(db.storage.cases.insert(clash, anAudit())).rejects.toBeInstanceOf(ConflictError);
    expect(await db.storage.cases.get(clash.id)).toBeNull();
    expect(await db.storage.audit.list({ limit: 10 })).toHaveLength(1);
  });

  it('when an idempotency key is taken, then the insert is refused; cases without a key never clash', async () => {
    await db.storage.cases.insert(aCase({ idempotencyKey: 'same' }), anAudit());
    await expect(
      db.storage.cases.insert(aCase({ idempotencyKey: 'same' }), anAudit()),
    ).rejects.toBeInstanceOf(ConflictError);

    await db.storage.cases.insert(aCase({ idempotencyKey: null }), anAudit());
    await db.storage.cases.insert(aCase({ idempotencyKey: null }), anAudit());
    expect((await db.storage.cases.list({ sort: 'newest', limit: 10 })).items).toHaveLength(3);
  });

  it('when an update names the current version, then it applies the patch and bumps the version', async () => {
    const record = await db.storage.cases.insert(aCase(), anAudit());
    const updated = await db.storage.cases.update(
      record.id,
      1,
      { status: 'triaged', severity: 'critical', assigneeId: 'user-1', body: { changed: true } },
      anAudit({ action: 'case.triaged' }),
    );

    expect(updated).toMatchObject({
      status: 'triaged',
      severity: 'critical',
      assigneeId: 'user-1',
      version: 2,
    });
    expect(updated.body).toEqual({ changed: true });
    expect(updated.category).toBe(record.category);
    expect(updated.updatedAt.getTime()).toBeGreaterThanOrEqual(record.createdAt.getTime());
    expect(await db.storage.cases.get(record.id)).toEqual(updated);
  });

  it('when a patch names fields that may not change, then they are ignored', async () => {
    const record = await db.storage.cases.insert(
      aCase({ receiptHash: 'kept', idempotencyKey: 'kept-too' }),
      anAudit(),
    );
    const sneaky = {
      status: 'triaged',
      reference: 'HV-OTHER',
      receiptHash: 'changed',
      idempotencyKey: 'changed',
      version: 40,
      createdAt: new Date(0),
    } as CasePatch;

    const updated = await db.storage.cases.update(record.id, 1, sneaky, anAudit());

    expect(updated).toEqual({
      ...record,
      status: 'triaged',
      version: 2,
      updatedAt: updated.updatedAt,
    });
    expect(await db.storage.cases.getByReceiptHash('kept')).toEqual(updated);
  });

  it('when an update names a stale version, then it is refused with 409 and nothing is written', async () => {
    const record = await db.storage.cases.insert(aCase(), anAudit());
    await db.storage.cases.update(record.id, 1, { status: 'triaged' }, anAudit());
    const before = await db.storage.cases.get(record.id);
    const entriesBefore = await db.storage.audit.list({ limit: 100 });

    const stale = db.storage.cases.update(record.id, 1, { status: 'rejected' }, anAudit());

    await expect(stale).rejects.toBeInstanceOf(VersionConflictError);
    await expect(stale).rejects.toMatchObject({ status: 409, currentVersion: 2 });
    expect(await db.storage.cases.get(record.id)).toEqual(before);
    expect(await db.storage.audit.list({ limit: 100 })).toEqual(entriesBefore);
  });

  it('when an update names an unknown case, then it is refused with 404', async () => {
    await expect(
      db.storage.cases.update('no-such-id', 1, { status: 'triaged' }, anAudit()),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it('when two writers update the same version at once, then exactly one wins', async () => {
    const record = await db.storage.cases.insert(aCase(), anAudit());
    const other = await db.database.open();

    const outcomes = await Promise.allSettled([
      db.storage.cases.update(record.id, 1, { status: 'triaged' }, anAudit({ action: 'first' })),
      other.cases.update(record.id, 1, { status: 'rejected' }, anAudit({ action: 'second' })),
    ]);

    const won = outcomes.filter((outcome) => outcome.status === 'fulfilled');
    const lost = outcomes.filter((outcome) => outcome.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect((lost[0] as PromiseRejectedResult).reason).toBeInstanceOf(VersionConflictError);
    const final = await db.storage.cases.get(record.id);
    expect(final?.version).toBe(2);
    expect(final?.status).toBe((won[0] as PromiseFulfilledResult<{ status: string }>).value.status);
    expect((await db.storage.audit.list({ limit: 10 })).map((entry) => entry.seq)).toEqual([1, 2]);
  });

  describe('listing', () => {
    const base = Date.UTC(2026, 0, 1);
    let inserted: Awaited<ReturnType<Storage['cases']['insert']>>[];

    beforeEach(async () => {
      inserted = [];
      for (let index = 0; index < 25; index += 1) {
        // Cases come in pairs sharing a timestamp, so ties must be broken by id.
        const createdAt = new Date(base + Math.floor(index / 2) * 60_000);
        const status = index % 3 === 0 ? 'triaged' : 'new';
        const assigneeId = index % 5 === 0 ? 'user-1' : null;
        inserted.push(
          await db.storage.cases.insert(aCase({ createdAt, status, assigneeId }), anAudit()),
        );
      }
    });

    async function allPages(query: Omit<Parameters<Storage['cases']['list']>[0], 'cursor'>) {
      const seen: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = await db.storage.cases.list({ ...query, ...(cursor ? { cursor } : {}) });
        expect(page.items.length).toBeLessThanOrEqual(query.limit);
        seen.push(...page.items.map((item) => item.id));
        cursor = page.nextCursor ?? undefined;
        pages += 1;
      } while (cursor && pages < 100);
      return { seen, pages };
    }

    const byCreated = (a: { createdAt: Date; id: string }, b: { createdAt: Date; id: string }) =>
      a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

    it('when paging newest first, then every case appears once, in order, and the last page has no cursor', async () => {
      const { seen, pages } = await allPages({ sort: 'newest', limit: 10 });
      expect(seen).toEqual(
        [...inserted]
          .sort(byCreated)
          .reverse()
          .map((item) => item.id),
      );
      expect(pages).toBe(3);
    });

    it('when paging oldest first with a status filter, then only matching cases appear, in order', async () => {
      const { seen } = await allPages({ sort: 'oldest', limit: 4, status: ['triaged'] });
      expect(seen).toEqual(
        inserted
          .filter((item) => item.status === 'triaged')
          .sort(byCreated)
          .map((item) => item.id),
      );
    });

    it('when filtering by assignee, then `null` means unassigned', async () => {
      const unassigned = await allPages({ sort: 'oldest', limit: 50, assigneeId: null });
      const mine = await allPages({ sort: 'oldest', limit: 50, assigneeId: 'user-1' });
      expect(unassigned.seen).toHaveLength(inserted.filter((item) => !item.assigneeId).length);
      expect(mine.seen).toHaveLength(
        inserted.filter((item) => item.assigneeId === 'user-1').length,
      );
    });

    it('when a cursor is forged, then listing is refused as invalid', async () => {
      await expect(
        db.storage.cases.list({ sort: 'newest', limit: 10, cursor: 'not-a-cursor' }),
      ).rejects.toBeInstanceOf(ValidationError);
    });
  });
});
