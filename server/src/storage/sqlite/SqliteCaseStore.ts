import type Database from 'better-sqlite3';
import { CASE_STATUSES, CLOSED_STATUSES, DEFAULT_TLP } from '@haven/shared';
import { decodeCursor, toPage } from '../cursor';
import { caseChanges } from '../patch';
import {
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
import type { SqliteAuditStore } from './SqliteAuditStore';
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
  created_at: number;
  updated_at: number;
  version: number;
  idempotency_key: string | null;
  receipt_hash: string | null;
  body: string;
}

const INSERT = `INSERT INTO cases (id, reference, status, category, country, severity,
    severity_rank, assignee_id, tlp, tags, blind_indexes, sla_due_at, unread_from_reporter, month,
    created_at, updated_at, version, idempotency_key, receipt_hash, body)
  VALUES (@id, @reference, @status, @category, @country, @severity, @severity_rank, @assignee_id,
    @tlp, @tags, @blind_indexes, @sla_due_at, @unread_from_reporter, @month, @created_at,
    @updated_at, @version, @idempotency_key, @receipt_hash, @body)`;

/** Keys and states are bound as JSON arrays, so that one prepared statement serves any count. */
const SHARING_BLIND_INDEXES = `SELECT * FROM cases
  WHERE id IN (SELECT case_id FROM case_blind_indexes
      WHERE key IN (SELECT value FROM json_each(@keys)))
    AND id != @exclude_id`;
const NEWEST_FIRST = 'ORDER BY created_at DESC, id DESC LIMIT @limit';

/** The columns of each order (before `id`) and its direction. */
const ORDERS: Record<CaseSort, { columns: string[]; direction: 'ASC' | 'DESC' }> = {
  priority: { columns: ['severity_rank', 'sla_due_at', 'created_at'], direction: 'ASC' },
  newest: { columns: ['created_at'], direction: 'DESC' },
  oldest: { columns: ['created_at'], direction: 'ASC' },
  slaDue: { columns: ['sla_due_at'], direction: 'ASC' },
};

