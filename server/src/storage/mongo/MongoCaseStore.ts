import { trusted, type FilterQuery, type Model } from 'mongoose';
import { decodeCursor, toPage } from '../cursor';
import { caseChanges } from '../patch';
import type {
  AuditDraft,
  CasePatch,
  CaseQuery,
  CaseRecord,
  CaseStore,
  JsonObject,
  NewCase,
  Page,
} from '../types';
import { keysetAfter } from './keyset';
import type { CaseDoc } from './models';
import {
  auditSource,
  pendingEntry,
  type AuditSource,
  type MongoAuditStore,
} from './MongoAuditStore';
import { updateVersioned } from './versioned';
import { asJson, translateDuplicate, type WriteGate } from './writes';

export class MongoCaseStore implements CaseStore {
  readonly auditSource: AuditSource;

  constructor(
    private readonly model: Model<CaseDoc>,
    private readonly audit: MongoAuditStore,
    private readonly gate: WriteGate,
  ) {
    this.auditSource = auditSource(model, gate);
  }

  async insert(record: NewCase, audit: AuditDraft): Promise<CaseRecord> {
    const entry = pendingEntry(audit);
    const doc: CaseDoc = {
      _id: record.id,
      reference: record.reference,
      status: record.status,
      category: record.category,
      country: record.country,
      severity: record.severity,
      assigneeId: record.assigneeId,
      month: record.month,
      createdAt: record.createdAt,
      updatedAt: record.createdAt,
      version: 1,
      body: asJson(record.body),
      pendingAudit: [entry],
    };
    // No key, no field: a stored null would collide in the unique index.
    if (typeof record.idempotencyKey === 'string') doc.idempotencyKey = record.idempotencyKey;
    if (typeof record.receiptHash === 'string') doc.receiptHash = record.receiptHash;
    await translateDuplicate(() => this.model.create(doc));
    await this.audit.settle(this.auditSource, doc._id, [entry]);
    return toRecord(doc);
  }

  async get(id: string): Promise<CaseRecord | null> {
    return this.findOne({ _id: id });
  }

  async getByReference(reference: string): Promise<CaseRecord | null> {
    return this.findOne({ reference });
  }

  async getByIdempotencyKey(key: string): Promise<CaseRecord | null> {
    // Cases without a key have no field, which a query for `null` would match.
    if (typeof key !== 'string') return null;
    return this.findOne({ idempotencyKey: key });
  }

  async getByReceiptHash(hash: string): Promise<CaseRecord | null> {
    // As for the idempotency key: cases without a receipt hash have no field.
    if (typeof hash !== 'string') return null;
    return this.findOne({ receiptHash: hash });
  }

  async update(
    id: string,
    expectedVersion: number,
    patch: CasePatch,
    audit: AuditDraft,
  ): Promise<CaseRecord> {
    const changes = caseChanges(patch);
    if (changes.body !== undefined) changes.body = asJson(changes.body);
    const entry = pendingEntry(audit);
    const doc = await updateVersioned(this.model, this.gate, id, expectedVersion, changes, entry);
    await this.audit.settle(this.auditSource, id, doc.pendingAudit ?? []);
    return toRecord(doc);
  }

  async list(query: CaseQuery): Promise<Page<CaseRecord>> {
    const filter: FilterQuery<CaseDoc> = {};
    if (query.status?.length) filter.status = trusted({ $in: query.status });
    if (query.category !== undefined) filter.category = query.category;
    if (query.assigneeId !== undefined) filter.assigneeId = query.assigneeId;
    const direction = query.sort === 'newest' ? -1 : 1;
    if (query.cursor) Object.assign(filter, keysetAfter(decodeCursor(query.cursor), direction));
    const docs = await this.model
      .find(filter)
      .sort({ createdAt: direction, _id: direction })
      .limit(query.limit + 1)
      .lean<CaseDoc[]>();
    return toPage(docs.map(toRecord), query.limit);
  }

  private async findOne(filter: FilterQuery<CaseDoc>): Promise<CaseRecord | null> {
    const doc = await this.model.findOne(filter).lean<CaseDoc>();
    return doc ? toRecord(doc) : null;
  }
}

/** The record exactly as `types.ts` has it: no `_id`, no `pendingAudit`. */
function toRecord(doc: CaseDoc): CaseRecord {
  return {
    id: doc._id,
    reference: doc.reference,
    status: doc.status,
    category: doc.category,
    country: doc.country ?? null,
    severity: doc.severity ?? null,
    assigneeId: doc.assigneeId ?? null,
    month: doc.month,
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
    version: doc.version,
    idempotencyKey: doc.idempotencyKey ?? null,
    receiptHash: doc.receiptHash ?? null,
    body: doc.body as JsonObject,
  };
}
