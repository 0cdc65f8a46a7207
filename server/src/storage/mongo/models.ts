import { Schema, type Connection, type Model, type SchemaOptions } from 'mongoose';
import type { StampedAudit } from '../auditChain';

/**
 * The documents as stored. `_id` is the record's id (the setting's key; the entry's `seq` in the
 * audit log). These types never leave the engine: the stores map them to the records of
 * `types.ts`.
 */

/**
 * JSON values as the documents type them. Mongoose's mapped types recurse without end on the
 * recursive `JsonObject`, so documents say less and the stores convert at the boundary.
 */
export type Json = Record<string, unknown>;

/** A stamped audit entry as stored inside a changed document. */
export type StoredAudit = Omit<StampedAudit, 'details'> & { details?: Json };

/** Engine fields of every document that carries audited changes. */
export interface Audited {
  /**
   * Audit entries written in the same single-document write as the change they record, waiting
   * to be moved to `audit_log` (see `MongoAuditStore`). Empty or absent once moved.
   */
  pendingAudit?: StoredAudit[];
}

export interface CaseDoc extends Audited {
  _id: string;
  reference: string;
  status: string;
  category: string;
  country: string | null;
  severity: string | null;
  assigneeId: string | null;
  /** Priority order of the severity: critical 0 … low 3, none 4 (see `queue.ts`). */
  severityRank: number;
  tlp: string;
  tags: string[];
  /** Absent on cases written before blind indexes existed. */
  blindIndexes?: string[];
  /** The largest date when there is no SLA, so that orders need no null handling. */
  slaDueAt: Date;
  unreadFromReporter: number;
  /** The strings of `body.text`, for the text index (or, on FerretDB, a regex scan). */
  searchText: string;
  month: string;
  /** Absent on cases written before statistics existed, as are the fields down to `createdAt`. */
  platform?: string | null;
  /** Distinct and sorted (`storedTargets`), so that equal sets group together. */
  targets?: string[];
  triagedAt?: Date | null;
  resolvedAt?: Date | null;
  /** Whole days from `createdAt` to `triagedAt` (`daysBetween`), for grouping in the engine. */
  triageDays?: number | null;
  /** Whole days from `createdAt` to `resolvedAt`. */
  resolutionDays?: number | null;
  createdAt: Date;
  updatedAt: Date;
  version: number;
  /** Absent rather than null when there is none, so that the unique index never sees it. */
  idempotencyKey?: string;
  /** Absent rather than null when there is none, as `idempotencyKey`. */
  receiptHash?: string;
  body: Json;
}

export interface EventDoc extends Audited {
  _id: string;
  caseId: string;
  at: Date;
  kind: string;
  actorId: string | null;
  reporterVisible: boolean;
  body: Json;
}

export interface UserDoc extends Audited {
  _id: string;
  username: string;
  displayName: string;
  roles: string[];
  disabled: boolean;
  createdAt: Date;
  updatedAt: Date;
  version: number;
  body: Json;
}

export interface SessionDoc extends Audited {
  _id: string;
  userId: string;
  userSessionVersion: number;
  tokenHash: string;
  generation: number;
  createdAt: Date;
  lastUsedAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
  revokedReason: string | null;
}

export interface LoginAttemptDoc extends Audited {
  /** The account key. */
  _id: string;
  count: number;
  windowStartedAt: Date;
  lastFailureAt: Date;
}

export interface SettingDoc extends Audited {
  _id: string;
  value?: unknown;
  updatedAt: Date;
  /** A deleted setting whose audit entries are still to be moved; reads treat it as absent. */
  deleted?: boolean;
}

export interface AuditDoc {
  /** The entry's `seq`: the unique `_id` is what keeps the chain linear between writers. */
  _id: number;
  id: string;
  at: Date;
  action: string;
  actorId: string | null;
  subject?: { type: string; id: string };
  details?: Json;
  prevHash: string;
  hash: string;
}

