import type { Readable } from 'node:stream';

/**
 * The one storage interface of Haven. Everything above it (services, routes, CLI, seed scripts)
 * talks only to these types; the engines behind it (SQLite, MongoDB) never leak their documents,
 * rows or driver types. Records going in and coming out are plain objects.
 *
 * Every method that changes something takes the audit entry that records the change, and the
 * engine guarantees that the change and its entry are written together or not at all (a
 * transaction on SQLite; on MongoDB, the entry travels inside the changed document and is moved
 * to the log idempotently).
 */
export interface Storage {
  readonly engine: EngineName;
  readonly cases: CaseStore;
  readonly timeline: TimelineStore;
  readonly users: UserStore;
  readonly settings: SettingsStore;
  readonly blobs: BlobStore;
  readonly audit: AuditStore;
  /** Resolves when the engine answers; rejects when it cannot be reached. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export type EngineName = 'sqlite' | 'mongodb';

export type JsonValue =
  string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export interface Page<T> {
  items: T[];
  /** Opaque; pass back to get the next page. `null` on the last page. */
  nextCursor: string | null;
}

// ---------------------------------------------------------------------------------------------
// Audit

/** What a service says happened. Carries no personal data: ids, codes and counts only. */
export interface AuditDraft {
  action: string;
  /** The staff user who acted; `null` for the system or an anonymous reporter. */
  actorId: string | null;
  subject?: { type: string; id: string };
  details?: JsonObject;
}

export interface AuditEntry extends AuditDraft {
  /** 1-based position in the log. */
  seq: number;
  id: string;
  at: Date;
  /** Hash of the previous entry (64 zeros for the first). */
  prevHash: string;
  /** SHA-256 over `prevHash` and the canonical JSON of this entry's other fields. */
  hash: string;
}

export interface AuditStore {
  /** Records an event that changes nothing else (a login, an export). */
  append(draft: AuditDraft): Promise<AuditEntry>;
  /** Entries in log order, from `afterSeq` (exclusive). */
  list(query: { afterSeq?: number; limit: number }): Promise<AuditEntry[]>;
  /** The last entry's position and hash, or `null` for an empty log. */
  head(): Promise<{ seq: number; hash: string } | null>;
}

// ---------------------------------------------------------------------------------------------
// Cases

export interface CaseRecord {
  id: string;
  /** Short human code shown to the reporter and staff, unique. */
  reference: string;
  status: string;
  category: string;
  country: string | null;
  severity: string | null;
  assigneeId: string | null;
  /** `YYYY-MM` of `createdAt` (UTC), stored at write time so both engines bucket alike. */
  month: string;
  createdAt: Date;
  updatedAt: Date;
  /** Starts at 1 and grows by one with every update; updates name the version they read. */
  version: number;
  /** Keyed hash of the submission's idempotency key, unique when present. */
  idempotencyKey: string | null;
  /** Keyed hash of the reporter's receipt, unique when present. */
  receiptHash: string | null;
  /** Everything else about the case; opaque to storage. */
  body: JsonObject;
}

export type NewCase = Omit<CaseRecord, 'version' | 'updatedAt'>;

export type CasePatch = Partial<
  Pick<CaseRecord, 'status' | 'category' | 'country' | 'severity' | 'assigneeId' | 'body'>
>;

export interface CaseQuery {
  status?: string[];
  category?: string;
  /** A user id, or `null` for unassigned cases. */
  assigneeId?: string | null;
  sort: 'newest' | 'oldest';
  limit: number;
  cursor?: string;
}

