import { chainEntry, GENESIS_HASH, stampAudit } from '../../storage/auditChain';
import type { AuditEntry, AuditStore } from '../../storage/types';
import {
  auditEntries,
  checkpointExtension,
  verifyChain,
  type ChainItem,
  type ChainReport,
} from './verifyChain';

function aChain(length: number): AuditEntry[] {
  const entries: AuditEntry[] = [];
  for (let index = 0; index < length; index += 1) {
    entries.push(
      chainEntry(entries.at(-1) ?? null, stampAudit({ action: `a${index}`, actorId: null })),
    );
  }
  return entries;
}

async function* streamOf(items: ChainItem[]): AsyncGenerator<ChainItem> {
  yield* items;
}

const at = (entries: AuditEntry[], seq: number) => entries[seq - 1]!;

describe('verifying a chain', () => {
  it('when the log is empty, then it verifies with the genesis hash as head', async () => {
    expect(await verifyChain(streamOf([]), { through: 0 })).toEqual({
      entries: 0,
      head: GENESIS_HASH,
      hashThrough: GENESIS_HASH,
    });
  });

  it('when every entry is in place, then it verifies and gives the hash at the position asked', async () => {
    const log = aChain(10);
    expect(await verifyChain(streamOf(log), { through: 4 })).toEqual({
      entries: 10,
      head: at(log, 10).hash,
      hashThrough: at(log, 4).hash,
    });
  });

  it('when an entry turns up twice, then the second is out_of_order', async () => {
    const log = aChain(4);
    const report = await verifyChain(streamOf([...log.slice(0, 3), at(log, 3), at(log, 4)]));
    expect(report).toMatchObject({ firstBrokenSeq: 3, reason: 'out_of_order' });
  });

  it('when a missing position turns up later in the stream, then it is out_of_order, not a gap', async () => {
    const log = aChain(5);
    const shuffled = [at(log, 1), at(log, 2), at(log, 4), at(log, 3), at(log, 5)];
    expect(await verifyChain(streamOf(shuffled))).toMatchObject({
      entries: 5,
      firstBrokenSeq: 3,
      reason: 'out_of_order',
    });
  });

  it('when an entry is edited, then the chain breaks there and the hash asked for past it is withheld', async () => {
    const log = aChain(6);
    log[2] = { ...at(log, 3), actorId: 'someone' };
    const report = await verifyChain(streamOf(log), { through: 5 });
    expect(report).toEqual({
      entries: 6,
      head: at(log, 6).hash,
      firstBrokenSeq: 3,
      reason: 'hash_mismatch',
    });
  });

  it('when an entry cannot be hashed, then it is unreadable', async () => {
    const log = aChain(3);
    log[1] = { ...at(log, 2), at: 'not a date' as unknown as Date };
    expect(await verifyChain(streamOf(log))).toMatchObject({
      firstBrokenSeq: 2,
      reason: 'unreadable',
    });
  });
});

describe('comparing with a checkpoint', () => {
  const report = (overrides: Partial<ChainReport>): ChainReport => ({
    entries: 10,
    head: 'h10',
    hashThrough: 'h8',
    ...overrides,
  });

  it('when the log holds the signed head at the signed length, then it extends it', () => {
    expect(checkpointExtension(report({}), { entries: 8, head: 'h8' })).toEqual({ extends: true });
  });

  it('when the log is shorter than the checkpoint, then it was truncated', () => {
    expect(
      checkpointExtension(report({ entries: 6, hashThrough: undefined }), {
        entries: 8,
        head: 'h8',
      }),
    ).toEqual({ extends: false, reason: 'truncated' });
  });

  it('when the entry at the signed length has another hash, then the log was rewritten', () => {
    expect(checkpointExtension(report({}), { entries: 8, head: 'other' })).toEqual({
      extends: false,
      reason: 'rewritten',
    });
  });

  it('when the chain breaks within the checkpoint, then it was rewritten, even if the head still matches', () => {
    const broken = report({ firstBrokenSeq: 8, reason: 'hash_mismatch' });
    expect(checkpointExtension(broken, { entries: 8, head: 'h8' })).toMatchObject({
      extends: false,
      reason: 'rewritten',
    });
  });

  it('when the chain breaks only after the checkpoint, then the log still extends it', () => {
    const broken = report({ firstBrokenSeq: 9, reason: 'gap' });
    expect(checkpointExtension(broken, { entries: 8, head: 'h8' })).toEqual({ extends: true });
  });
});

describe('streaming the log from a store', () => {
  /** A store over `log` whose reads fail whenever they would include one of `bad`. */
  function aStore(log: AuditEntry[], bad: number[], options: { down?: boolean } = {}) {
    const lists: { afterSeq: number; limit: number }[] = [];
    const store: Pick<AuditStore, 'list' | 'head'> = {
      async list({ afterSeq = 0, limit }) {
        lists.push({ afterSeq, limit });
        const page = log.filter((entry) => entry.seq > afterSeq).slice(0, limit);
        if (page.some((entry) => bad.includes(entry.seq))) throw new SyntaxError('bad JSON');
        return page;
      },
      async head() {
        if (options.down) throw new Error('connection refused');
        return { seq: log.length, hash: log.at(-1)!.hash };
      },
    };
    return { store: store as AuditStore, lists };
  }

  async function collect(source: AsyncIterable<ChainItem>): Promise<ChainItem[]> {
    const items: ChainItem[] = [];
    for await (const item of source) items.push(item);
    return items;
  }

  it('when the log spans several pages, then it is read page by page, each entry once', async () => {
    const log = aChain(7);
    const { store, lists } = aStore(log, []);
    expect(await collect(auditEntries(store, 3))).toEqual(log);
    expect(lists).toEqual([
      { afterSeq: 0, limit: 3 },
      { afterSeq: 3, limit: 3 },
      { afterSeq: 6, limit: 3 },
    ]);
  });

  it('when one entry cannot be read, then it is given as unreadable and the rest follow', async () => {
    const log = aChain(7);
    const { store } = aStore(log, [5]);
    const items = await collect(auditEntries(store, 3));
    expect(items).toEqual([...log.slice(0, 4), { unreadable: true, seq: 5 }, ...log.slice(5)]);
    expect(await verifyChain(streamOf(items))).toMatchObject({
      entries: 7,
      firstBrokenSeq: 5,
      reason: 'unreadable',
    });
  });

  it('when the engine does not answer, then the failure is thrown, not reported as tampering', async () => {
    const log = aChain(4);
    const { store } = aStore(log, [2], { down: true });
    await expect(collect(auditEntries(store, 3))).rejects.toThrow('bad JSON');
  });
});
