import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { FileBlobStore } from '../FileBlobStore';
import type { Storage } from '../types';
import { SqliteAuditStore } from './SqliteAuditStore';
import { SqliteCaseStore } from './SqliteCaseStore';
import { SqliteLoginAttemptStore } from './SqliteLoginAttemptStore';
import { SqliteSessionStore } from './SqliteSessionStore';
import { SqliteSettingsStore } from './SqliteSettingsStore';
import { SqliteStatsStore } from './SqliteStatsStore';
import { SqliteTimelineStore } from './SqliteTimelineStore';
import { SqliteUserStore } from './SqliteUserStore';
import { migrations } from './migrations';

export interface SqliteOptions {
  /** The database file; its directory is created if missing. */
  file: string;
  /** Where attachment blobs are kept, as files. */
  blobDir: string;
}

/** The embedded engine: one SQLite file in WAL mode with fully synchronous commits. */
export class SqliteStorage implements Storage {
  readonly engine = 'sqlite' as const;
  readonly cases: SqliteCaseStore;
  readonly timeline: SqliteTimelineStore;
  readonly users: SqliteUserStore;
  readonly sessions: SqliteSessionStore;
  readonly loginAttempts: SqliteLoginAttemptStore;
  readonly settings: SqliteSettingsStore;
  readonly blobs: FileBlobStore;
  readonly audit: SqliteAuditStore;
  readonly stats: SqliteStatsStore;
  private readonly db: Database.Database;

  constructor(options: SqliteOptions) {
    mkdirSync(dirname(options.file), { recursive: true });
    this.db = new Database(options.file);
    this.db.pragma('journal_mode = WAL');
    // FULL: a commit is on disk before it is acknowledged, so nothing acknowledged is lost.
    this.db.pragma('synchronous = FULL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 5000');
    try {
      migrate(this.db);
    } catch (error) {
      this.db.close();
      throw error;
    }
    this.audit = new SqliteAuditStore(this.db);
    this.cases = new SqliteCaseStore(this.db, this.audit);
    this.timeline = new SqliteTimelineStore(this.db, this.audit);
    this.users = new SqliteUserStore(this.db, this.audit);
    this.sessions = new SqliteSessionStore(this.db, this.audit);
    this.loginAttempts = new SqliteLoginAttemptStore(this.db, this.audit);
    this.settings = new SqliteSettingsStore(this.db, this.audit);
    this.blobs = new FileBlobStore(options.blobDir);
    this.stats = new SqliteStatsStore(options.file);
  }

  async ping(): Promise<void> {
    this.db.prepare('SELECT 1').get();
  }

  async close(): Promise<void> {
    await this.stats.close();
    if (this.db.open) this.db.close();
  }
}

function migrate(db: Database.Database): void {
  const applied = db.pragma('user_version', { simple: true }) as number;
  if (applied > migrations.length) {
    throw new Error(
      `The database was written by a newer Haven (schema ${applied}, this one knows ${migrations.length}).`,
    );
  }
  db.transaction(() => {
    for (let index = applied; index < migrations.length; index += 1) {
      db.exec(migrations[index]!);
    }
    db.pragma(`user_version = ${migrations.length}`);
  }).immediate();
}
