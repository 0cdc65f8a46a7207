import Database from 'better-sqlite3';
import { join } from 'node:path';
import { migrations } from '../../server/src/storage/sqlite/migrations';
import { SqliteStorage } from '../../server/src/storage/sqlite/SqliteStorage';
import type { CaseQuery } from '../../server/src/storage/types';
import { aCase, anAudit, anEvent } from '../support/factories';
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

  it('when a database of schema 5 is opened, then its text, tags and counts serve the queue by state, and a new case of the same millisecond joins them', async () => {
    databaseAt(5, (db) => {
      const insert = db.prepare(
        `INSERT INTO cases (id, reference, status, category, country, severity, severity_rank,
           assignee_id, month, created_at, updated_at, version, idempotency_key, tags, body)
         VALUES (@id, @reference, @status, 'other', NULL, @severity, @rank, NULL, '1970-01',
           @at, @at, 1, NULL, @tags, @body)`,
      );
      const old = [
        { id: 'c1', reference: 'HV-ONE', status: 'triaged', severity: 'high', rank: 1, at: 1000 },
        { id: 'c2', reference: 'HV-TWO', status: 'new', severity: null, rank: 4, at: 1000 },
        { id: 'c3', reference: 'HV-THREE', status: 'closed', severity: 'low', rank: 3, at: 999 },
      ];
      for (const record of old) {
        const tags = record.status === 'new' ? [] : ['coordinated'];
        const text = `Spyware report ${record.reference}`;
        const { lastInsertRowid } = insert.run({
          ...record,
          tags: JSON.stringify(tags),
          body: JSON.stringify({ text: { narrative: text } }),
        });
        for (const tag of tags) {
          db.prepare('INSERT INTO case_tags (tag, case_id) VALUES (?, ?)').run(tag, record.id);
        }
        db.prepare('INSERT INTO cases_fts (rowid, text) VALUES (?, ?)').run(lastInsertRowid, text);
      }
    });

    const storage = new SqliteStorage({ file, blobDir: join(dir.path, 'blobs') });
    try {
      await storage.cases.insert(
        aCase({
          id: 'c0',
          reference: 'HV-NEW',
          status: 'triaged',
          createdAt: new Date(1000),
          body: { text: { narrative: 'Spyware again' } },
        }),
        anAudit(),
      );
      const references = async (query: Omit<CaseQuery, 'limit'>) =>
        (await storage.cases.list({ ...query, limit: 10 })).items.map((item) => item.reference);

      // Newest first; within the millisecond 1000, by id descending.
      expect(await references({ sort: 'newest', text: 'spyware' })).toEqual([
        'HV-TWO',
        'HV-ONE',
        'HV-NEW',
        'HV-THREE',
      ]);
      expect(await references({ sort: 'newest', text: 'spyware', status: ['triaged'] })).toEqual([
        'HV-ONE',
        'HV-NEW',
      ]);
      expect(
        await references({ sort: 'priority', tag: 'coordinated', status: ['triaged', 'closed'] }),
      ).toEqual(['HV-ONE', 'HV-THREE']);
      const all = { triaged: 2, new: 1, closed: 1 };
      expect(await storage.cases.countByStatus({})).toEqual(all);
      expect(await storage.cases.countByStatus({ text: 'spyware' })).toEqual(all);
      expect(await storage.cases.countByStatus({ tag: 'coordinated' })).toEqual({
        triaged: 1,
        closed: 1,
      });
    } finally {
      await storage.close();
    }
  });

  it('when a database of schema 7 still has the status-count trigger of the first migration 6, then it is dropped and the counts are exact again', async () => {
    databaseAt(7, (db) => {
      db.exec(`CREATE TRIGGER case_counts_on_insert AFTER INSERT ON cases
        BEGIN
          INSERT INTO case_counts (status, count) VALUES (new.status, 1)
            ON CONFLICT (status) DO UPDATE SET count = count + 1;
        END;
        INSERT INTO case_counts (status, count) VALUES ('new', 1);
        INSERT INTO cases (id, reference, status, category, month, created_at, updated_at,
            version, body)
          VALUES ('c1', 'HV-OLD', 'new', 'other', '1970-01', 1, 1, 1, '{}');`);
    });

    const storage = new SqliteStorage({ file, blobDir: join(dir.path, 'blobs') });
    try {
      expect(await storage.cases.countByStatus({})).toEqual({ new: 1 });
      await storage.cases.insert(aCase({ status: 'new' }), anAudit());
      expect(await storage.cases.countByStatus({})).toEqual({ new: 2 });
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