export interface Models {
  cases: Model<CaseDoc>;
  events: Model<EventDoc>;
  users: Model<UserDoc>;
  sessions: Model<SessionDoc>;
  loginAttempts: Model<LoginAttemptDoc>;
  settings: Model<SettingDoc>;
  auditLog: Model<AuditDoc>;
}

const options = {
  versionKey: false,
  // Keep empty objects: `body`, settings and audit details must round-trip exactly.
  minimize: false,
  id: false,
  // A field the schema does not know is a bug: refuse it instead of dropping it silently (a
  // dropped filter field would widen a query). Set per schema because mongoose 8 does not read
  // `strictQuery` from the connection.
  strict: 'throw',
  strictQuery: 'throw',
  // Indexes are created once at connect (`createIndexes`), not on first use.
  autoIndex: false,
  autoCreate: false,
} as const satisfies SchemaOptions;

const Mixed = Schema.Types.Mixed;
const code = { type: String, required: true };
const nullableCode = { type: String, default: null };
const pendingAudit = { type: [Mixed], default: undefined };

const caseSchema = new Schema<CaseDoc>(
  {
    _id: code,
    reference: code,
    status: code,
    category: code,
    country: nullableCode,
    severity: nullableCode,
    assigneeId: nullableCode,
    severityRank: { type: Number, required: true, min: 0 },
    tlp: code,
    tags: { type: [String], required: true },
    blindIndexes: { type: [String], default: undefined },
    slaDueAt: { type: Date, required: true },
    unreadFromReporter: { type: Number, required: true, min: 0 },
    searchText: { type: String, default: '' },
    month: { type: String, required: true, match: /^\d{4}-\d{2}$/ },
    platform: nullableCode,
    targets: { type: [String], default: undefined },
    triagedAt: { type: Date, default: null },
    resolvedAt: { type: Date, default: null },
    triageDays: { type: Number, default: null, min: 0 },
    resolutionDays: { type: Number, default: null, min: 0 },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    version: { type: Number, required: true, min: 1 },
    idempotencyKey: { type: String },
    receiptHash: { type: String },
    body: { type: Mixed, required: true },
    pendingAudit,
  },
  { ...options, collection: 'cases' },
);
caseSchema.index({ reference: 1 }, { unique: true });
// Sparse: documents without a key are left out, so "no key" never collides. (A partial index
// would say the same, but FerretDB v1 has no partial indexes.)
caseSchema.index({ idempotencyKey: 1 }, { unique: true, sparse: true });
caseSchema.index({ receiptHash: 1 }, { unique: true, sparse: true });
caseSchema.index({ createdAt: 1, _id: 1 });
caseSchema.index({ status: 1, createdAt: 1, _id: 1 });
// The triage queue: as on SQLite, every order has an index led by the status (MongoDB merges
// the ranges of a status `$in` in order), plus the common single filters.
caseSchema.index({ status: 1, severityRank: 1, slaDueAt: 1, createdAt: 1, _id: 1 });
caseSchema.index({ status: 1, slaDueAt: 1, _id: 1 });
caseSchema.index({ assigneeId: 1, createdAt: 1, _id: 1 });
caseSchema.index({ status: 1, assigneeId: 1, createdAt: 1, _id: 1 });
caseSchema.index({ category: 1, createdAt: 1, _id: 1 });
caseSchema.index({ country: 1, createdAt: 1, _id: 1 });
caseSchema.index({ tags: 1, createdAt: 1, _id: 1 });
caseSchema.index({ unreadFromReporter: 1, createdAt: 1, _id: 1 });
// Multikey: one entry per key, for the cases sharing one (duplicate suggestions).
caseSchema.index({ blindIndexes: 1 });
caseSchema.index({ 'pendingAudit.id': 1 });

