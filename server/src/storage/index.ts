import { join } from 'node:path';
import type { Storage } from './types';

export type DatabaseConfig =
  { engine: 'sqlite'; file: string } | { engine: 'mongodb'; url: string };

/**
 * Opens the engine the configuration names. Each engine's library is loaded only when chosen,
 * so the embedded default never loads the MongoDB driver.
 */
export async function openStorage(
  database: DatabaseConfig,
  options: { dataDir: string },
): Promise<Storage> {
  if (database.engine === 'mongodb') {
    const { MongoStorage } = await import('./mongo/MongoStorage.js');
    return MongoStorage.connect(database.url);
  }
  const { SqliteStorage } = await import('./sqlite/SqliteStorage.js');
  return new SqliteStorage({ file: database.file, blobDir: join(options.dataDir, 'blobs') });
}

export type * from './types';
