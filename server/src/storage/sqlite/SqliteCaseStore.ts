import type Database from 'better-sqlite3';
import { DEFAULT_TLP } from '@haven/shared';
import { toPage } from '../cursor';
import { caseChanges } from '../patch';
import { searchTextOf, severityRank, slaFromKey, slaKey, sortKeys } from '../queue';
import { storedTargets } from '../stats';
import type {
  AuditDraft,
  CaseFilter,
  CasePatch,
  CaseQuery,
  CaseRecord,
  CaseStore,
  JsonObject,
  NewCase,
  Page,
} from '../types';
import type { SqliteAuditStore } from './SqliteAuditStore';
import {
  countStatement,
  facetsOf,
  listStatements,
  TEXT_KEYS_PER_MS,
  type Params,
} from './caseQueueSql';
import { patchColumns, StatementCache, translateConstraint, updateVersioned } from './statements';

interface CaseRow {
  id: string;
  reference: string;
  status: string;
  category: string;
  country: string | null;
  severity: string | null;
  severity_rank: number;
  assignee_id: string | null;
  tlp: string;
  tags: string;
  blind_indexes: string;
  sla_due_at: number;
  unread_from_reporter: number;
  month: string;
  platform: string | null;
  targets: string;
  triaged_at: number | null;
  resolved_at: number | null;
  created_at: number;
  updated_at: number;
  version: number;
  idempotency_key: string | null;
  receipt_hash: string | null;
  body: string;
}

/**
 * The text key (see migration 6) follows the last of the same millisecond; computed here, as it
 * passes 2^53 and JavaScript numbers cannot hold it.
 */
const INSERT = `INSERT INTO cases (id, reference, status, category, country, severity,
    severity_rank, assignee_id, tlp, tags, blind_indexes, sla_due_at, unread_from_reporter, month,
    platform, targets, triaged_at, resolved_at, created_at, updated_at, version, idempotency_key,
    receipt_hash, body, text_key)
  VALUES (@id, @reference, @status, @category, @country, @severity, @severity_rank, @assignee_id,
    @tlp, @tags, @blind_indexes, @sla_due_at, @unread_from_reporter, @month, @platform, @targets,
    @triaged_at, @resolved_at, @created_at, @updated_at, @version, @idempotency_key,
    @receipt_hash, @body,
    coalesce((SELECT text_key + 1 FROM cases
        WHERE text_key >= @created_at * ${TEXT_KEYS_PER_MS}
          AND text_key < (@created_at + 1) * ${TEXT_KEYS_PER_MS}
        ORDER BY text_key DESC LIMIT 1),
      @created_at * ${TEXT_KEYS_PER_MS}))`;

/** Keys and states are bound as JSON arrays, so that one prepared statement serves any count. */
const SHARING_BLIND_INDEXES = `SELECT * FROM cases
  WHERE id IN (SELECT case_id FROM case_blind_indexes
      WHERE key IN (SELECT value FROM json_each(@keys)))
    AND id != @exclude_id`;
const NEWEST_FIRST = 'ORDER BY created_at DESC, id DESC LIMIT @limit';

/**
 * The side tables are written one row per statement, never by `INSERT … SELECT` nor by triggers:
 * those make SQLite keep a statement journal for each, which cost more than the whole insert.
 */
const INSERT_TAG = `INSERT INTO case_tags (tag, case_id, status, severity_rank, sla_due_at,
    created_at) VALUES (@tag, @case_id, @status, @severity_rank, @sla_due_at, @created_at)`;
const UPDATE_TAGS = `UPDATE case_tags
  SET status = @status, severity_rank = @severity_rank, sla_due_at = @sla_due_at
  WHERE case_id = @case_id`;
const COUNT = `INSERT INTO case_counts (status, count) VALUES (?, ?)
  ON CONFLICT (status) DO UPDATE SET count = count + excluded.count`;

export class SqliteCaseStore implements CaseStore {
  private readonly sql: StatementCache;

  constructor(
    db: Database.Database,
    private readonly audit: SqliteAuditStore,
  ) {
    this.sql = new StatementCache(db);
  }

  async insert(record: NewCase, audit: AuditDraft): Promise<CaseRecord> {
    const stored = withDefaults(record);
    translateConstraint(() => this.audit.withEntry(audit, () => this.writeAll([stored])));
    return stored;
  }

  async insertMany(records: NewCase[], audit: AuditDraft): Promise<number> {
    if (records.length === 0) return 0;
    translateConstraint(() =>
      this.audit.withEntry(audit, () => this.writeAll(records.map(withDefaults))),
    );
    return records.length;
  }