const eventSchema = new Schema<EventDoc>(
  {
    _id: code,
    caseId: code,
    at: { type: Date, required: true },
    kind: code,
    actorId: nullableCode,
    reporterVisible: { type: Boolean, required: true },
    body: { type: Mixed, required: true },
    pendingAudit,
  },
  { ...options, collection: 'case_events' },
);
eventSchema.index({ caseId: 1, at: 1, _id: 1 });
eventSchema.index({ 'pendingAudit.id': 1 });

const userSchema = new Schema<UserDoc>(
  {
    _id: code,
    username: code,
    // May be empty, as on SQLite (mongoose's `required` refuses an empty string).
    displayName: { type: String },
    roles: { type: [String], required: true },
    disabled: { type: Boolean, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    version: { type: Number, required: true, min: 1 },
    body: { type: Mixed, required: true },
    pendingAudit,
  },
  { ...options, collection: 'users' },
);
userSchema.index({ username: 1 }, { unique: true });
userSchema.index({ createdAt: 1, _id: 1 });
userSchema.index({ 'pendingAudit.id': 1 });

const sessionSchema = new Schema<SessionDoc>(
  {
    _id: code,
    userId: code,
    userSessionVersion: { type: Number, required: true },
    tokenHash: code,
    generation: { type: Number, required: true, min: 0 },
    createdAt: { type: Date, required: true },
    lastUsedAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
    revokedAt: { type: Date, default: null },
    revokedReason: nullableCode,
    pendingAudit,
  },
  { ...options, collection: 'sessions' },
);
sessionSchema.index({ userId: 1, revokedAt: 1 });
sessionSchema.index({ expiresAt: 1 });
sessionSchema.index({ 'pendingAudit.id': 1 });

const loginAttemptSchema = new Schema<LoginAttemptDoc>(
  {
    _id: code,
    count: { type: Number, required: true, min: 0 },
    windowStartedAt: { type: Date, required: true },
    lastFailureAt: { type: Date, required: true },
    pendingAudit,
  },
  { ...options, collection: 'login_attempts' },
);
loginAttemptSchema.index({ lastFailureAt: 1 });
loginAttemptSchema.index({ 'pendingAudit.id': 1 });

const settingSchema = new Schema<SettingDoc>(
  {
    _id: code,
    value: { type: Mixed },
    updatedAt: { type: Date, required: true },
    deleted: { type: Boolean },
    pendingAudit,
  },
  { ...options, collection: 'settings' },
);
settingSchema.index({ 'pendingAudit.id': 1 });

const auditSchema = new Schema<AuditDoc>(
  {
    _id: { type: Number, required: true, min: 1 },
    id: code,
    at: { type: Date, required: true },
    action: code,
    actorId: nullableCode,
    subject: { type: Mixed },
    details: { type: Mixed },
    prevHash: code,
    hash: code,
  },
  { ...options, collection: 'audit_log' },
);
// With `_id` = seq, this makes moving an entry idempotent: it lands in the log once.
auditSchema.index({ id: 1 }, { unique: true });

/** Registers the models on `conn` (never on the global mongoose connection). */
export function defineModels(conn: Connection): Models {
  return {
    cases: conn.model('Case', caseSchema),
    events: conn.model('CaseEvent', eventSchema),
    users: conn.model('User', userSchema),
    sessions: conn.model('Session', sessionSchema),
    loginAttempts: conn.model('LoginAttempt', loginAttemptSchema),
    settings: conn.model('Setting', settingSchema),
    auditLog: conn.model('AuditEntry', auditSchema),
  };
}

/** Creates missing indexes. Not `syncIndexes`: see `MongoStorage.connect`. */
export async function createIndexes(models: Models, options: { text: boolean }): Promise<void> {
  for (const model of Object.values(models) as Model<unknown>[]) {
    await model.createIndexes();
  }
  // Not in the schema: FerretDB v1 has no text indexes, and the case store falls back to a
  // regex scan there (see `MongoCaseStore`).
  if (options.text) {
    await models.cases.collection.createIndex(
      { searchText: 'text' },
      { name: 'cases_search_text', default_language: 'none' },
    );
  }
}
