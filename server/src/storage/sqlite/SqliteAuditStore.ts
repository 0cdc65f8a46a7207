import type Database from 'better-sqlite3';
import { chainEntry, stampAudit, type StampedAudit } from '../auditChain';
import type { AuditDraft, AuditEntry, AuditStore, JsonObject } from '../types';

interface AuditRow {
  seq: number;
  id: string;
  at: number;
  action: string;
  actor_id: string | null;
  subject: string | null;
  details: string | null;
  prev_hash: string;
  hash: string;
}

export class SqliteAuditStore implements AuditStore {
  private readonly headStatement: Database.Statement<[], Pick<AuditRow, 'seq' | 'hash'>>;
  private readonly insertStatement: Database.Statement;

  constructor(private readonly db: Database.Database) {
    this.headStatement = db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1');
    this.insertStatement = db.prepare(
      `INSERT INTO audit_log (seq, id, at, action, actor_id, subject, details, prev_hash, hash)
       VALUES (@seq, @id, @at, @action, @actor_id, @subject, @details, @prev_hash, @hash)`,
    );
  }

  /**
   * Appends inside the caller's transaction. Writers are serialised by SQLite's write lock
   * (transactions start IMMEDIATE), so reading the head and inserting after it cannot race.
   */
  appendInTransaction(stamped: StampedAudit): AuditEntry {
    const entry = chainEntry(this.headStatement.get() ?? null, stamped);
    this.insertStatement.run({
      seq: entry.seq,
      id: entry.id,
      at: entry.at.getTime(),
      action: entry.action,
      actor_id: entry.actorId,
      subject: entry.subject ? JSON.stringify(entry.subject) : null,
      details: entry.details ? JSON.stringify(entry.details) : null,
      prev_hash: entry.prevHash,
      hash: entry.hash,
    });
    return entry;
  }

  /**
   * Runs `change` and appends its audit entry in one IMMEDIATE transaction; for a change that may
   * turn out to be none, only if `changed` says so of its result.
   */
  withEntry<T>(
    draft: AuditDraft | undefined,
    change: () => T,
    changed: (result: T) => boolean = () => true,
  ): T {
    const stamped = draft ? stampAudit(draft) : undefined;
    return this.db
      .transaction(() => {
        const result = change();
        if (stamped && changed(result)) this.appendInTransaction(stamped);
        return result;
      })
      .immediate();
  }

  async append(draft: AuditDraft): Promise<AuditEntry> {
    const stamped = stampAudit(draft);
    return this.db.transaction(() => this.appendInTransaction(stamped)).immediate();
  }

  async list(query: { afterSeq?: number; limit: number }): Promise<AuditEntry[]> {
    const rows = this.db
      .prepare<[number, number], AuditRow>(
        'SELECT * FROM audit_log WHERE seq > ? ORDER BY seq LIMIT ?',
      )
      .all(query.afterSeq ?? 0, query.limit);
    return rows.map(toEntry);
  }

  async head(): Promise<{ seq: number; hash: string } | null> {
    return this.headStatement.get() ?? null;
  }
}

function toEntry(row: AuditRow): AuditEntry {
  const entry: AuditEntry = {
    seq: row.seq,
    id: row.id,
    at: new Date(row.at),
    action: row.action,
    actorId: row.actor_id,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
  if (row.subject) entry.subject = JSON.parse(row.subject) as { type: string; id: string };
  if (row.details) entry.details = JSON.parse(row.details) as JsonObject;
  return entry;
}
