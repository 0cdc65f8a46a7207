import mongoose, { type Connection } from 'mongoose';
import type { Storage } from '../types';
import { GridFsBlobStore } from './GridFsBlobStore';
import { createIndexes, defineModels, type Models } from './models';
import { MongoAuditStore } from './MongoAuditStore';
import { MongoCaseStore } from './MongoCaseStore';
import { MongoLoginAttemptStore } from './MongoLoginAttemptStore';
import { MongoSessionStore } from './MongoSessionStore';
import { MongoSettingsStore } from './MongoSettingsStore';
import { MongoStatsStore } from './MongoStatsStore';
import { MongoTimelineStore } from './MongoTimelineStore';
import { MongoUserStore } from './MongoUserStore';
import { WriteGate } from './writes';

/**
 * The MongoDB engine, through mongoose, on a connection of its own (several may live in one
 * process). Writes are acknowledged by a majority of the replica set and journaled; reads see
 * only majority-committed data, so nothing read (an audit head above all) can be rolled back.
 */
export class MongoStorage implements Storage {
  readonly engine = 'mongodb' as const;
  readonly cases: MongoCaseStore;
  readonly timeline: MongoTimelineStore;
  readonly users: MongoUserStore;
  readonly sessions: MongoSessionStore;
  readonly loginAttempts: MongoLoginAttemptStore;
  readonly settings: MongoSettingsStore;
  readonly blobs: GridFsBlobStore;
  readonly audit: MongoAuditStore;
  readonly stats: MongoStatsStore;

  private constructor(
    private readonly conn: Connection,
    models: Models,
    gate: WriteGate,
    textIndex: boolean,
  ) {
    this.audit = new MongoAuditStore(models.auditLog);
    this.cases = new MongoCaseStore(models.cases, this.audit, gate, textIndex);
    this.timeline = new MongoTimelineStore(models.events, this.audit, gate);
    this.users = new MongoUserStore(models.users, this.audit, gate);
    this.sessions = new MongoSessionStore(models.sessions, this.audit, gate);
    this.loginAttempts = new MongoLoginAttemptStore(models.loginAttempts, this.audit, gate);
    this.settings = new MongoSettingsStore(models.settings, this.audit, gate);
    this.blobs = new GridFsBlobStore(database(conn));
    this.stats = new MongoStatsStore(models.cases);
    const audited = [
      this.cases,
      this.timeline,
      this.users,
      this.sessions,
      this.loginAttempts,
      this.settings,
    ];
    for (const store of audited) {
      this.audit.watch(store.auditSource);
    }
  }

  /** Connects, creates missing indexes and finishes any audit move a crash left undone. */
  static async connect(url: string): Promise<MongoStorage> {
    const conn = mongoose.createConnection(url, {
      writeConcern: { w: 'majority', j: true },
      readConcern: { level: 'majority' },
      autoIndex: false,
      autoCreate: false,
    });
    // Operators in filters come only from `mongoose.trusted(…)`; a value that smuggles one in
    // (`{ $ne: null }` as a username) is compared as a value.
    conn.set('sanitizeFilter', true);
    try {
      await conn.asPromise();
      const models = defineModels(conn);
      // `createIndexes`, not `syncIndexes`: syncing drops indexes whose options differ from the
      // schema, and FerretDB lists a sparse index without `sparse`, so every start would drop
      // and rebuild the unique idempotency-key index, leaving a window without it.
      const ferret = await isFerretDb(conn);
      await createIndexes(models, { text: !ferret });
      const storage = new MongoStorage(conn, models, writeGateFor(conn, ferret), !ferret);
      await storage.blobs.createIndexes();
      await storage.audit.sweep();
      return storage;
    } catch (error) {
      await conn.close().catch(() => undefined);
      throw error;
    }
  }

  async ping(): Promise<void> {
    await database(this.conn).command({ ping: 1 });
  }

  async close(): Promise<void> {
    await this.conn.close();
  }
}

function database(conn: Connection): mongoose.mongo.Db {
  if (!conn.db) throw new Error('The MongoDB connection is not open.');
  return conn.db;
}

/** FerretDB says who it is in `buildInfo`. */
async function isFerretDb(conn: Connection): Promise<boolean> {
  const info = await database(conn).admin().command({ buildInfo: 1 });
  return typeof info.ferretdbVersion === 'string';
}

/** FerretDB v1 needs its writes queued (see `WriteGate`). */
function writeGateFor(conn: Connection, ferret: boolean): WriteGate {
  return new WriteGate(ferret ? `${conn.host}:${conn.port}/${conn.name}` : null);
}