type Params = Record<string, string | number>;

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
    translateConstraint(() => this.audit.withEntry(audit, () => this.write(stored)));
    return stored;
  }

  async insertMany(records: NewCase[], audit: AuditDraft): Promise<number> {
    if (records.length === 0) return 0;
    translateConstraint(() =>
      this.audit.withEntry(audit, () => {
        for (const record of records) this.write(withDefaults(record));
      }),
    );
    return records.length;
  }

  /** The case's row, its tags, blind indexes and full text; inside the caller's transaction. */
  private write(record: CaseRecord): void {
    const { lastInsertRowid } = this.sql.get(INSERT).run(toRow(record));
    this.writeTags(record.id, record.tags);
    this.writeBlindIndexes(record.id, record.blindIndexes);
    this.writeText(lastInsertRowid, record.body);
  }

  private writeTags(id: string, tags: string[]): void {
    for (const tag of new Set(tags)) {
      this.sql.get('INSERT INTO case_tags (tag, case_id) VALUES (?, ?)').run(tag, id);
    }
  }

  private writeBlindIndexes(id: string, keys: string[]): void {
    for (const key of new Set(keys)) {
      this.sql.get('INSERT INTO case_blind_indexes (key, case_id) VALUES (?, ?)').run(key, id);
    }
  }

  private writeText(rowid: number | bigint, body: JsonObject): void {
    const text = searchTextOf(body);
    if (text) this.sql.get('INSERT INTO cases_fts (rowid, text) VALUES (?, ?)').run(rowid, text);
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
    const { slaDueAt, ...changes } = caseChanges(patch);
    const columns = patchColumns(changes);
    if (changes.severity !== undefined) columns.severity_rank = severityRank(changes.severity);
    if (slaDueAt !== undefined) columns.sla_due_at = slaKey(slaDueAt);
    this.audit.withEntry(audit, () => {
      updateVersioned(this.sql, 'cases', id, expectedVersion, columns, new Date());
      if (changes.tags !== undefined) {
        this.sql.get('DELETE FROM case_tags WHERE case_id = ?').run(id);
        this.writeTags(id, changes.tags);
      }
      if (changes.blindIndexes !== undefined) {
        this.sql.get('DELETE FROM case_blind_indexes WHERE case_id = ?').run(id);
        this.writeBlindIndexes(id, changes.blindIndexes);
      }
      if (changes.body !== undefined) {
        const { rowid } = this.sql
          .get<{ rowid: number }>('SELECT rowid FROM cases WHERE id = ?')
          .get(id)!;
        this.sql.get('DELETE FROM cases_fts WHERE rowid = ?').run(rowid);
        this.writeText(rowid, changes.body);
      }
    });
    return (await this.get(id))!;
  }

  /**
   * The first `limit` cases of the queue after the cursor. A list in several states is run as
   * one ordered, limited scan per state (each on an index starting with the status and the
   * order's columns) merged by a last sort of at most states × limit rows: SQLite cannot merge
   * the ranges of an `IN` itself, and would otherwise sort every matching case.
   */
  async list(query: CaseQuery): Promise<Page<CaseRecord>> {
    const params: Params = { limit: query.limit + 1 };
    const where = conditions(query, params);
    const order = ORDERS[query.sort];
    const keys = [...order.columns, 'id'];
    if (query.cursor) {
      const position = decodeCursor(query.cursor, sortKeyCount(query.sort));
      const names = keys.map((_, index) => `@cursor${index}`);
      where.push(
        `(${keys.join(', ')}) ${order.direction === 'DESC' ? '<' : '>'} (${names.join(', ')})`,
      );
      [...position.keys, position.id].forEach((value, index) => (params[`cursor${index}`] = value));
    }
    const orderBy = `ORDER BY ${keys.map((key) => `${key} ${order.direction}`).join(', ')}`;
    const statuses = statusesOf(query);
    let sql: string;
    if (statuses && statuses.length > 1) {
      const arms = statuses.map((status, index) => {
        params[`status${index}`] = status;
        const conditionsOfArm = [`status = @status${index}`, ...where].join(' AND ');
        return `SELECT * FROM (SELECT * FROM cases WHERE ${conditionsOfArm} ${orderBy} LIMIT @limit)`;
      });
      sql = `${arms.join(' UNION ALL ')} ${orderBy} LIMIT @limit`;
    } else {
      if (statuses) {
        where.push(statuses.length ? 'status = @status0' : '0');
        if (statuses.length) params.status0 = statuses[0]!;
      }
      sql = `SELECT * FROM cases ${whereClause(where)} ${orderBy} LIMIT @limit`;
    }
    const rows = this.sql.get<CaseRow>(sql).all(params);
    return toPage(rows.map(fromRow), query.limit, (record) => sortKeys(record, query.sort));
  }

  async countByStatus(filter: Omit<CaseFilter, 'status'>): Promise<Record<string, number>> {
    const params: Params = {};
    const where = conditions(filter, params);
    const statuses = statusesOf(filter);
    if (statuses) {
      where.push(`status IN (${statuses.map((_, index) => `@status${index}`).join(', ')})`);
      statuses.forEach((status, index) => (params[`status${index}`] = status));
    }
    const rows = this.sql
      .get<{
        status: string;
        count: number;
      }>(`SELECT status, count(*) AS count FROM cases ${whereClause(where)} GROUP BY status`)
      .all(params);
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

/**
 * The states a query may match, or `undefined` for any: its status filter, less the closed
 * states when it asks for overdue cases (which lets an overdue list use the per-state scans).
 */
function statusesOf(filter: CaseFilter): string[] | undefined {
  if (filter.overdueAt === undefined) return filter.status && [...new Set(filter.status)];
  const closed = CLOSED_STATUSES as readonly string[];
  return [...new Set(filter.status ?? CASE_STATUSES)].filter((status) => !closed.includes(status));
}

/** The conditions of every filter but the status (see `statusesOf`), binding their values. */
function conditions(filter: CaseFilter, params: Params): string[] {
  const where: string[] = [];
  const list = (name: string, values: (string | number)[]) => {
    values.forEach((value, index) => (params[`${name}${index}`] = value));
    return `(${values.map((_, index) => `@${name}${index}`).join(', ') || 'NULL'})`;
  };
  if (filter.category !== undefined) {
    where.push('category = @category');
    params.category = filter.category;
  }
  if (filter.severity) {
    // The rank stands for the severity (and 4 for none), and is what the priority index holds.
    const ranks = [...new Set(filter.severity.map(severityRank))];
    where.push(`severity_rank IN ${list('rank', ranks)}`);
  }
  if (filter.tlp) where.push(`tlp IN ${list('tlp', filter.tlp)}`);
  if (filter.assigneeId === null) where.push('assignee_id IS NULL');
  else if (filter.assigneeId !== undefined) {
    where.push('assignee_id = @assignee');
    params.assignee = filter.assigneeId;
  }
  if (filter.country !== undefined) {
    where.push('country = @country');
    params.country = filter.country;
  }
  if (filter.overdueAt !== undefined) {
    where.push('sla_due_at < @overdue');
    params.overdue = filter.overdueAt.getTime();
  }
  if (filter.createdFrom !== undefined) {
    where.push('created_at >= @created_from');
    params.created_from = filter.createdFrom.getTime();
  }
  if (filter.createdTo !== undefined) {
    where.push('created_at < @created_to');
    params.created_to = filter.createdTo.getTime();
  }
  if (filter.tag !== undefined) {
    // A probe per case the order's index yields, rather than a list of every tagged case to sort.
    where.push('EXISTS (SELECT 1 FROM case_tags WHERE tag = @tag AND case_id = cases.id)');
    params.tag = filter.tag;
  }
  // Written as the partial index `cases_unread` says it, so that the index applies.
  if (filter.unreadOnly) where.push('unread_from_reporter > 0');
  if (filter.text !== undefined) {
    const terms = searchTerms(filter.text);
    // Each word quoted: FTS5 reads them as plain strings, all required.
    if (terms.length) {
      where.push('rowid IN (SELECT rowid FROM cases_fts WHERE cases_fts MATCH @text)');
      params.text = terms.map((term) => `"${term}"`).join(' ');
    } else where.push('0');
  }
  return where;
}

function whereClause(where: string[]): string {
  return where.length ? `WHERE ${where.join(' AND ')}` : '';
}

function withDefaults(record: NewCase): CaseRecord {
  return {
    ...record,
    tlp: record.tlp ?? DEFAULT_TLP,
    tags: record.tags ?? [],
    blindIndexes: record.blindIndexes ?? [],
    slaDueAt: record.slaDueAt ?? null,
    unreadFromReporter: record.unreadFromReporter ?? 0,
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
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
    version: row.version,
    idempotencyKey: row.idempotency_key,
    receiptHash: row.receipt_hash,
    body: JSON.parse(row.body) as JsonObject,
  };
}
