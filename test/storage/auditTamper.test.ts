import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import type { Checkpoint } from '@haven/shared';
import { KeyRing } from '../../server/src/crypto/KeyRing';
import { loadSigningKey } from '../../server/src/crypto/signingKey';
import { AuditService } from '../../server/src/modules/audit/AuditService';
import { entryHash } from '../../server/src/storage/auditChain';
import type { AuditEntry, Storage } from '../../server/src/storage/types';
import { enginesUnderTest, type TestDatabase } from '../support/engines';
import { aCase, anAudit } from '../support/factories';

/**
 * Someone with the database in hand can edit the log behind the application's back: the
 * triggers (SQLite) and the application's append-only discipline are no defence against that.
 * These tests do it, directly in each engine, and expect verification to say where and how.
 */
describe.each(enginesUnderTest())('tampering with the audit log on the $name engine', (engine) => {
  let database: TestDatabase;
  let storage: Storage;
  let service: AuditService;
  let raw: RawLog;
  /** A checkpoint signed before the tampering, as an auditor would have kept it. */
  let kept: Checkpoint;
  /** How many entries the log holds when the tampering starts. */
  let total: number;

  beforeEach(async () => {
    database = await engine.fresh();
    storage = await database.open();
    const keyRing = await KeyRing.open(storage, { masterKey: randomBytes(32) });
    const signingKey = await loadSigningKey(storage.settings, keyRing);
    // Pages smaller than the log, so breaks land inside pages and across their edges.
    service = new AuditService({ store: storage.audit, signingKey, pageSize: 4 });
    for (let index = 0; index < 6; index += 1) {
      await storage.cases.insert(
        aCase(),
        anAudit({ action: 'case.created', actorId: `u${index}` }),
      );
      await storage.audit.append(anAudit({ action: 'auth.login', details: { attempt: index } }));
    }
    kept = await service.checkpoint(null);
    total = (await storage.audit.head())!.seq;
    raw = await openRawLog(database);
  });
  afterEach(async () => {
    await raw.close();
    await database.dispose();
  });

  /** The log as the store gives it, from `seq` on. */
  const entriesFrom = (seq: number) => storage.audit.list({ afterSeq: seq - 1, limit: 1000 });

  it('when nothing was touched, then the log verifies and extends the kept checkpoint', async () => {
    const head = (await storage.audit.head())!.hash;
    const result = await service.verify(null, kept);
    expect(result).toEqual({
      ok: true,
      entries: total,
      head,
      checkpoint: { entries: kept.entries, extends: true },
    });
  });

  it('when a field of an entry is edited, then verification names it: hash_mismatch', async () => {
    await raw.setAction(7, 'auth.logout');
    const result = await service.verify(null, kept);
    expect(result).toMatchObject({ ok: false, entries: total, firstBrokenSeq: 7 });
    expect(result.reason).toBe('hash_mismatch');
    expect(result.checkpoint).toEqual({
      entries: kept.entries,
      extends: false,
      reason: 'rewritten',
    });
  });

  it('when an entry is edited and its hash recomputed, then the next one no longer links to it', async () => {
    const [entry] = await entriesFrom(7);
    await raw.rewrite([rehashed({ ...entry!, action: 'auth.logout' })]);
    const result = await service.verify(null, kept);
    expect(result).toMatchObject({ ok: false, firstBrokenSeq: 8, reason: 'broken_link' });
    expect(result.checkpoint).toMatchObject({ extends: false, reason: 'rewritten' });
  });

  it('when an entry is deleted, then verification names the missing position: gap', async () => {
    await raw.remove(5);
    const result = await service.verify(null, kept);
    expect(result).toMatchObject({
      ok: false,
      entries: total - 1,
      firstBrokenSeq: 5,
      reason: 'gap',
    });
    expect(result.checkpoint).toMatchObject({ extends: false, reason: 'rewritten' });
  });

  it('when the first entry is deleted, then the gap is at 1', async () => {
    await raw.remove(1);
    expect(await service.verify(null)).toMatchObject({ firstBrokenSeq: 1, reason: 'gap' });
  });

  it('when two entries swap places, then verification names the first: out_of_order', async () => {
    await raw.swap(4, 9);
    const result = await service.verify(null, kept);
    expect(result).toMatchObject({ ok: false, entries: total, firstBrokenSeq: 4 });
    expect(result.reason).toBe('out_of_order');
    expect(result.checkpoint).toMatchObject({ extends: false, reason: 'rewritten' });
  });

  it('when two neighbours swap places, then verification names the first: out_of_order', async () => {
    await raw.swap(6, 7);
    expect(await service.verify(null)).toMatchObject({ firstBrokenSeq: 6, reason: 'out_of_order' });
  });

  it('when the last entries are cut off, then the chain holds but the kept checkpoint reports truncated', async () => {
    await raw.truncateAfter(total - 3);
    const result = await service.verify(null, kept);
    expect(result).toEqual({
      ok: false,
      entries: total - 3,
      head: expect.any(String),
      checkpoint: { entries: kept.entries, extends: false, reason: 'truncated' },
    });
    // Without a checkpoint, nothing in the log itself betrays a clean truncation.
    expect(await service.verify(null)).toMatchObject({ ok: true });
  });

  it('when the tail is rewritten consistently, then only the kept checkpoint detects it: rewritten', async () => {
    const tail = await entriesFrom(6);
    const forged: AuditEntry[] = [];
    for (const entry of tail) {
      const previous = forged.at(-1);
      forged.push(
        rehashed({
          ...entry,
          action: entry.seq === 6 ? 'auth.logout' : entry.action,
          prevHash: previous ? previous.hash : entry.prevHash,
        }),
      );
    }
    await raw.rewrite(forged);

    const alone = await service.verify(null);
    expect(alone).toMatchObject({ ok: true, entries: total });
    expect(alone.firstBrokenSeq).toBeUndefined();
    const result = await service.verify(null, kept);
    expect(result).toMatchObject({
      ok: false,
      checkpoint: { entries: kept.entries, extends: false, reason: 'rewritten' },
    });
    expect(result.firstBrokenSeq).toBeUndefined();
  });

  it('when only entries after the kept checkpoint change, then the chain breaks there but the checkpoint is still extended', async () => {
    await storage.audit.append(anAudit({ action: 'auth.login' }));
    const late = (await storage.audit.head())!.seq;
    await raw.setAction(late, 'auth.logout');
    const result = await service.verify(null, kept);
    expect(result).toMatchObject({ ok: false, firstBrokenSeq: late, reason: 'hash_mismatch' });
    expect(result.checkpoint).toEqual({ entries: kept.entries, extends: true });
  });

  it('when an entry is made unreadable, then verification names it and reads on', async () => {
    await raw.corrupt(3);
    const result = await service.verify(null, kept);
    expect(result).toMatchObject({
      ok: false,
      entries: total,
      firstBrokenSeq: 3,
      reason: 'unreadable',
    });
    expect(result.checkpoint).toMatchObject({ extends: false, reason: 'rewritten' });
  });

  it('when the log is broken, then no checkpoint is signed over it', async () => {
    await raw.setAction(2, 'auth.logout');
    await expect(service.checkpoint(null)).rejects.toMatchObject({
      status: 409,
      code: 'audit_log_broken',
    });
  });
});

