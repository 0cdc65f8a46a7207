import type Database from 'better-sqlite3';
import { decodeCursor, toPage } from '../cursor';
import { userChanges } from '../patch';
import type {
  AuditDraft,
  JsonObject,
  NewUser,
  Page,
  UserPatch,
  UserRecord,
  UserStore,
} from '../types';
import type { SqliteAuditStore } from './SqliteAuditStore';
import { patchColumns, StatementCache, translateConstraint, updateVersioned } from './statements';

interface UserRow {
  id: string;
  username: string;
  display_name: string;
  roles: string;
  disabled: number;
  created_at: number;
  updated_at: number;
  version: number;
  body: string;
}

export class SqliteUserStore implements UserStore {
  private readonly sql: StatementCache;

  constructor(
    db: Database.Database,
    private readonly audit: SqliteAuditStore,
  ) {
    this.sql = new StatementCache(db);
  }

  async insert(record: NewUser, audit: AuditDraft): Promise<UserRecord> {
    const stored: UserRecord = { ...record, version: 1, updatedAt: record.createdAt };
    translateConstraint(() =>
      this.audit.withEntry(audit, () =>
        this.sql
          .get(
            `INSERT INTO users (id, username, display_name, roles, disabled, created_at,
               updated_at, version, body)
             VALUES (@id, @username, @display_name, @roles, @disabled, @created_at,
               @updated_at, @version, @body)`,
          )
          .run(toRow(stored)),
      ),
    );
    return stored;
  }

  async get(id: string): Promise<UserRecord | null> {
    const row = this.sql.get<UserRow>('SELECT * FROM users WHERE id = ?').get(id);
    return row ? fromRow(row) : null;
  }

  async getByUsername(username: string): Promise<UserRecord | null> {
    const row = this.sql.get<UserRow>('SELECT * FROM users WHERE username = ?').get(username);
    return row ? fromRow(row) : null;
  }

  async update(
    id: string,
    expectedVersion: number,
    patch: UserPatch,
    audit: AuditDraft,
  ): Promise<UserRecord> {
    const columns = patchColumns(userChanges(patch));
    translateConstraint(() =>
      this.audit.withEntry(audit, () =>
        updateVersioned(this.sql, 'users', id, expectedVersion, columns, new Date()),
      ),
    );
    return (await this.get(id))!;
  }

  async countWithRole(role: string): Promise<number> {
    return this.sql
      .get<{ n: number }>(
        `SELECT count(*) AS n FROM users, json_each(users.roles)
         WHERE json_each.value = ? AND users.disabled = 0`,
      )
      .get(role)!.n;
  }

  async list(query: { limit: number; cursor?: string }): Promise<Page<UserRecord>> {
    const position = query.cursor ? decodeCursor(query.cursor) : { keys: [-1], id: '' };
    const rows = this.sql
      .get<UserRow>(
        `SELECT * FROM users WHERE (created_at, id) > (?, ?) ORDER BY created_at, id LIMIT ?`,
      )
      .all(position.keys[0], position.id, query.limit + 1);
    return toPage(rows.map(fromRow), query.limit);
  }
}

function toRow(record: UserRecord): UserRow {
  return {
    id: record.id,
    username: record.username,
    display_name: record.displayName,
    roles: JSON.stringify(record.roles),
    disabled: record.disabled ? 1 : 0,
    created_at: record.createdAt.getTime(),
    updated_at: record.updatedAt.getTime(),
    version: record.version,
    body: JSON.stringify(record.body),
  };
}

function fromRow(row: UserRow): UserRecord {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    roles: JSON.parse(row.roles) as string[],
    disabled: row.disabled === 1,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
    version: row.version,
    body: JSON.parse(row.body) as JsonObject,
  };
}