  /**
   * The cases' rows, tags, blind indexes and full text, and the counts of their states (one
   * change per state); inside the caller's transaction.
   */
  private writeAll(records: CaseRecord[]): void {
    const added = new Map<string, number>();
    for (const record of records) {
      this.sql.get(INSERT).run(toRow(record));
      this.writeTags(record);
      this.writeBlindIndexes(record.id, record.blindIndexes);
      this.writeText(this.textKeyOf(record.id), record);
      added.set(record.status, (added.get(record.status) ?? 0) + 1);
    }
    for (const [status, count] of added) this.sql.get(COUNT).run(status, count);
  }

  /** A row per tag, with the case's status and order columns (see migration 6). */
  private writeTags(record: CaseRecord): void {
    for (const tag of new Set(record.tags)) {
      this.sql.get(INSERT_TAG).run({ tag, ...tagColumns(record) });
    }
  }

  private writeBlindIndexes(id: string, keys: string[]): void {
    for (const key of new Set(keys)) {
      this.sql.get('INSERT INTO case_blind_indexes (key, case_id) VALUES (?, ?)').run(key, id);
    }
  }

  /** The case's row in the full-text index: its text, and its status and severity as facets. */
  private writeText(textKey: bigint, record: CaseRecord): void {
    const text = searchTextOf(record.body);
    if (!text) return;
    this.sql
      .get('INSERT INTO cases_fts (rowid, text, facets) VALUES (?, ?, ?)')
      .run(textKey, text, facetsOf(record.status, severityRank(record.severity)));
  }

  /** The case's rowid in the full-text index (see migration 6): past 2^53, so a BigInt. */
  private textKeyOf(id: string): bigint {
    return this.sql
      .get<{ text_key: bigint }>('SELECT text_key FROM cases WHERE id = ?')
      .safeIntegers(true)
      .get(id)!.text_key;
  }

  async get(id: string): Promise<CaseRecord | null> {
    return this.findOne('id', id);
  }

  async getByReference(reference: string): Promise<CaseRecord | null> {
    return this.findOne('reference', reference);
  }

  async getByIdempotencyKey(key: string): Promise<CaseRecord | null> {
    return this.findOne('idempotency_key', key);
  }

  async getByReceiptHash(hash: string): Promise<CaseRecord | null> {
    return this.findOne('receipt_hash', hash);
  }

  async update(
    id: string,
    expectedVersion: number,
    patch: CasePatch,
    audit: AuditDraft,
  ): Promise<CaseRecord> {
    const { slaDueAt, triagedAt, resolvedAt, ...changes } = caseChanges(patch);
    const columns = patchColumns(changes);
    if (changes.severity !== undefined) columns.severity_rank = severityRank(changes.severity);
    if (slaDueAt !== undefined) columns.sla_due_at = slaKey(slaDueAt);
    if (triagedAt !== undefined) columns.triaged_at = triagedAt?.getTime() ?? null;
    if (resolvedAt !== undefined) columns.resolved_at = resolvedAt?.getTime() ?? null;
    let updated!: CaseRecord;
    this.audit.withEntry(audit, () => {
      const statusBefore =
        changes.status === undefined
          ? undefined
          : this.sql.get<{ status: string }>('SELECT status FROM cases WHERE id = ?').get(id)
              ?.status;
      updateVersioned(this.sql, 'cases', id, expectedVersion, columns, new Date());
      updated = this.findOne('id', id)!;
      if (statusBefore !== undefined && statusBefore !== updated.status) {
        this.sql.get(COUNT).run(statusBefore, -1);
        this.sql.get(COUNT).run(updated.status, 1);
      }
      const { tags, status, severity, body, blindIndexes } = changes;
      if (tags !== undefined) {
        this.sql.get('DELETE FROM case_tags WHERE case_id = ?').run(id);
        this.writeTags(updated);
      } else if (status !== undefined || severity !== undefined || slaDueAt !== undefined) {
        this.sql.get(UPDATE_TAGS).run(tagColumns(updated));
      }
      if (blindIndexes !== undefined) {
        this.sql.get('DELETE FROM case_blind_indexes WHERE case_id = ?').run(id);
        this.writeBlindIndexes(id, blindIndexes);
      }
      if (body !== undefined || status !== undefined || severity !== undefined) {
        const textKey = this.textKeyOf(id);
        this.sql.get('DELETE FROM cases_fts WHERE rowid = ?').run(textKey);
        this.writeText(textKey, updated);
      }
    });
    return updated;
  }

