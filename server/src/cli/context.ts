import { loadConfig, type Config } from '../config';
import { openStorage, type Storage } from '../storage';

/** Runs `work` with the configuration and storage the server would use, then closes storage. */
export async function withStorage<T>(
  work: (parts: { config: Config; storage: Storage }) => Promise<T>,
): Promise<T> {
  const config = loadConfig(process.env);
  const storage = await openStorage(config.database, config);
  try {
    return await work({ config, storage });
  } finally {
    await storage.close();
  }
}
