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
