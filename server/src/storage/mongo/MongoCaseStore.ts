import { trusted, type FilterQuery, type Model } from 'mongoose';
import { CASE_STATUSES, CLOSED_STATUSES, DEFAULT_TLP } from '@haven/shared';
import { decodeCursor, toPage } from '../cursor';
import { caseChanges } from '../patch';
import {
  NO_SLA,
  searchTerms,
  searchTextOf,
  severityRank,
  slaFromKey,
  slaKey,
  sortKeyCount,
  sortKeys,
} from '../queue';
import type {
  AuditDraft,
  CaseFilter,
  CasePatch,
  CaseQuery,
  CaseRecord,
  CaseSort,
  CaseStore,
  JsonObject,
  NewCase,
  Page,
} from '../types';
import { daysBetween, storedTargets } from '../stats';
import { keysetAfter, type KeyField } from './keyset';
import type { CaseDoc } from './models';
import {
  auditSource,
  pendingEntry,
  type AuditSource,
  type MongoAuditStore,
} from './MongoAuditStore';
import { updateVersioned } from './versioned';
import { asJson, translateDuplicate, type WriteGate } from './writes';

/** The fields of each order (before `_id`) and its direction, as on SQLite. */
const ORDERS: Record<CaseSort, { fields: KeyField[]; direction: 1 | -1 }> = {
  priority: {
    fields: [
      { name: 'severityRank', date: false },
      { name: 'slaDueAt', date: true },
      { name: 'createdAt', date: true },
    ],
    direction: 1,
  },
  newest: { fields: [{ name: 'createdAt', date: true }], direction: -1 },
  oldest: { fields: [{ name: 'createdAt', date: true }], direction: 1 },
  slaDue: { fields: [{ name: 'slaDueAt', date: true }], direction: 1 },
};

export class MongoCaseStore implements CaseStore {
  readonly auditSource: AuditSource;

  /**
   * `textIndex`: whether the server has text indexes. FerretDB v1 has none; there the free-text
   * filter is a case-insensitive regex per word over `searchText`, a scan that matches inside
   * words too. Fine for development and tests, which is what FerretDB is for here.
   */
  constructor(
    private readonly model: Model<CaseDoc>,
    private readonly audit: MongoAuditStore,
    private readonly gate: WriteGate,
    private readonly textIndex: boolean,
  ) {
    this.auditSource = auditSource(model, gate);
  }

  async insert(record: NewCase, audit: AuditDraft): Promise<CaseRecord> {
    const entry = pendingEntry(audit);
    const doc = toDoc(record);
    doc.pendingAudit = [entry];
    await translateDuplicate(() => this.model.create(doc));
    await this.audit.settle(this.auditSource, doc._id, [entry]);
    return toRecord(doc);
  }

  /**
   * One `insertMany`, in order; the batch's one audit entry travels inside its first document,
   * so it is recorded exactly when that document is.
   */
  async insertMany(records: NewCase[], audit: AuditDraft): Promise<number> {
    if (records.length === 0) return 0;
    const entry = pendingEntry(audit);
    const docs = records.map(toDoc);
    docs[0]!.pendingAudit = [entry];
    try {
      await translateDuplicate(() =>
        this.model.collection.insertMany(docs as never[], { ordered: true }),
      );
    } finally {
      // The first document may be in even if a later one clashed: settle whatever landed.
      const first = await this.model.findById(docs[0]!._id).select({ pendingAudit: 1 }).lean();
      if (first?.pendingAudit?.length) {
        await this.audit.settle(this.auditSource, docs[0]!._id, first.pendingAudit);
      }
    }
    return docs.length;
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
    const { slaDueAt, ...rest } = caseChanges(patch);
    const changes: Partial<CaseDoc> = { ...rest } as Partial<CaseDoc>;
    if (rest.triagedAt !== undefined || rest.resolvedAt !== undefined) {
      // The days count from the creation time, which never changes: safe to read before writing.
      const created = await this.model.findById(id).select({ createdAt: 1 }).lean<CaseDoc>();
      if (created && rest.triagedAt !== undefined) {
        changes.triageDays = daysBetween(created.createdAt, rest.triagedAt);
      }
      if (created && rest.resolvedAt !== undefined) {
        changes.resolutionDays = daysBetween(created.createdAt, rest.resolvedAt);
      }
    }
    if (rest.body !== undefined) {
      changes.body = asJson(rest.body);
      changes.searchText = searchTextOf(rest.body);
    }
    if (rest.severity !== undefined) changes.severityRank = severityRank(rest.severity);
    if (slaDueAt !== undefined) changes.slaDueAt = new Date(slaKey(slaDueAt));
    const entry = pendingEntry(audit);
    const doc = await updateVersioned(this.model, this.gate, id, expectedVersion, changes, entry);
    await this.audit.settle(this.auditSource, id, doc.pendingAudit ?? []);
    return toRecord(doc);
  }

