import { loadConfig, type Config } from '../config';
import { createLogger, type Logger } from '../logger';
import { openStorage, type Storage } from '../storage';

/** Runs `work` with the configuration and storage the server would use, then closes storage. */
export async function withStorage<T>(
  work: (parts: { config: Config; storage: Storage; logger: Logger }) => Promise<T>,
): Promise<T> {
  const config = loadConfig(process.env);
  const logger = createLogger({ logLevel: config.logLevel === 'info' ? 'warn' : config.logLevel });
  const storage = await openStorage(config.database, config);
  try {
    return await work({ config, storage, logger });
  } finally {
    await storage.close();
  }
}