export interface CaseStore {
  /** Throws `ConflictError` when the reference or idempotency key is taken. */
  insert(record: NewCase, audit: AuditDraft): Promise<CaseRecord>;
  get(id: string): Promise<CaseRecord | null>;
  getByReference(reference: string): Promise<CaseRecord | null>;
  getByIdempotencyKey(key: string): Promise<CaseRecord | null>;
  getByReceiptHash(hash: string): Promise<CaseRecord | null>;
  /**
   * Applies `patch` if the stored version is still `expectedVersion`. Throws `NotFoundError` for
   * an unknown id and `VersionConflictError` for a stale version, writing nothing in either case.
   */
  update(
    id: string,
    expectedVersion: number,
    patch: CasePatch,
    audit: AuditDraft,
  ): Promise<CaseRecord>;
  list(query: CaseQuery): Promise<Page<CaseRecord>>;
}

// ---------------------------------------------------------------------------------------------
// Case timelines: what happened to a case, in order (messages both ways, notes, transitions …)

export interface TimelineEvent {
  id: string;
  caseId: string;
  at: Date;
  /** e.g. `message.reporter`, `message.staff`, `note`, `transition`, `attachment.added`. */
  kind: string;
  /** The staff user who acted; `null` for the reporter or the system. */
  actorId: string | null;
  /** Whether the reporter's status page shows it. */
  reporterVisible: boolean;
  /** The event's content; opaque to storage. */
  body: JsonObject;
}

export interface TimelineStore {
  /** Throws `ConflictError` when the id is taken. */
  append(event: TimelineEvent, audit: AuditDraft): Promise<TimelineEvent>;
  /** A case's events, oldest first (ties broken by id); only reporter-visible ones if asked. */
  listByCase(caseId: string, options?: { reporterVisibleOnly?: boolean }): Promise<TimelineEvent[]>;
}

// ---------------------------------------------------------------------------------------------
// Staff users

export interface UserRecord {
  id: string;
  /** Normalised (lower case, NFKC) by the identity service; unique. */
  username: string;
  displayName: string;
  roles: string[];
  disabled: boolean;
  createdAt: Date;
  updatedAt: Date;
  version: number;
  /** Credentials and other identity data; opaque to storage. */
  body: JsonObject;
}

export type NewUser = Omit<UserRecord, 'version' | 'updatedAt'>;

export type UserPatch = Partial<Pick<UserRecord, 'displayName' | 'roles' | 'disabled' | 'body'>>;

export interface UserStore {
  /** Throws `ConflictError` when the username is taken. */
  insert(record: NewUser, audit: AuditDraft): Promise<UserRecord>;
  get(id: string): Promise<UserRecord | null>;
  getByUsername(username: string): Promise<UserRecord | null>;
  update(
    id: string,
    expectedVersion: number,
    patch: UserPatch,
    audit: AuditDraft,
  ): Promise<UserRecord>;
  /** How many enabled users hold `role`. */
  countWithRole(role: string): Promise<number>;
  list(query: { limit: number; cursor?: string }): Promise<Page<UserRecord>>;
}

// ---------------------------------------------------------------------------------------------
// Settings: small named JSON values (categories, SLA hours, the setup-token hash …)

export interface SettingsStore {
  get(key: string): Promise<JsonValue | null>;
  /** Writes the value; `audit` is required for changes a person makes. */
  put(key: string, value: JsonValue, audit?: AuditDraft): Promise<void>;
  /**
   * Writes the value only if the key has none; answers whether it wrote (and so whether the
   * audit entry was recorded). Instances racing to create a value all end up reading one.
   */
  putIfAbsent(key: string, value: JsonValue, audit?: AuditDraft): Promise<boolean>;
  delete(key: string, audit?: AuditDraft): Promise<void>;
}

// ---------------------------------------------------------------------------------------------
// Blobs: bytes already encrypted by the layer above.

export interface BlobStore {
  /** Writes the bytes durably under `id`; throws `ConflictError` if `id` exists. */
  put(id: string, source: Readable | Buffer): Promise<{ size: number }>;
  /** Throws `NotFoundError` for an unknown id. */
  get(id: string): Promise<Readable>;
  /** Deleting an unknown id is not an error. */
  delete(id: string): Promise<void>;
}