  async list(query: CaseQuery): Promise<Page<CaseRecord>> {
    const clauses = this.conditions(query);
    const order = ORDERS[query.sort];
    if (query.cursor) {
      const position = decodeCursor(query.cursor, sortKeyCount(query.sort));
      clauses.push(keysetAfter(position, order.direction, order.fields));
    }
    const sort: Record<string, 1 | -1> = {};
    for (const field of order.fields) sort[field.name] = order.direction;
    sort._id = order.direction;
    const docs = await this.model
      .find(combine(clauses))
      .sort(sort)
      .limit(query.limit + 1)
      .lean<CaseDoc[]>();
    return toPage(docs.map(toRecord), query.limit, (record) => sortKeys(record, query.sort));
  }

  async countByStatus(filter: Omit<CaseFilter, 'status'>): Promise<Record<string, number>> {
    const rows = await this.model.aggregate<{ _id: string; count: number }>([
      { $match: combine(this.conditions(filter)) },
      { $group: { _id: '$status', count: { $sum: 1 } } },
    ]);
    return Object.fromEntries(rows.map((row) => [row._id, row.count]));
  }

  async listSharingBlindIndexes(
    keys: string[],
    options: { excludeId: string; statuses?: string[]; limit: number },
  ): Promise<CaseRecord[]> {
    // A limit of 0 would mean none to MongoDB.
    if (keys.length === 0 || options.limit < 1) return [];
    const clauses: FilterQuery<CaseDoc>[] = [
      { blindIndexes: trusted({ $in: keys }) },
      { _id: trusted({ $ne: options.excludeId }) },
    ];
    if (options.statuses) clauses.push({ status: trusted({ $in: options.statuses }) });
    const docs = await this.model
      .find(combine(clauses))
      .sort({ createdAt: -1, _id: -1 })
      .limit(options.limit)
      .lean<CaseDoc[]>();
    return docs.map(toRecord);
  }

  private conditions(filter: CaseFilter): FilterQuery<CaseDoc>[] {
    const clauses: FilterQuery<CaseDoc>[] = [];
    const statuses =
      filter.overdueAt === undefined
        ? filter.status
        : (filter.status ?? [...CASE_STATUSES]).filter(
            (status) => !(CLOSED_STATUSES as readonly string[]).includes(status),
          );
    if (statuses) clauses.push({ status: trusted({ $in: statuses }) });
    if (filter.category !== undefined) clauses.push({ category: filter.category });
    if (filter.severity) {
      clauses.push({
        severityRank: trusted({ $in: [...new Set(filter.severity.map(severityRank))] }),
      });
    }
    if (filter.tlp) clauses.push({ tlp: trusted({ $in: filter.tlp }) });
    if (filter.assigneeId !== undefined) clauses.push({ assigneeId: filter.assigneeId });
    if (filter.country !== undefined) clauses.push({ country: filter.country });
    if (filter.overdueAt !== undefined)
      clauses.push({ slaDueAt: trusted({ $lt: filter.overdueAt }) });
    if (filter.createdFrom !== undefined) {
      clauses.push({ createdAt: trusted({ $gte: filter.createdFrom }) });
    }
    if (filter.createdTo !== undefined) {
      clauses.push({ createdAt: trusted({ $lt: filter.createdTo }) });
    }
    if (filter.tag !== undefined) clauses.push({ tags: filter.tag });
    if (filter.unreadOnly) clauses.push({ unreadFromReporter: trusted({ $gt: 0 }) });
    if (filter.text !== undefined) {
      const terms = searchTerms(filter.text);
      if (terms.length === 0) clauses.push({ _id: trusted({ $in: [] }) });
      else if (this.textIndex) {
        // Each word quoted: all are required, none is read as an operator.
        const search = terms.map((term) => `"${term}"`).join(' ');
        clauses.push({ $text: trusted({ $search: search, $caseSensitive: false }) });
      } else {
        for (const term of terms) {
          clauses.push({ searchText: trusted({ $regex: escapeRegex(term), $options: 'i' }) });
        }
      }
    }
    return clauses;
  }

