import { randomBytes } from 'node:crypto';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Config } from '../config';
import { ConfigError } from '../errors';
import type { Logger } from '../logger';

export const MASTER_KEY_FILE = 'master.key';

/**
 * The master key that wraps every data key. Given by `HAVEN_MASTER_KEY`; in the embedded
 * single-machine mode, kept in a key file in the data directory, created on first start with
 * mode 0600. (Production refuses to start without the variable; see `config.ts`.)
 */
export async function loadMasterKey(
  config: Pick<Config, 'masterKey' | 'dataDir'>,
  logger: Logger,
): Promise<Buffer> {
  if (config.masterKey) return config.masterKey;
  const path = masterKeyPath(config.dataDir);
  const existing = await readKeyFile(path);
  if (existing) return existing;

  await mkdir(config.dataDir, { recursive: true, mode: 0o700 });
  const key = randomBytes(32);
  try {
    await writeFile(path, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx', flush: true });
  } catch (error) {
    // Another process created it first: use theirs.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return (await readKeyFile(path))!;
    throw error;
  }
  logger.warn(
    { keyFile: path },
    'Generated a master key file. Back it up and keep it secret: without it, sealed data cannot be read. In production set HAVEN_MASTER_KEY instead.',
  );
  return key;
}

export function masterKeyPath(dataDir: string): string {
  return join(dataDir, MASTER_KEY_FILE);
}

/** Problems with the key file's permissions, for `haven doctor`; empty when there is none. */
export async function keyFileProblems(path: string): Promise<string[]> {
  const info = await stat(path).catch(() => null);
  if (!info) return [];
  return info.mode & 0o077
    ? [
        `${MASTER_KEY_FILE} is readable by other users (mode ${(info.mode & 0o777).toString(8)}); run chmod 600`,
      ]
    : [];
}

async function readKeyFile(path: string): Promise<Buffer | null> {
  const text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  if (text === null) return null;
  const problems = await keyFileProblems(path);
  if (problems.length) throw new ConfigError(problems);
  const key = Buffer.from(text.trim(), 'base64');
  if (key.length !== 32) throw new ConfigError([`${path} does not hold a 32-byte base64 key`]);
  return key;
}
