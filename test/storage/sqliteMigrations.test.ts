import Database from 'better-sqlite3';
import { join } from 'node:path';
import { migrations } from '../../server/src/storage/sqlite/migrations';
import { SqliteStorage } from '../../server/src/storage/sqlite/SqliteStorage';
import { anAudit, anEvent } from '../support/factories';
import { makeTempDir } from '../support/tempDir';

describe('the SQLite schema', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let file: string;

  beforeEach(() => {
    dir = makeTempDir();
    file = join(dir.path, 'haven.db');
  });
  afterEach(() => dir.cleanup());

  /** A database as an older Haven left it: the first `applied` migrations and its rows. */
  function databaseAt(applied: number, fill: (db: Database.Database) => void = () => {}): void {
    const db = new Database(file);
    for (const migration of migrations.slice(0, applied)) db.exec(migration);
    db.pragma(`user_version = ${applied}`);
    fill(db);
    db.close();
  }

  it('when a database of schema 1 is opened, then it is migrated and its cases read on, without a receipt hash', async () => {
    databaseAt(1, (db) =>
      db
        .prepare(
          `INSERT INTO cases (id, reference, status, category, country, severity, assignee_id,
             month, created_at, updated_at, version, idempotency_key, body)
           VALUES ('c1', 'HV-OLD', 'new', 'other', NULL, NULL, NULL, '2025-12', 1, 1, 1, NULL, '{}')`,
        )
        .run(),
    );

    const storage = new SqliteStorage({ file, blobDir: join(dir.path, 'blobs') });
    try {
      expect(await storage.cases.get('c1')).toMatchObject({
        reference: 'HV-OLD',
        receiptHash: null,
      });
      const event = anEvent({ caseId: 'c1' });
      await storage.timeline.append(event, anAudit());
      expect(await storage.timeline.listByCase('c1')).toEqual([event]);
    } finally {
      await storage.close();
    }
    const db = new Database(file, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    db.close();
  });

  it('when a database of schema 3 is opened, then its cases get the queue fields, their unread count out of the body and their text searchable', async () => {
    databaseAt(3, (db) =>
      db
        .prepare(
          `INSERT INTO cases (id, reference, status, category, country, severity, assignee_id,
             month, created_at, updated_at, version, idempotency_key, body)
           VALUES ('c1', 'HV-OLD', 'triaged', 'other', NULL, 'high', NULL, '2025-12', 1, 1, 1,
             NULL, '{"text":{"narrative":"An old ransomware note","urls":[]},"unreadFromReporter":2}')`,
        )
        .run(),
    );

    const storage = new SqliteStorage({ file, blobDir: join(dir.path, 'blobs') });
    try {
      expect(await storage.cases.get('c1')).toMatchObject({
        tlp: 'AMBER',
        tags: [],
        slaDueAt: null,
        unreadFromReporter: 2,
        body: { text: { narrative: 'An old ransomware note', urls: [] } },
      });
      expect((await storage.cases.get('c1'))!.body).not.toHaveProperty('unreadFromReporter');
      const found = await storage.cases.list({ sort: 'priority', limit: 5, text: 'ransomware' });
      expect(found.items.map((item) => item.id)).toEqual(['c1']);
      const high = await storage.cases.list({ sort: 'priority', limit: 5, severity: ['high'] });
      expect(high.items.map((item) => item.id)).toEqual(['c1']);
    } finally {
      await storage.close();
    }
  });

  it('when a database of schema 4 is opened, then its cases read with no blind indexes and can be given some', async () => {
    databaseAt(4, (db) =>
      db
        .prepare(
          `INSERT INTO cases (id, reference, status, category, country, severity, assignee_id,
             month, created_at, updated_at, version, idempotency_key, body)
           VALUES ('c1', 'HV-OLD', 'new', 'other', NULL, NULL, NULL, '2025-12', 1, 1, 1, NULL, '{}')`,
        )
        .run(),
    );

    const storage = new SqliteStorage({ file, blobDir: join(dir.path, 'blobs') });
    try {
      expect((await storage.cases.get('c1'))!.blindIndexes).toEqual([]);
      await storage.cases.update('c1', 1, { blindIndexes: ['url:aa'] }, anAudit());
      const found = await storage.cases.listSharingBlindIndexes(['url:aa'], {
        excludeId: 'other',
        limit: 5,
      });
      expect(found.map((item) => item.id)).toEqual(['c1']);
    } finally {
      await storage.close();
    }
  });

  it('when a database was written by a newer Haven, then opening it is refused', () => {
    databaseAt(migrations.length);
    const db = new Database(file);
    db.pragma(`user_version = ${migrations.length + 1}`);
    db.close();

    expect(() => new SqliteStorage({ file, blobDir: join(dir.path, 'blobs') })).toThrow(
      /newer Haven/,
    );
  });
});
