import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { openStorage, type DatabaseConfig } from '../../server/src/storage';
import type { Storage } from '../../server/src/storage/types';
import { makeTempDir } from './tempDir';

/**
 * The storage engines the behaviour suites run against: SQLite always, MongoDB whenever
 * `MONGODB_URI` is set (CI points it at FerretDB). Each `fresh()` gives an empty database.
 */
export interface EngineUnderTest {
  name: 'sqlite' | 'mongodb';
  /** A new, empty database; `open()` may be called again to get a second handle on it. */
  fresh(): Promise<TestDatabase>;
}

export interface TestDatabase {
  config: DatabaseConfig;
  dataDir: string;
  open(): Promise<Storage>;
  /** Closes every handle opened and removes the database. */
  dispose(): Promise<void>;
}

/**
 * Gives each test of the calling block an empty database of `engine`, opened before and
 * disposed of after it: `db.storage` and `db.database` are the running test's.
 */
export function freshDatabaseEachTest(engine: EngineUnderTest): {
  database: TestDatabase;
  storage: Storage;
} {
  const db = {} as { database: TestDatabase; storage: Storage };
  beforeEach(async () => {
    db.database = await engine.fresh();
    db.storage = await db.database.open();
  });
  afterEach(() => db.database.dispose());
  return db;
}

export function enginesUnderTest(): EngineUnderTest[] {
  const engines: EngineUnderTest[] = [{ name: 'sqlite', fresh: () => freshDatabase(sqliteConfig) }];
  const mongoUri = process.env.MONGODB_URI;
  if (mongoUri) {
    engines.push({ name: 'mongodb', fresh: () => freshDatabase(() => mongoConfig(mongoUri)) });
  }
  return engines;
}

function sqliteConfig(dataDir: string): DatabaseConfig {
  return { engine: 'sqlite', file: join(dataDir, 'haven.db') };
}

/** Same server, a database of its own: `haven_test_<random>`. */
export function mongoConfig(uri: string): DatabaseConfig {
  const url = new URL(uri);
  url.pathname = `/haven_test_${randomBytes(6).toString('hex')}`;
  return { engine: 'mongodb', url: url.toString() };
}

async function freshDatabase(
  configure: (dataDir: string) => DatabaseConfig,
): Promise<TestDatabase> {
  const dir = makeTempDir();
  const config = configure(dir.path);
  const handles: Storage[] = [];
  return {
    config,
    dataDir: dir.path,
    async open() {
      const storage = await openStorage(config, { dataDir: dir.path });
      handles.push(storage);
      return storage;
    },
    async dispose() {
      if (config.engine === 'mongodb') await dropMongoDatabase(config.url);
      await Promise.all(handles.map((storage) => storage.close()));
      dir.cleanup();
    },
  };
}

async function dropMongoDatabase(url: string): Promise<void> {
  const { MongoClient } = await import('mongodb');
  const client = await MongoClient.connect(url);
  try {
    await client.db().dropDatabase();
  } finally {
    await client.close();
  }
}

/**
 * Whether the engine is MongoDB proper, with text indexes: FerretDB (CI's MongoDB) has none,
 * and the case store falls back to a regex scan there.
 */
export async function hasTextIndexes(database: TestDatabase): Promise<boolean> {
  if (database.config.engine !== 'mongodb') return true;
  const { MongoClient } = await import('mongodb');
  const client = await MongoClient.connect(database.config.url);
  try {
    const info = await client.db().admin().command({ buildInfo: 1 });
    return typeof info.ferretdbVersion !== 'string';
  } finally {
    await client.close();
  }
}
