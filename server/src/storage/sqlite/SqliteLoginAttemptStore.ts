import type Database from 'better-sqlite3';
import type { AuditDraft, LoginAttempts, LoginAttemptStore } from '../types';
import type { SqliteAuditStore } from './SqliteAuditStore';
import { StatementCache } from './statements';

interface AttemptRow {
  key: string;
  count: number;
  window_started_at: number;
  last_failure_at: number;
}

export class SqliteLoginAttemptStore implements LoginAttemptStore {
  private readonly sql: StatementCache;

  constructor(
    db: Database.Database,
    private readonly audit: SqliteAuditStore,
  ) {
    this.sql = new StatementCache(db);
  }

  async recordFailure(
    key: string,
    at: Date,
    windowMs: number,
    audit: AuditDraft,
  ): Promise<LoginAttempts> {
    const now = at.getTime();
    // One statement: a window that started too long ago restarts at this failure.
    const row = this.audit.withEntry(audit, () =>
      this.sql
        .get<AttemptRow>(
          `INSERT INTO login_attempts (key, count, window_started_at, last_failure_at)
           VALUES (@key, 1, @now, @now)
           ON CONFLICT (key) DO UPDATE SET
             count = CASE WHEN window_started_at > @cutoff THEN count + 1 ELSE 1 END,
             window_started_at =
               CASE WHEN window_started_at > @cutoff THEN window_started_at ELSE @now END,
             last_failure_at = max(last_failure_at, @now)
           RETURNING *`,
        )
        .get({ key, now, cutoff: now - windowMs })!,
    );
    return fromRow(row);
  }

  async get(key: string): Promise<LoginAttempts | null> {
    const row = this.sql.get<AttemptRow>('SELECT * FROM login_attempts WHERE key = ?').get(key);
    return row ? fromRow(row) : null;
  }

  async clear(key: string): Promise<void> {
    this.sql.get('DELETE FROM login_attempts WHERE key = ?').run(key);
  }

  async purgeStale(before: Date): Promise<number> {
    return this.sql
      .get('DELETE FROM login_attempts WHERE last_failure_at < ?')
      .run(before.getTime()).changes;
  }
}

function fromRow(row: AttemptRow): LoginAttempts {
  return {
    key: row.key,
    count: row.count,
    windowStartedAt: new Date(row.window_started_at),
    lastFailureAt: new Date(row.last_failure_at),
  };
}