  private async findOne(filter: FilterQuery<CaseDoc>): Promise<CaseRecord | null> {
    const doc = await this.model.findOne(filter).lean<CaseDoc>();
    return doc ? toRecord(doc) : null;
  }
}

function combine(clauses: FilterQuery<CaseDoc>[]): FilterQuery<CaseDoc> {
  if (clauses.length === 0) return {};
  if (clauses.length === 1) return clauses[0]!;
  return { $and: clauses };
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function toDoc(record: NewCase): CaseDoc {
  const doc: CaseDoc = {
    _id: record.id,
    reference: record.reference,
    status: record.status,
    category: record.category,
    country: record.country,
    severity: record.severity,
    severityRank: severityRank(record.severity),
    assigneeId: record.assigneeId,
    tlp: record.tlp ?? DEFAULT_TLP,
    tags: record.tags ?? [],
    blindIndexes: record.blindIndexes ?? [],
    slaDueAt: new Date(slaKey(record.slaDueAt ?? null)),
    unreadFromReporter: record.unreadFromReporter ?? 0,
    searchText: searchTextOf(record.body),
    month: record.month,
    platform: record.platform ?? null,
    targets: storedTargets(record.targets ?? []),
    triagedAt: record.triagedAt ?? null,
    resolvedAt: record.resolvedAt ?? null,
    triageDays: daysBetween(record.createdAt, record.triagedAt ?? null),
    resolutionDays: daysBetween(record.createdAt, record.resolvedAt ?? null),
    createdAt: record.createdAt,
    updatedAt: record.createdAt,
    version: 1,
    body: asJson(record.body),
  };
  // No key, no field: a stored null would collide in the unique index.
  if (typeof record.idempotencyKey === 'string') doc.idempotencyKey = record.idempotencyKey;
  if (typeof record.receiptHash === 'string') doc.receiptHash = record.receiptHash;
  return doc;
}

/** The record exactly as `types.ts` has it: no `_id`, no engine fields. */
function toRecord(doc: CaseDoc): CaseRecord {
  return {
    id: doc._id,
    reference: doc.reference,
    status: doc.status,
    category: doc.category,
    country: doc.country ?? null,
    severity: doc.severity ?? null,
    assigneeId: doc.assigneeId ?? null,
    // Cases written before the queue fields existed have none of them.
    tlp: doc.tlp ?? DEFAULT_TLP,
    tags: doc.tags ?? [],
    blindIndexes: doc.blindIndexes ?? [],
    slaDueAt: slaFromKey(doc.slaDueAt?.getTime() ?? NO_SLA),
    unreadFromReporter: doc.unreadFromReporter ?? 0,
    month: doc.month,
    platform: doc.platform ?? null,
    targets: doc.targets ?? [],
    triagedAt: doc.triagedAt ?? null,
    resolvedAt: doc.resolvedAt ?? null,
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
    version: doc.version,
    idempotencyKey: doc.idempotencyKey ?? null,
    receiptHash: doc.receiptHash ?? null,
    body: doc.body as JsonObject,
  };
}