/** An entry with its hash recomputed from its (changed) content. */
function rehashed(entry: AuditEntry): AuditEntry {
  return { ...entry, hash: entryHash(entry) };
}

/** The engine's own access to the log, past the application's rules. */
interface RawLog {
  setAction(seq: number, action: string): Promise<void>;
  /** Writes these entries' action, links and hashes over the stored ones at the same seq. */
  rewrite(entries: AuditEntry[]): Promise<void>;
  remove(seq: number): Promise<void>;
  /** Exchanges the content of two positions (everything but `seq`). */
  swap(a: number, b: number): Promise<void>;
  truncateAfter(seq: number): Promise<void>;
  /** Stores a value the application cannot read back. */
  corrupt(seq: number): Promise<void>;
  close(): Promise<void>;
}

async function openRawLog(database: TestDatabase): Promise<RawLog> {
  const config = database.config;
  return config.engine === 'sqlite' ? sqliteRawLog(config.file) : mongoRawLog(config.url);
}

function sqliteRawLog(file: string): RawLog {
  const db = new Database(file);
  db.pragma('busy_timeout = 5000');
  db.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
  return {
    async setAction(seq, action) {
      db.prepare('UPDATE audit_log SET action = ? WHERE seq = ?').run(action, seq);
    },
    async rewrite(entries) {
      const update = db.prepare(
        'UPDATE audit_log SET action = ?, prev_hash = ?, hash = ? WHERE seq = ?',
      );
      db.transaction(() => {
        for (const entry of entries)
          update.run(entry.action, entry.prevHash, entry.hash, entry.seq);
      })();
    },
    async remove(seq) {
      db.prepare('DELETE FROM audit_log WHERE seq = ?').run(seq);
    },
    async swap(a, b) {
      const read = db.prepare<[number], Record<string, unknown>>(
        'SELECT * FROM audit_log WHERE seq = ?',
      );
      const rowA = read.get(a)!;
      const rowB = read.get(b)!;
      db.transaction(() => {
        db.prepare('DELETE FROM audit_log WHERE seq IN (?, ?)').run(a, b);
        const insert = db.prepare(
          `INSERT INTO audit_log (seq, id, at, action, actor_id, subject, details, prev_hash, hash)
           VALUES (@seq, @id, @at, @action, @actor_id, @subject, @details, @prev_hash, @hash)`,
        );
        insert.run({ ...rowB, seq: a });
        insert.run({ ...rowA, seq: b });
      })();
    },
    async truncateAfter(seq) {
      db.prepare('DELETE FROM audit_log WHERE seq > ?').run(seq);
    },
    async corrupt(seq) {
      db.prepare(`UPDATE audit_log SET details = '{"not json' WHERE seq = ?`).run(seq);
    },
    async close() {
      db.close();
    },
  };
}

async function mongoRawLog(url: string): Promise<RawLog> {
  const { MongoClient } = await import('mongodb');
  const client = await MongoClient.connect(url);
  const log = client.db().collection<{ _id: number } & Record<string, unknown>>('audit_log');
  return {
    async setAction(seq, action) {
      await log.updateOne({ _id: seq }, { $set: { action } });
    },
    async rewrite(entries) {
      for (const entry of entries) {
        await log.updateOne(
          { _id: entry.seq },
          { $set: { action: entry.action, prevHash: entry.prevHash, hash: entry.hash } },
        );
      }
    },
    async remove(seq) {
      await log.deleteOne({ _id: seq });
    },
    async swap(a, b) {
      const docA = (await log.findOne({ _id: a }))!;
      const docB = (await log.findOne({ _id: b }))!;
      await log.deleteMany({ _id: { $in: [a, b] } });
      await log.insertMany([
        { ...docB, _id: a },
        { ...docA, _id: b },
      ]);
    },
    async truncateAfter(seq) {
      await log.deleteMany({ _id: { $gt: seq } });
    },
    async corrupt(seq) {
      await log.updateOne({ _id: seq }, { $set: { at: 'yesterday' } });
    },
    async close() {
      await client.close();
    },
  };
}
