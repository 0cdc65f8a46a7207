import type Database from 'better-sqlite3';
import type { AuditDraft, JsonValue, SettingsStore } from '../types';
import type { SqliteAuditStore } from './SqliteAuditStore';
import { StatementCache } from './statements';

export class SqliteSettingsStore implements SettingsStore {
  private readonly sql: StatementCache;

  constructor(
    db: Database.Database,
    private readonly audit: SqliteAuditStore,
  ) {
    this.sql = new StatementCache(db);
  }

  async get(key: string): Promise<JsonValue | null> {
    const row = this.sql
      .get<{ value: string }>('SELECT value FROM settings WHERE key = ?')
      .get(key);
    return row ? (JSON.parse(row.value) as JsonValue) : null;
  }

  async put(key: string, value: JsonValue, audit?: AuditDraft): Promise<void> {
    this.audit.withEntry(audit, () =>
      this.sql
        .get(
          `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
           ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
        )
        .run(key, JSON.stringify(value), Date.now()),
    );
  }

  async putIfAbsent(key: string, value: JsonValue, audit?: AuditDraft): Promise<boolean> {
    const result = this.audit.withEntry(
      audit,
      () =>
        this.sql
          .get(
            `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
             ON CONFLICT (key) DO NOTHING`,
          )
          .run(key, JSON.stringify(value), Date.now()),
      (inserted) => inserted.changes === 1,
    );
    return result.changes === 1;
  }

  async delete(key: string, audit?: AuditDraft): Promise<void> {
    this.audit.withEntry(audit, () => this.sql.get('DELETE FROM settings WHERE key = ?').run(key));
  }
}