  /** The first `limit` cases of the queue after the cursor; see caseQueueSql.ts for how. */
  async list(query: CaseQuery): Promise<Page<CaseRecord>> {
    const rows: CaseRow[] = [];
    for (const { sql, params } of listStatements(query)) {
      rows.push(...this.sql.get<CaseRow>(sql).all(params));
      if (rows.length > query.limit) break;
    }
    return toPage(rows.map(fromRow), query.limit, (record) => sortKeys(record, query.sort));
  }

  async countByStatus(filter: Omit<CaseFilter, 'status'>): Promise<Record<string, number>> {
    const { sql, params } = countStatement(filter);
    const rows = this.sql.get<{ status: string; count: number }>(sql).all(params);
    return Object.fromEntries(rows.map((row) => [row.status, row.count]));
  }

  async listSharingBlindIndexes(
    keys: string[],
    options: { excludeId: string; statuses?: string[]; limit: number },
  ): Promise<CaseRecord[]> {
    if (keys.length === 0 || options.limit < 1 || options.statuses?.length === 0) return [];
    const params: Params = {
      keys: JSON.stringify(keys),
      exclude_id: options.excludeId,
      limit: options.limit,
    };
    let sql = SHARING_BLIND_INDEXES;
    if (options.statuses) {
      sql += ' AND status IN (SELECT value FROM json_each(@statuses))';
      params.statuses = JSON.stringify(options.statuses);
    }
    const rows = this.sql.get<CaseRow>(`${sql} ${NEWEST_FIRST}`).all(params);
    return rows.map(fromRow);
  }

  private findOne(column: 'id' | 'reference' | 'idempotency_key' | 'receipt_hash', value: string) {
    const row = this.sql.get<CaseRow>(`SELECT * FROM cases WHERE ${column} = ?`).get(value);
    return row ? fromRow(row) : null;
  }
}

/** What a case's tag rows copy from it: its status and order columns. */
function tagColumns(record: CaseRecord) {
  return {
    case_id: record.id,
    status: record.status,
    severity_rank: severityRank(record.severity),
    sla_due_at: slaKey(record.slaDueAt),
    created_at: record.createdAt.getTime(),
  };
}

function withDefaults(record: NewCase): CaseRecord {
  return {
    ...record,
    tlp: record.tlp ?? DEFAULT_TLP,
    tags: record.tags ?? [],
    blindIndexes: record.blindIndexes ?? [],
    slaDueAt: record.slaDueAt ?? null,
    unreadFromReporter: record.unreadFromReporter ?? 0,
    platform: record.platform ?? null,
    targets: storedTargets(record.targets ?? []),
    triagedAt: record.triagedAt ?? null,
    resolvedAt: record.resolvedAt ?? null,
    version: 1,
    updatedAt: record.createdAt,
  };
}

function toRow(record: CaseRecord): CaseRow {
  return {
    id: record.id,
    reference: record.reference,
    status: record.status,
    category: record.category,
    country: record.country,
    severity: record.severity,
    severity_rank: severityRank(record.severity),
    assignee_id: record.assigneeId,
    tlp: record.tlp,
    tags: JSON.stringify(record.tags),
    blind_indexes: JSON.stringify(record.blindIndexes),
    sla_due_at: slaKey(record.slaDueAt),
    unread_from_reporter: record.unreadFromReporter,
    month: record.month,
    platform: record.platform,
    targets: JSON.stringify(record.targets),
    triaged_at: record.triagedAt?.getTime() ?? null,
    resolved_at: record.resolvedAt?.getTime() ?? null,
    created_at: record.createdAt.getTime(),
    updated_at: record.updatedAt.getTime(),
    version: record.version,
    idempotency_key: record.idempotencyKey,
    receipt_hash: record.receiptHash,
    body: JSON.stringify(record.body),
  };
}

function fromRow(row: CaseRow): CaseRecord {
  return {
    id: row.id,
    reference: row.reference,
    status: row.status,
    category: row.category,
    country: row.country,
    severity: row.severity,
    assigneeId: row.assignee_id,
    tlp: row.tlp,
    tags: JSON.parse(row.tags) as string[],
    blindIndexes: JSON.parse(row.blind_indexes) as string[],
    slaDueAt: slaFromKey(row.sla_due_at),
    unreadFromReporter: row.unread_from_reporter,
    month: row.month,
    platform: row.platform,
    targets: JSON.parse(row.targets) as string[],
    triagedAt: row.triaged_at === null ? null : new Date(row.triaged_at),
    resolvedAt: row.resolved_at === null ? null : new Date(row.resolved_at),
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
    version: row.version,
    idempotencyKey: row.idempotency_key,
    receiptHash: row.receipt_hash,
    body: JSON.parse(row.body) as JsonObject,
  };
}
