import type { Readable } from 'node:stream';
import type { StatsDimension } from '@haven/shared';

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
  readonly sessions: SessionStore;
  readonly loginAttempts: LoginAttemptStore;
  readonly settings: SettingsStore;
  readonly blobs: BlobStore;
  readonly audit: AuditStore;
  readonly stats: StatsStore;
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
  /** TLP 2.0 label (`TLP_LABELS`); `AMBER` unless set. */
  tlp: string;
  tags: string[];
  /**
   * Blind indexes for finding duplicates without decrypting anything: keyed hashes of the
   * report's canonical URLs, handles and attachment digests, each prefixed with its kind in clear
   * (`url:…`, `image:2:…`). Opaque to storage, which only finds cases sharing one.
   */
  blindIndexes: string[];
  /** When the severity's SLA runs out; `null` while the case has no severity. */
  slaDueAt: Date | null;
  /** Reporter messages and files staff have not read yet. */
  unreadFromReporter: number;
  /** `YYYY-MM` of `createdAt` (UTC), stored at write time so both engines bucket alike. */
  month: string;
  /** Where the harm happened, one of `PLATFORMS` (never the reporter's words); for statistics. */
  platform: string | null;
  /** The characteristics the reporter says were targeted (`TARGETED_CHARACTERISTICS`). */
  targets: string[];
  /** When the case first left `new`; for statistics (days to triage). */
  triagedAt: Date | null;
  /** When the case first reached a finished state (`CLOSED_STATUSES`); days to resolution. */
  resolvedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  /** Starts at 1 and grows by one with every update; updates name the version they read. */
  version: number;
  /** Keyed hash of the submission's idempotency key, unique when present. */
  idempotencyKey: string | null;
  /** Keyed hash of the reporter's receipt, unique when present. */
  receiptHash: string | null;
  /**
   * Everything else about the case; opaque to storage but for `body.text` (the redacted
   * narrative, platform, URLs and handles): its strings are what the free-text filter searches.
   */
  body: JsonObject;
}

/**
 * The fields a new case may leave out: `AMBER`, no tags, no blind indexes, no SLA yet, nothing
 * unread, no platform or targets, neither triaged nor resolved.
 */
type DefaultedCaseFields =
  | 'tlp'
  | 'tags'
  | 'blindIndexes'
  | 'slaDueAt'
  | 'unreadFromReporter'
  | 'platform'
  | 'targets'
  | 'triagedAt'
  | 'resolvedAt';

export type NewCase = Omit<CaseRecord, 'version' | 'updatedAt' | DefaultedCaseFields> &
  Partial<Pick<CaseRecord, DefaultedCaseFields>>;

export type CasePatch = Partial<
  Pick<
    CaseRecord,
    | 'status'
    | 'category'
    | 'country'
    | 'severity'
    | 'assigneeId'
    | 'tlp'
    | 'tags'
    | 'blindIndexes'
    | 'slaDueAt'
    | 'unreadFromReporter'
    | 'triagedAt'
    | 'resolvedAt'
    | 'body'
  >
>;

/** The filters of the triage queue; all given ones must hold. */
export interface CaseFilter {
  /** Any of these states. */
  status?: string[];
  category?: string;
  /** Any of these severities; `null` in the list matches cases without one. */
  severity?: (string | null)[];
  /** Any of these TLP labels. */
  tlp?: string[];
  /** A user id, or `null` for unassigned cases. */
  assigneeId?: string | null;
  country?: string;
  /** Cases whose SLA ran out before this time and that are not closed (`CLOSED_STATUSES`). */
  overdueAt?: Date;
  /** Created at or after this time. */
  createdFrom?: Date;
  /** Created before this time. */
  createdTo?: Date;
  /** Cases carrying this tag. */
  tag?: string;
  /** Only cases with reporter messages or files staff have not read. */
  unreadOnly?: boolean;
  /**
   * Words that must all appear in the case's redacted text (`body.text`), whole words matched
   * case-insensitively; operators are not interpreted.
   */
  text?: string;
}

/**
 * The queue's orders, each ending in `id` so that ties page stably:
 * - `priority`: severity (critical, high, medium, low, none), then SLA due time (none last),
 *   then oldest first;
 * - `newest` / `oldest`: by creation time;
 * - `slaDue`: SLA due time, soonest first (none last).
 */
export type CaseSort = 'priority' | 'newest' | 'oldest' | 'slaDue';

export interface CaseQuery extends CaseFilter {
  sort: CaseSort;
  limit: number;
  /** From the previous page of the same query and sort. */
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
  /** How many cases match `filter` in each state (states with none are left out): the tabs. */
  countByStatus(filter: Omit<CaseFilter, 'status'>): Promise<Record<string, number>>;
  /**
   * Inserts many cases with one audit entry for them all (bulk seeding and imports): one
   * transaction on SQLite. Throws `ConflictError` on a taken reference or key; on SQLite nothing
   * of the batch is then written, on MongoDB the cases before the clash may be.
   */
  insertMany(records: NewCase[], audit: AuditDraft): Promise<number>;
  /**
   * The cases other than `excludeId` that carry at least one of `keys` in `blindIndexes`, in
   * any of `statuses` if given; newest first (ties by id, descending), at most `limit`.
   */
  listSharingBlindIndexes(
    keys: string[],
    options: { excludeId: string; statuses?: string[]; limit: number },
  ): Promise<CaseRecord[]>;
}

