import { trusted, type Model, type UpdateQuery } from 'mongoose';
import type { AuditDraft, JsonValue, SettingsStore } from '../types';
import type { SettingDoc } from './models';
import {
  auditSource,
  pendingEntry,
  type AuditSource,
  type MongoAuditStore,
} from './MongoAuditStore';
import { asJson, isDuplicateKey, type WriteGate } from './writes';

/**
 * Settings as one document per key. A delete cannot carry its audit entry inside a document it
 * removes, so it happens in two steps: first the document becomes a tombstone (`deleted`, no
 * value) carrying the entry, in one write, and reads treat it as absent from then on; once the
 * entry is in the log, the tombstone is removed, but only while it is still a tombstone with
 * nothing pending (a `put` in between revives it). If the process dies in between, the sweep
 * moves the entry and removes the tombstone.
 */
export class MongoSettingsStore implements SettingsStore {
  readonly auditSource: AuditSource;

  constructor(
    private readonly model: Model<SettingDoc>,
    private readonly audit: MongoAuditStore,
    private readonly gate: WriteGate,
  ) {
    this.auditSource = auditSource(model, gate, (key) => this.removeTombstone(key));
  }

  async get(key: string): Promise<JsonValue | null> {
    const doc = await this.model.findById(key).lean<SettingDoc>();
    return doc && !doc.deleted ? ((doc.value as JsonValue | undefined) ?? null) : null;
  }

  async put(key: string, value: JsonValue, audit?: AuditDraft): Promise<void> {
    await this.write(
      key,
      { $set: { value: asJson(value), updatedAt: new Date() }, $unset: { deleted: 1 } },
      audit,
      true,
    );
  }

  /**
   * One upsert that matches only a tombstone (the one kind of document without a value) and
   * otherwise inserts: when the key has a value, the insert is refused by the unique `_id` and
   * nothing, entry included, is written. The filter names `deleted` by `$exists`, not by value,
   * so that an upsert does not copy it into the document it creates.
   */
  async putIfAbsent(key: string, value: JsonValue, audit?: AuditDraft): Promise<boolean> {
    const entry = audit ? pendingEntry(audit) : undefined;
    const update: UpdateQuery<SettingDoc> = {
      $set: { value: asJson(value), updatedAt: new Date() },
      $unset: { deleted: 1 },
    };
    if (entry) update.$push = { pendingAudit: entry };
    let doc: SettingDoc | null;
    try {
      doc = await this.gate.run(() =>
        this.model
          .findOneAndUpdate({ _id: key, deleted: trusted({ $exists: true }) }, update, {
            upsert: true,
            returnDocument: 'after',
            runValidators: true,
          })
          .lean<SettingDoc>()
          .exec(),
      );
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
    if (doc) await this.audit.settle(this.auditSource, key, doc.pendingAudit ?? []);
    return true;
  }

  async delete(key: string, audit?: AuditDraft): Promise<void> {
    await this.write(
      key,
      { $set: { deleted: true, updatedAt: new Date() }, $unset: { value: 1 } },
      audit,
      false,
    );
  }

  /**
   * Applies `update` and pushes the audit entry, if any, in one write; then settles the entry.
   * A missing document is created if `createIfMissing`, or to carry an entry.
   */
  private async write(
    key: string,
    update: UpdateQuery<SettingDoc>,
    audit: AuditDraft | undefined,
    createIfMissing: boolean,
  ): Promise<void> {
    const entry = audit ? pendingEntry(audit) : undefined;
    if (entry) update.$push = { pendingAudit: entry };
    const upsert = createIfMissing || entry !== undefined;
    const doc = await this.gate.run(() =>
      this.model
        .findOneAndUpdate({ _id: key }, update, {
          upsert,
          returnDocument: 'after',
          runValidators: true,
        })
        .lean<SettingDoc>()
        .exec(),
    );
    if (doc) await this.audit.settle(this.auditSource, key, doc.pendingAudit ?? []);
  }

  private async removeTombstone(key: string): Promise<void> {
    await this.gate.run(() =>
      this.model
        .deleteOne({ _id: key, deleted: true, 'pendingAudit.0': trusted({ $exists: false }) })
        .exec(),
    );
  }
}
