import type Database from 'better-sqlite3';
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
import type { SqliteAuditStore } from './SqliteAuditStore';
import { patchColumns, StatementCache, translateConstraint, updateVersioned } from './statements';

interface CaseRow {
  id: string;
  reference: string;
  status: string;
  category: string;
  country: string | null;
  severity: string | null;
  assignee_id: string | null;
  month: string;
  created_at: number;
  updated_at: number;
  version: number;
  idempotency_key: string | null;
  receipt_hash: string | null;
  body: string;
}

export class SqliteCaseStore implements CaseStore {
  private readonly sql: StatementCache;

  constructor(
    db: Database.Database,
    private readonly audit: SqliteAuditStore,
  ) {
    this.sql = new StatementCache(db);
  }

  async insert(record: NewCase, audit: AuditDraft): Promise<CaseRecord> {
    const stored: CaseRecord = { ...record, version: 1, updatedAt: record.createdAt };
    translateConstraint(() =>
      this.audit.withEntry(audit, () =>
        this.sql
          .get(
            `INSERT INTO cases (id, reference, status, category, country, severity, assignee_id,
               month, created_at, updated_at, version, idempotency_key, receipt_hash, body)
             VALUES (@id, @reference, @status, @category, @country, @severity, @assignee_id,
               @month, @created_at, @updated_at, @version, @idempotency_key, @receipt_hash,
               @body)`,
          )
          .run(toRow(stored)),
      ),
    );
    return stored;
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
    const columns = patchColumns(caseChanges(patch));
    this.audit.withEntry(audit, () =>
      updateVersioned(this.sql, 'cases', id, expectedVersion, columns, new Date()),
    );
    return (await this.get(id))!;
  }

  async list(query: CaseQuery): Promise<Page<CaseRecord>> {
    const where: string[] = [];
    const params: Record<string, string | number> = {};
    if (query.status?.length) {
      where.push(`status IN (${query.status.map((_, i) => `@status${i}`).join(', ')})`);
      query.status.forEach((status, i) => (params[`status${i}`] = status));
    }
    if (query.category !== undefined) {
      where.push('category = @category');
      params.category = query.category;
    }
    if (query.assigneeId === null) where.push('assignee_id IS NULL');
    else if (query.assigneeId !== undefined) {
      where.push('assignee_id = @assignee');
      params.assignee = query.assigneeId;
    }
    const direction = query.sort === 'newest' ? 'DESC' : 'ASC';
    if (query.cursor) {
      const position = decodeCursor(query.cursor);
      where.push(`(created_at, id) ${direction === 'DESC' ? '<' : '>'} (@cursor_at, @cursor_id)`);
      params.cursor_at = position.at;
      params.cursor_id = position.id;
    }
    params.limit = query.limit + 1;
    const rows = this.sql
      .get<CaseRow>(
        `SELECT * FROM cases ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
         ORDER BY created_at ${direction}, id ${direction} LIMIT @limit`,
      )
      .all(params);
    return toPage(rows.map(fromRow), query.limit);
  }

  private findOne(column: 'id' | 'reference' | 'idempotency_key' | 'receipt_hash', value: string) {
    const row = this.sql.get<CaseRow>(`SELECT * FROM cases WHERE ${column} = ?`).get(value);
    return row ? fromRow(row) : null;
  }
}

function toRow(record: CaseRecord): CaseRow {
  return {
    id: record.id,
    reference: record.reference,
    status: record.status,
    category: record.category,
    country: record.country,
    severity: record.severity,
    assignee_id: record.assigneeId,
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
    month: row.month,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
    version: row.version,
    idempotencyKey: row.idempotency_key,
    receiptHash: row.receipt_hash,
    body: JSON.parse(row.body) as JsonObject,
  };
}