// ---------------------------------------------------------------------------------------------
// Statistics: case counts and the days cases took, grouped inside the engine

/** Which cases a breakdown covers; all given filters must hold. */
export interface StatsFilter {
  /** Received at or after this time. */
  from?: Date;
  /** Received before this time. */
  to?: Date;
  category?: string;
  country?: string;
  /** Any of these states. */
  status?: string[];
  /** Any of these severities; `null` in the list matches cases without one. */
  severity?: (string | null)[];
}

/**
 * How many cases took each whole number of days (24-hour periods since receipt, counted down):
 * `[days, cases]` pairs by ascending days. Cases that have not got there are left out.
 */
export type DayCounts = [days: number, cases: number][];

export interface StatsGroup {
  /** One value per dimension asked for, in order; `null` for cases without one. */
  keys: (string | null)[];
  count: number;
  daysToTriage: DayCounts;
  daysToResolution: DayCounts;
}

export interface StatsStore {
  /**
   * The cases matching `filter`, grouped by one or two dimensions (`STATS_DIMENSIONS`), with
   * their days to triage and to resolution: every non-empty group once, in no particular order.
   * Grouped by the engine (never by reading cases); by `target`, a case counts once under each
   * characteristic it names, and not at all if it names none.
   */
  breakdown(query: { dims: StatsDimension[]; filter: StatsFilter }): Promise<StatsGroup[]>;
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
// Staff sessions: one record per refresh-token family (a sign-in and every rotation after it)

export interface SessionRecord {
  /** The family's id; access tokens of the session name it. */
  id: string;
  userId: string;
  /**
   * The user's session version when the session began: once the user's version moves on (a new
   * password, new roles …), the session is over.
   */
  userSessionVersion: number;
  /** Keyed hash of the family's current refresh token; earlier ones no longer match. */
  tokenHash: string;
  /** How many times the refresh token was rotated. */
  generation: number;
  createdAt: Date;
  /** Last sign of use (a refresh, an authenticated request); the idle limit counts from here. */
  lastUsedAt: Date;
  /** The absolute end of the session, whatever its use. */
  expiresAt: Date;
  revokedAt: Date | null;
  /** Why it ended early, e.g. `logout`, `reuse`, `password_changed`. */
  revokedReason: string | null;
}

export type NewSession = Omit<
  SessionRecord,
  'generation' | 'lastUsedAt' | 'revokedAt' | 'revokedReason'
>;

/**
 * Creation and the revocation of one session are audited with their change. Rotation and
 * `touch` are bookkeeping of a session already audited, and revoking all of a user's sessions
 * follows a user change that carries its own entry (and that, by bumping the user's session
 * version, already ends them), so those take none.
 */
export interface SessionStore {
  /** Throws `ConflictError` when the id is taken. */
  create(record: NewSession, audit: AuditDraft): Promise<SessionRecord>;
  get(id: string): Promise<SessionRecord | null>;
  /**
   * Replaces the refresh token if `expectedHash` is still the current one and the session is not
   * revoked, in one conditional write; answers the updated record, or `null` (nothing written)
   * when the hash is not current or the session is revoked or unknown.
   */
  rotate(
    id: string,
    expectedHash: string,
    newHash: string,
    at: Date,
  ): Promise<SessionRecord | null>;
  /** Moves `lastUsedAt` forward to `at` (never back). */
  touch(id: string, at: Date): Promise<void>;
  /** Ends one session; answers whether it was still open (only then is `audit` recorded). */
  revoke(id: string, reason: string, at: Date, audit: AuditDraft): Promise<boolean>;
  /** Ends every open session of a user; answers how many. */
  revokeAllForUser(userId: string, reason: string, at: Date): Promise<number>;
  /** Deletes sessions that ended (expired or revoked) before `before`; answers how many. */
  purgeEnded(before: Date): Promise<number>;
}

// ---------------------------------------------------------------------------------------------
// Failed sign-in attempts, per account key (a keyed hash of the username, known or not)

export interface LoginAttempts {
  key: string;
  /** Failures since `windowStartedAt`. */
  count: number;
  windowStartedAt: Date;
  lastFailureAt: Date;
}

export interface LoginAttemptStore {
  /**
   * Counts one failure at `at`, with its audit entry, in one write: in the current window if it
   * started less than `windowMs` before `at`, else in a new window starting at `at`. Answers the
   * counts after this failure.
   */
  recordFailure(key: string, at: Date, windowMs: number, audit: AuditDraft): Promise<LoginAttempts>;
  get(key: string): Promise<LoginAttempts | null>;
  /** Forgets the failures (after a successful sign-in). */
  clear(key: string): Promise<void>;
  /** Deletes the counts of keys whose last failure is older than `before`; answers how many. */
  purgeStale(before: Date): Promise<number>;
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
