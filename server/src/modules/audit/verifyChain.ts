import type { ChainBreak, CheckpointFailure } from '@haven/shared';
import { entryHash, GENESIS_HASH } from '../../storage/auditChain';
import type { AuditEntry, AuditStore } from '../../storage/types';

/** An entry the store holds but could not read back (malformed in storage). */
export interface UnreadableEntry {
  unreadable: true;
  /** The position it was expected at. */
  seq: number;
}

export type ChainItem = AuditEntry | UnreadableEntry;

export interface ChainReport {
  /** Entries read. */
  entries: number;
  /** The stored hash of the last entry read; `GENESIS_HASH` for none. */
  head: string;
  firstBrokenSeq?: number;
  reason?: ChainBreak;
  /** The stored hash of entry `through`, when asked for and the chain holds up to it. */
  hashThrough?: string;
}

/**
 * Checks the log as it streams past, in constant memory: positions 1, 2, 3 … with none missing
 * or out of sequence, each entry's content giving its stored hash, each naming the hash of the
 * one before. Stops judging at the first break, which it names; reads on only to count, and to
 * tell an entry moved elsewhere in the log (`out_of_order`) from one edited in place.
 *
 * Pure: give it any sequence of entries, in the order the log holds them.
 */
export async function verifyChain(
  source: AsyncIterable<ChainItem>,
  options: { through?: number } = {},
): Promise<ChainReport> {
  let entries = 0;
  let head = GENESIS_HASH;
  let expectedSeq = 1;
  let previousHash = GENESIS_HASH;
  let hashThrough = options.through === 0 ? GENESIS_HASH : undefined;
  let broken: Break | undefined;

  for await (const item of source) {
    entries += 1;
    if (isUnreadable(item)) {
      broken ??= { seq: item.seq, reason: 'unreadable' };
      continue;
    }
    head = typeof item.hash === 'string' ? item.hash : head;
    if (broken) {
      if (belongsAt(broken, item)) broken = { seq: broken.seq, reason: 'out_of_order' };
      continue;
    }
    broken = checkEntry(item, expectedSeq, previousHash);
    if (broken) continue;
    if (item.seq === options.through) hashThrough = item.hash;
    expectedSeq += 1;
    previousHash = item.hash;
  }

  const report: ChainReport = { entries, head };
  if (broken) Object.assign(report, { firstBrokenSeq: broken.seq, reason: broken.reason });
  if (hashThrough !== undefined) report.hashThrough = hashThrough;
  return report;
}

interface Break {
  seq: number;
  reason: ChainBreak;
  /** For a break in place: the hash the entry that belongs here must name as its previous. */
  previousHash?: string;
}

function checkEntry(
  entry: AuditEntry,
  expectedSeq: number,
  previousHash: string,
): Break | undefined {
  if (!Number.isSafeInteger(entry.seq)) return { seq: expectedSeq, reason: 'unreadable' };
  if (entry.seq > expectedSeq) return { seq: expectedSeq, reason: 'gap' };
  if (entry.seq < expectedSeq) return { seq: entry.seq, reason: 'out_of_order' };
  const hash = hashOf(entry);
  if (hash === null) return { seq: entry.seq, reason: 'unreadable' };
  if (hash !== entry.hash) return { seq: entry.seq, reason: 'hash_mismatch', previousHash };
  if (entry.prevHash !== previousHash) {
    return { seq: entry.seq, reason: 'broken_link', previousHash };
  }
  return undefined;
}

/**
 * Whether `entry`, found after the break, is the one that belongs at the broken position: it
 * names the right previous hash and its content hashes right at that position. (A deleted
 * position can also turn up later, when the log is read out of sequence.)
 */
function belongsAt(broken: Break, entry: AuditEntry): boolean {
  if (broken.reason === 'gap') return entry.seq === broken.seq;
  if (broken.previousHash === undefined || entry.prevHash !== broken.previousHash) return false;
  return hashOf({ ...entry, seq: broken.seq }) === entry.hash;
}

/** The entry's hash recomputed from its content; `null` when its fields cannot be hashed. */
function hashOf(entry: Omit<AuditEntry, 'hash'>): string | null {
  try {
    return entryHash(entry);
  } catch {
    return null;
  }
}

function isUnreadable(item: ChainItem): item is UnreadableEntry {
  return 'unreadable' in item;
}

/**
 * Whether the log still extends a checkpoint of `entries` entries ending in `head`: it holds at
 * least that many, intact up to there, and entry `entries` still has that hash.
 */
export function checkpointExtension(
  report: ChainReport,
  checkpoint: { entries: number; head: string },
): { extends: boolean; reason?: CheckpointFailure } {
  if (report.firstBrokenSeq !== undefined && report.firstBrokenSeq <= checkpoint.entries) {
    return { extends: false, reason: 'rewritten' };
  }
  if (report.entries < checkpoint.entries) return { extends: false, reason: 'truncated' };
  if (report.hashThrough !== checkpoint.head) return { extends: false, reason: 'rewritten' };
  return { extends: true };
}

/** The verifier's default page: large enough to be quick, small enough to stream. */
export const VERIFY_PAGE_SIZE = 1_000;

/**
 * The whole log, page by page, in order. An entry the store cannot read back is given as an
 * `UnreadableEntry` and passed over, so one malformed row does not hide the rest; a failure of
 * the engine itself is thrown.
 */
export async function* auditEntries(
  store: AuditStore,
  pageSize = VERIFY_PAGE_SIZE,
): AsyncGenerator<ChainItem> {
  let afterSeq = 0;
  for (;;) {
    const page = await store.list({ afterSeq, limit: pageSize }).catch(() => null);
    if (page === null) {
      // Something in this page cannot be read: go through it one entry at a time.
      for (let read = 0; read < pageSize; read += 1) {
        const one = await readOne(store, afterSeq);
        if (one === 'end') return;
        if (one === 'unreadable') {
          afterSeq += 1;
          yield { unreadable: true, seq: afterSeq };
        } else {
          yield one;
          afterSeq = nextAfter(afterSeq, one);
        }
      }
      continue;
    }
    for (const entry of page) {
      yield entry;
      afterSeq = nextAfter(afterSeq, entry);
    }
    if (page.length < pageSize) return;
  }
}

async function readOne(
  store: AuditStore,
  afterSeq: number,
): Promise<AuditEntry | 'end' | 'unreadable'> {
  try {
    return (await store.list({ afterSeq, limit: 1 }))[0] ?? 'end';
  } catch (error) {
    // The head is read without parsing any entry: if the engine answers that, the entry is at fault.
    await store.head().catch(() => {
      throw error;
    });
    return 'unreadable';
  }
}

function nextAfter(afterSeq: number, entry: AuditEntry): number {
  return Number.isSafeInteger(entry.seq) && entry.seq > afterSeq ? entry.seq : afterSeq;
}
