import type Database from 'better-sqlite3';
import type { AuditDraft, NewSession, SessionRecord, SessionStore } from '../types';
import type { SqliteAuditStore } from './SqliteAuditStore';
import { StatementCache, translateConstraint } from './statements';

interface SessionRow {
  id: string;
  user_id: string;
  user_session_version: number;
  token_hash: string;
  generation: number;
  created_at: number;
  last_used_at: number;
  expires_at: number;
  revoked_at: number | null;
  revoked_reason: string | null;
}

export class SqliteSessionStore implements SessionStore {
  private readonly sql: StatementCache;

  constructor(
    db: Database.Database,
    private readonly audit: SqliteAuditStore,
  ) {
    this.sql = new StatementCache(db);
  }

  async create(record: NewSession, audit: AuditDraft): Promise<SessionRecord> {
    const stored: SessionRecord = {
      ...record,
      generation: 0,
      lastUsedAt: record.createdAt,
      revokedAt: null,
      revokedReason: null,
    };
    translateConstraint(() =>
      this.audit.withEntry(audit, () =>
        this.sql
          .get(
            `INSERT INTO sessions (id, user_id, user_session_version, token_hash, generation,
               created_at, last_used_at, expires_at, revoked_at, revoked_reason)
             VALUES (@id, @user_id, @user_session_version, @token_hash, @generation,
               @created_at, @last_used_at, @expires_at, @revoked_at, @revoked_reason)`,
          )
          .run(toRow(stored)),
      ),
    );
    return stored;
  }

  async get(id: string): Promise<SessionRecord | null> {
    const row = this.sql.get<SessionRow>('SELECT * FROM sessions WHERE id = ?').get(id);
    return row ? fromRow(row) : null;
  }

  async rotate(
    id: string,
    expectedHash: string,
    newHash: string,
    at: Date,
  ): Promise<SessionRecord | null> {
    const result = this.sql
      .get(
        `UPDATE sessions
         SET token_hash = ?, generation = generation + 1, last_used_at = max(last_used_at, ?)
         WHERE id = ? AND token_hash = ? AND revoked_at IS NULL`,
      )
      .run(newHash, at.getTime(), id, expectedHash);
    return result.changes === 1 ? this.get(id) : null;
  }

  async touch(id: string, at: Date): Promise<void> {
    this.sql
      .get('UPDATE sessions SET last_used_at = ? WHERE id = ? AND last_used_at < ?')
      .run(at.getTime(), id, at.getTime());
  }

  async revoke(id: string, reason: string, at: Date, audit: AuditDraft): Promise<boolean> {
    const result = this.audit.withEntry(
      audit,
      () =>
        this.sql
          .get(
            `UPDATE sessions SET revoked_at = ?, revoked_reason = ?
             WHERE id = ? AND revoked_at IS NULL`,
          )
          .run(at.getTime(), reason, id),
      (update) => update.changes === 1,
    );
    return result.changes === 1;
  }

  async revokeAllForUser(userId: string, reason: string, at: Date): Promise<number> {
    return this.sql
      .get(
        `UPDATE sessions SET revoked_at = ?, revoked_reason = ?
         WHERE user_id = ? AND revoked_at IS NULL`,
      )
      .run(at.getTime(), reason, userId).changes;
  }

  async purgeEnded(before: Date): Promise<number> {
    return this.sql
      .get('DELETE FROM sessions WHERE expires_at < ? OR revoked_at < ?')
      .run(before.getTime(), before.getTime()).changes;
  }
}

function toRow(record: SessionRecord): SessionRow {
  return {
    id: record.id,
    user_id: record.userId,
    user_session_version: record.userSessionVersion,
    token_hash: record.tokenHash,
    generation: record.generation,
    created_at: record.createdAt.getTime(),
    last_used_at: record.lastUsedAt.getTime(),
    expires_at: record.expiresAt.getTime(),
    revoked_at: record.revokedAt?.getTime() ?? null,
    revoked_reason: record.revokedReason,
  };
}

function fromRow(row: SessionRow): SessionRecord {
  return {
    id: row.id,
    userId: row.user_id,
    userSessionVersion: row.user_session_version,
    tokenHash: row.token_hash,
    generation: row.generation,
    createdAt: new Date(row.created_at),
    lastUsedAt: new Date(row.last_used_at),
    expiresAt: new Date(row.expires_at),
    revokedAt: row.revoked_at === null ? null : new Date(row.revoked_at),
    revokedReason: row.revoked_reason,
  };
}
