import { trusted, type Model } from 'mongoose';
import type { AuditDraft, NewSession, SessionRecord, SessionStore } from '../types';
import type { SessionDoc } from './models';
import {
  auditSource,
  pendingEntry,
  type AuditSource,
  type MongoAuditStore,
} from './MongoAuditStore';
import { translateDuplicate, type WriteGate } from './writes';

/** One document per refresh-token family; rotation is one conditional single-document write. */
export class MongoSessionStore implements SessionStore {
  readonly auditSource: AuditSource;

  constructor(
    private readonly model: Model<SessionDoc>,
    private readonly audit: MongoAuditStore,
    private readonly gate: WriteGate,
  ) {
    this.auditSource = auditSource(model, gate);
  }

  async create(record: NewSession, audit: AuditDraft): Promise<SessionRecord> {
    const entry = pendingEntry(audit);
    const doc: SessionDoc = {
      _id: record.id,
      userId: record.userId,
      userSessionVersion: record.userSessionVersion,
      tokenHash: record.tokenHash,
      generation: 0,
      createdAt: record.createdAt,
      lastUsedAt: record.createdAt,
      expiresAt: record.expiresAt,
      revokedAt: null,
      revokedReason: null,
      pendingAudit: [entry],
    };
    await translateDuplicate(() => this.model.create(doc));
    await this.audit.settle(this.auditSource, doc._id, [entry]);
    return toRecord(doc);
  }

  async get(id: string): Promise<SessionRecord | null> {
    const doc = await this.model.findById(id).lean<SessionDoc>();
    return doc ? toRecord(doc) : null;
  }

  async rotate(
    id: string,
    expectedHash: string,
    newHash: string,
    at: Date,
  ): Promise<SessionRecord | null> {
    const doc = await this.gate.run(() =>
      this.model
        .findOneAndUpdate(
          { _id: id, tokenHash: expectedHash, revokedAt: null },
          { $set: { tokenHash: newHash }, $inc: { generation: 1 }, $max: { lastUsedAt: at } },
          { returnDocument: 'after', runValidators: true },
        )
        .lean<SessionDoc>()
        .exec(),
    );
    return doc ? toRecord(doc) : null;
  }

  async touch(id: string, at: Date): Promise<void> {
    await this.gate.run(() =>
      this.model
        .updateOne({ _id: id, lastUsedAt: trusted({ $lt: at }) }, { $set: { lastUsedAt: at } })
        .exec(),
    );
  }

  async revoke(id: string, reason: string, at: Date, audit: AuditDraft): Promise<boolean> {
    const entry = pendingEntry(audit);
    const doc = await this.gate.run(() =>
      this.model
        .findOneAndUpdate(
          { _id: id, revokedAt: null },
          { $set: { revokedAt: at, revokedReason: reason }, $push: { pendingAudit: entry } },
          { returnDocument: 'after', runValidators: true },
        )
        .lean<SessionDoc>()
        .exec(),
    );
    if (!doc) return false;
    await this.audit.settle(this.auditSource, id, doc.pendingAudit ?? []);
    return true;
  }

  async revokeAllForUser(userId: string, reason: string, at: Date): Promise<number> {
    const result = await this.gate.run(() =>
      this.model
        .updateMany({ userId, revokedAt: null }, { $set: { revokedAt: at, revokedReason: reason } })
        .exec(),
    );
    return result.modifiedCount;
  }

  async purgeEnded(before: Date): Promise<number> {
    const result = await this.gate.run(() =>
      this.model
        .deleteMany({
          $or: [{ expiresAt: trusted({ $lt: before }) }, { revokedAt: trusted({ $lt: before }) }],
          // A document still carrying an audit entry keeps it until the entry is in the log.
          'pendingAudit.0': trusted({ $exists: false }),
        })
        .exec(),
    );
    return result.deletedCount;
  }
}

/** The record exactly as `types.ts` has it: no `_id`, no `pendingAudit`. */
function toRecord(doc: SessionDoc): SessionRecord {
  return {
    id: doc._id,
    userId: doc.userId,
    userSessionVersion: doc.userSessionVersion,
    tokenHash: doc.tokenHash,
    generation: doc.generation,
    createdAt: doc.createdAt,
    lastUsedAt: doc.lastUsedAt,
    expiresAt: doc.expiresAt,
    revokedAt: doc.revokedAt ?? null,
    revokedReason: doc.revokedReason ?? null,
  };
}
