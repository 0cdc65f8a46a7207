import type { FilterQuery, Model } from 'mongoose';
import { decodeCursor, toPage } from '../cursor';
import { userChanges } from '../patch';
import type {
  AuditDraft,
  JsonObject,
  NewUser,
  Page,
  UserPatch,
  UserRecord,
  UserStore,
} from '../types';
import { keysetAfter } from './keyset';
import type { UserDoc } from './models';
import {
  auditSource,
  pendingEntry,
  type AuditSource,
  type MongoAuditStore,
} from './MongoAuditStore';
import { updateVersioned } from './versioned';
import { asJson, translateDuplicate, type WriteGate } from './writes';

export class MongoUserStore implements UserStore {
  readonly auditSource: AuditSource;

  constructor(
    private readonly model: Model<UserDoc>,
    private readonly audit: MongoAuditStore,
    private readonly gate: WriteGate,
  ) {
    this.auditSource = auditSource(model, gate);
  }

  async insert(record: NewUser, audit: AuditDraft): Promise<UserRecord> {
    const entry = pendingEntry(audit);
    const doc: UserDoc = {
      _id: record.id,
      username: record.username,
      displayName: record.displayName,
      roles: [...record.roles],
      disabled: record.disabled,
      createdAt: record.createdAt,
      updatedAt: record.createdAt,
      version: 1,
      body: asJson(record.body),
      pendingAudit: [entry],
    };
    await translateDuplicate(() => this.model.create(doc));
    await this.audit.settle(this.auditSource, doc._id, [entry]);
    return toRecord(doc);
  }

  async get(id: string): Promise<UserRecord | null> {
    return this.findOne({ _id: id });
  }

  async getByUsername(username: string): Promise<UserRecord | null> {
    return this.findOne({ username });
  }

  async update(
    id: string,
    expectedVersion: number,
    patch: UserPatch,
    audit: AuditDraft,
  ): Promise<UserRecord> {
    const changes = userChanges(patch);
    if (changes.body !== undefined) changes.body = asJson(changes.body);
    const entry = pendingEntry(audit);
    const doc = await translateDuplicate(() =>
      updateVersioned(this.model, this.gate, id, expectedVersion, changes, entry),
    );
    await this.audit.settle(this.auditSource, id, doc.pendingAudit ?? []);
    return toRecord(doc);
  }

  async countWithRole(role: string): Promise<number> {
    return this.model.countDocuments({ roles: role, disabled: false });
  }

  async list(query: { limit: number; cursor?: string }): Promise<Page<UserRecord>> {
    const filter = query.cursor ? keysetAfter(decodeCursor(query.cursor), 1) : {};
    const docs = await this.model
      .find(filter)
      .sort({ createdAt: 1, _id: 1 })
      .limit(query.limit + 1)
      .lean<UserDoc[]>();
    return toPage(docs.map(toRecord), query.limit);
  }

  private async findOne(filter: FilterQuery<UserDoc>): Promise<UserRecord | null> {
    const doc = await this.model.findOne(filter).lean<UserDoc>();
    return doc ? toRecord(doc) : null;
  }
}

/** The record exactly as `types.ts` has it: no `_id`, no `pendingAudit`. */
function toRecord(doc: UserDoc): UserRecord {
  return {
    id: doc._id,
    username: doc.username,
    displayName: doc.displayName,
    roles: doc.roles,
    disabled: doc.disabled,
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
    version: doc.version,
    body: doc.body as JsonObject,
  };
}
