import { trusted, type Model } from 'mongoose';
import type { AuditDraft, LoginAttempts, LoginAttemptStore } from '../types';
import type { LoginAttemptDoc } from './models';
import {
  auditSource,
  pendingEntry,
  type AuditSource,
  type MongoAuditStore,
} from './MongoAuditStore';
import { isDuplicateKey, type WriteGate } from './writes';

/** Ample for writers racing to start a window; reached only if the server keeps refusing. */
const MAX_ATTEMPTS = 100;

/** One document per account key; each failure is one single-document write with its entry. */
export class MongoLoginAttemptStore implements LoginAttemptStore {
  readonly auditSource: AuditSource;

  constructor(
    private readonly model: Model<LoginAttemptDoc>,
    private readonly audit: MongoAuditStore,
    private readonly gate: WriteGate,
  ) {
    this.auditSource = auditSource(model, gate);
  }

  /**
   * Counts in the current window if there is one; otherwise starts a window with an upsert that
   * matches only a stale window, so that when another writer has just started a fresh one, the
   * upsert's insert is refused by the unique `_id` and the count is retried in that window.
   */
  async recordFailure(
    key: string,
    at: Date,
    windowMs: number,
    audit: AuditDraft,
  ): Promise<LoginAttempts> {
    const entry = pendingEntry(audit);
    const cutoff = new Date(at.getTime() - windowMs);
    for (let attempt = 1; ; attempt += 1) {
      let doc = await this.gate.run(() =>
        this.model
          .findOneAndUpdate(
            { _id: key, windowStartedAt: trusted({ $gt: cutoff }) },
            { $inc: { count: 1 }, $max: { lastFailureAt: at }, $push: { pendingAudit: entry } },
            { returnDocument: 'after', runValidators: true },
          )
          .lean<LoginAttemptDoc>()
          .exec(),
      );
      if (!doc) {
        try {
          doc = await this.gate.run(() =>
            this.model
              .findOneAndUpdate(
                { _id: key, windowStartedAt: trusted({ $lte: cutoff }) },
                {
                  $set: { count: 1, windowStartedAt: at, lastFailureAt: at },
                  $push: { pendingAudit: entry },
                },
                { upsert: true, returnDocument: 'after', runValidators: true },
              )
              .lean<LoginAttemptDoc>()
              .exec(),
          );
        } catch (error) {
          if (!isDuplicateKey(error) || attempt >= MAX_ATTEMPTS) throw error;
          continue;
        }
      }
      if (!doc) throw new Error('The failed sign-in was not counted.');
      await this.audit.settle(this.auditSource, key, doc.pendingAudit ?? []);
      return toAttempts(doc);
    }
  }

  async get(key: string): Promise<LoginAttempts | null> {
    const doc = await this.model.findById(key).lean<LoginAttemptDoc>();
    return doc ? toAttempts(doc) : null;
  }

  async clear(key: string): Promise<void> {
    const removed = await this.gate.run(() =>
      this.model.deleteOne({ _id: key, 'pendingAudit.0': trusted({ $exists: false }) }).exec(),
    );
    // An entry still on its way to the log keeps the document; the count goes all the same.
    if (removed.deletedCount === 0) {
      await this.gate.run(() => this.model.updateOne({ _id: key }, { $set: { count: 0 } }).exec());
    }
  }

  async purgeStale(before: Date): Promise<number> {
    const result = await this.gate.run(() =>
      this.model
        .deleteMany({
          lastFailureAt: trusted({ $lt: before }),
          'pendingAudit.0': trusted({ $exists: false }),
        })
        .exec(),
    );
    return result.deletedCount;
  }
}

function toAttempts(doc: LoginAttemptDoc): LoginAttempts {
  return {
    key: doc._id,
    count: doc.count,
    windowStartedAt: doc.windowStartedAt,
    lastFailureAt: doc.lastFailureAt,
  };
}
