import { trusted, type Model } from 'mongoose';
import { chainEntry, stampAudit, type StampedAudit } from '../auditChain';
import type { AuditDraft, AuditEntry, AuditStore, JsonObject } from '../types';
import type { AuditDoc, Audited, StoredAudit } from './models';
import { asJson, isDuplicateKey, type WriteGate } from './writes';

/**
 * Without multi-document transactions (FerretDB has none; a MongoDB deployment may lack them
 * too), a change and its audit entry are kept together like this:
 *
 * 1. The store stamps the entry (`stampAudit`: id and time) and writes it into the changed
 *    document's `pendingAudit` array in the same single-document write as the change. Either
 *    both are written or neither.
 * 2. It then moves the entry to `audit_log`: read the head, `chainEntry` after it, insert with
 *    `_id` = seq. A duplicate seq means another writer appended first: chain after the new head
 *    and try again. A duplicate `id` means the entry was already moved (by a sweep, or a move
 *    that crashed before step 3): nothing to insert.
 * 3. Finally it pulls the entry out of the document.
 *
 * A crash between 1 and 3 leaves the entry in its document; `sweep()` finishes the move, at
 * connect and before `list()` or `head()` read the log, so no reader of the log misses an entry
 * whose change was written, and no entry exists whose change was not.
 */
export class MongoAuditStore implements AuditStore {
  private readonly sources: AuditSource[] = [];

  constructor(private readonly log: Model<AuditDoc>) {}

  /** Registers a collection whose documents may carry pending entries, for `sweep()`. */
  watch(source: AuditSource): void {
    this.sources.push(source);
  }

  async append(draft: AuditDraft): Promise<AuditEntry> {
    // Nothing else changes, so there is nothing to keep the entry with: place it directly.
    return this.place(pendingEntry(draft));
  }

  async list(query: { afterSeq?: number; limit: number }): Promise<AuditEntry[]> {
    await this.sweep();
    if (query.limit <= 0) return [];
    const docs = await this.log
      .find({ _id: trusted({ $gt: query.afterSeq ?? 0 }) })
      .sort({ _id: 1 })
      .limit(query.limit)
      .lean<AuditDoc[]>();
    return docs.map(toEntry);
  }

  async head(): Promise<{ seq: number; hash: string } | null> {
    await this.sweep();
    return this.readHead();
  }

  /**
   * Moves one document's pending entries to the log, in the order they were written, each
   * pulled from the document once it is in the log.
   */
  async settle(source: AuditSource, id: string, pending: readonly StoredAudit[]): Promise<void> {
    for (const entry of pending) {
      await this.place(entry);
      await source.pull(id, entry);
    }
    await source.settled?.(id);
  }

  /** Moves every entry left pending (by a crash, or a writer still at work), oldest first. */
  async sweep(): Promise<void> {
    const waiting: { source: AuditSource; id: string; entry: StoredAudit }[] = [];
    for (const source of this.sources) {
      for (const doc of await source.findPending()) {
        for (const entry of doc.pendingAudit ?? []) waiting.push({ source, id: doc._id, entry });
      }
    }
    // A stable sort: entries of one document with the same time keep the order they were pushed.
    waiting.sort((a, b) => a.entry.at.getTime() - b.entry.at.getTime());
    const touched = new Map<string, { source: AuditSource; id: string }>();
    for (const { source, id, entry } of waiting) {
      await this.place(entry);
      await source.pull(id, entry);
      touched.set(`${source.name}\u0000${id}`, { source, id });
    }
    for (const { source, id } of touched.values()) await source.settled?.(id);
  }

  /** Puts a stamped entry at the end of the chain, once: see the class comment, step 2. */
  private async place(stamped: StoredAudit): Promise<AuditEntry> {
    for (let attempt = 1; ; attempt += 1) {
      const entry = chainEntry(await this.readHead(), stamped as StampedAudit);
      try {
        await this.log.create(toDoc(entry));
        return entry;
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
        const placed = await this.log.findOne({ id: stamped.id }).lean<AuditDoc>();
        if (placed) return toEntry(placed);
        if (attempt >= MAX_ATTEMPTS) {
          throw new Error(`Could not append to the audit log after ${attempt} attempts.`, {
            cause: error,
          });
        }
      }
    }
  }

  private async readHead(): Promise<{ seq: number; hash: string } | null> {
    const doc = await this.log
      .findOne()
      .sort({ _id: -1 })
      .select({ hash: 1 })
      .lean<Pick<AuditDoc, '_id' | 'hash'>>();
    return doc ? { seq: doc._id, hash: doc.hash } : null;
  }
}

/** Ample for writers racing on the head; reached only if the log keeps refusing the insert. */
const MAX_ATTEMPTS = 1000;

/** A collection whose documents carry pending audit entries. */
export interface AuditSource {
  readonly name: string;
  findPending(): Promise<{ _id: string; pendingAudit?: StoredAudit[] }[]>;
  /** Removes one entry, already in the log, from its document. */
  pull(id: string, entry: StoredAudit): Promise<void>;
  /** Called after a document's pending entries have been moved (also when it had none). */
  settled?(id: string): Promise<void>;
}

export function auditSource<D extends Audited & { _id: string }>(
  model: Model<D>,
  gate: WriteGate,
  settled?: (id: string) => Promise<void>,
): AuditSource {
  // The model's generic filter and update types do not resolve for an unresolved `D`; this is
  // the one place that talks to any audited collection, so it goes through one plain view.
  const plain = model as unknown as Model<Audited & { _id: string }>;
  return {
    name: model.collection.collectionName,
    findPending: () =>
      plain
        .find({ 'pendingAudit.id': trusted({ $type: 'string' }) })
        .select({ pendingAudit: 1 })
        .lean<{ _id: string; pendingAudit?: StoredAudit[] }[]>()
        .exec(),
    // The entry is matched whole, exactly as stored: FerretDB v1 ignores a `$pull` condition
    // such as `{ id }` that only names some of an element's fields.
    pull: async (id, entry) => {
      await gate.run(() => plain.updateOne({ _id: id }, { $pull: { pendingAudit: entry } }).exec());
    },
    ...(settled ? { settled } : {}),
  };
}

/**
 * A draft stamped and shaped as it is stored, so that the element pulled later and the entry
 * hashed now are exactly what reads back: JSON values as JSON carries them, absent fields absent.
 */
export function pendingEntry(draft: AuditDraft): StampedAudit {
  const stamped = stampAudit(draft);
  const entry: StampedAudit = {
    id: stamped.id,
    at: stamped.at,
    action: stamped.action,
    actorId: stamped.actorId ?? null,
  };
  if (stamped.subject) entry.subject = asJson(stamped.subject);
  if (stamped.details) entry.details = asJson(stamped.details);
  return entry;
}

function toDoc(entry: AuditEntry): AuditDoc {
  const doc: AuditDoc = {
    _id: entry.seq,
    id: entry.id,
    at: entry.at,
    action: entry.action,
    actorId: entry.actorId,
    prevHash: entry.prevHash,
    hash: entry.hash,
  };
  if (entry.subject) doc.subject = entry.subject;
  if (entry.details) doc.details = entry.details;
  return doc;
}

function toEntry(doc: AuditDoc): AuditEntry {
  const entry: AuditEntry = {
    seq: doc._id,
    id: doc.id,
    at: doc.at,
    action: doc.action,
    actorId: doc.actorId,
    prevHash: doc.prevHash,
    hash: doc.hash,
  };
  if (doc.subject) entry.subject = doc.subject;
  if (doc.details) entry.details = doc.details as JsonObject;
  return entry;
}
