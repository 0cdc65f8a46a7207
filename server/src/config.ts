import { isAbsolute, join, resolve } from 'node:path';
import { z } from 'zod';
import { ConfigError } from './errors';
import type { DatabaseConfig } from './storage';

/**
 * Haven's configuration: read from the environment once, at start-up, validated, and passed
 * down. Nothing else in the server reads `process.env`. The README documents every variable.
 */
export interface Config {
  env: 'development' | 'production' | 'test';
  port: number;
  /** The interface to listen on; loopback unless told otherwise (e.g. in a container). */
  host: string;
  /** Absolute path of the data directory (SQLite file, blobs, generated keys). */
  dataDir: string;
  database: DatabaseConfig;
  /** 32 bytes from `HAVEN_MASTER_KEY`, or `null` to use (or create) the key file. */
  masterKey: Buffer | null;
  /** The URL people use to reach Haven, for links the server prints. */
  publicUrl: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** How long in-flight requests may take to finish on shutdown. */
  shutdownGraceMs: number;
  /** Leading zero bits of the reporter's proof of work; 0 turns it off. */
  proofOfWorkBits: number;
  /** Express's `trust proxy`: which proxies may say the client's address (for throttling). */
  trustProxy: boolean | number | string;
}

const EnvironmentSchema = z.object({
  NODE_ENV: z
    .enum(['development', 'production', 'test'], {
      error: 'must be development, production or test',
    })
    .default('development'),
  PORT: z.coerce
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(0, 'must be between 0 and 65535')
    .max(65535, 'must be between 0 and 65535')
    .default(8080),
  HAVEN_HOST: z.string().trim().min(1, 'must not be empty').default('127.0.0.1'),
  HAVEN_DATA_DIR: z.string().trim().min(1, 'must not be empty').default('./data'),
  HAVEN_PUBLIC_URL: z
    .url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' })
    .optional(),
  HAVEN_LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      error: 'must be one of fatal, error, warn, info, debug, trace, silent',
    })
    .default('info'),
  HAVEN_POW_BITS: z.coerce
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(0, 'must be between 0 and 28')
    .max(28, 'must be between 0 and 28')
    .optional(),
  HAVEN_TRUST_PROXY: z
    .string()
    .trim()
    .regex(
      /^(true|false|\d+|loopback|uniquelocal|linklocal|[0-9a-f.:/, ]+)$/i,
      'must be true, false, a hop count, or addresses',
    )
    .default('false'),
  HAVEN_SHUTDOWN_GRACE_MS: z.coerce
    .number({ error: 'must be a number' })
    .int()
    .min(0)
    .max(600_000)
    .default(10_000),
});

/** Parses `env` (normally `process.env`); throws `ConfigError` listing every problem at once. */
export function loadConfig(env: Record<string, string | undefined>, cwd = process.cwd()): Config {
  const given = withoutEmptyValues(env);
  const parsed = EnvironmentSchema.safeParse(given);
  const problems = parsed.success
    ? []
    : parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`);

  const dataDirSetting = parsed.data?.HAVEN_DATA_DIR ?? './data';
  const dataDir = isAbsolute(dataDirSetting) ? dataDirSetting : resolve(cwd, dataDirSetting);
  const database = parseDatabaseUrl(given.DATABASE_URL?.trim(), dataDir, cwd);
  if (typeof database === 'string') problems.push(database);
  const masterKey = given.HAVEN_MASTER_KEY ? parseMasterKey(given.HAVEN_MASTER_KEY.trim()) : null;
  if (typeof masterKey === 'string') problems.push(masterKey);
  if (given.NODE_ENV === 'production' && !given.HAVEN_MASTER_KEY) {
    problems.push(
      'HAVEN_MASTER_KEY is required in production (32 random bytes, base64: `openssl rand -base64 32`)',
    );
  }

  if (!parsed.success || problems.length) throw new ConfigError(problems);
  const values = parsed.data;
  return {
    env: values.NODE_ENV,
    port: values.PORT,
    host: values.HAVEN_HOST,
    dataDir,
    database: database as DatabaseConfig,
    masterKey: masterKey as Buffer | null,
    publicUrl: (values.HAVEN_PUBLIC_URL ?? `http://localhost:${values.PORT}`).replace(/\/+$/, ''),
    logLevel:
      values.NODE_ENV === 'test' && !env.HAVEN_LOG_LEVEL ? 'silent' : values.HAVEN_LOG_LEVEL,
    shutdownGraceMs: values.HAVEN_SHUTDOWN_GRACE_MS,
    // On by default in production: it costs a browser a second and a bot fleet a fortune.
    proofOfWorkBits: values.HAVEN_POW_BITS ?? (values.NODE_ENV === 'production' ? 18 : 0),
    trustProxy: parseTrustProxy(values.HAVEN_TRUST_PROXY),
  };
}

function parseTrustProxy(value: string): boolean | number | string {
  if (/^(true|false)$/i.test(value)) return value.toLowerCase() === 'true';
  return /^\d+$/.test(value) ? Number(value) : value;
}

/** An empty variable (`FOO=`) means "not set", as most tools treat it. */
function withoutEmptyValues(env: Record<string, string | undefined>) {
  return Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
}

function parseDatabaseUrl(
  url: string | undefined,
  dataDir: string,
  cwd: string,
): DatabaseConfig | string {
  if (!url) return { engine: 'sqlite', file: join(dataDir, 'haven.db') };
  if (/^mongodb(\+srv)?:\/\/[^/]/.test(url)) {
    try {
      new URL(url);
      return { engine: 'mongodb', url };
    } catch {
      return 'DATABASE_URL is not a valid mongodb:// URL';
    }
  }
  const sqlite = /^(?:sqlite|file):(.+)$/.exec(url);
  if (sqlite) {
    const path = sqlite[1]!.replace(/^\/\/(?=\/)/, '');
    return { engine: 'sqlite', file: isAbsolute(path) ? path : resolve(cwd, path) };
  }
  return 'DATABASE_URL must be a mongodb:// or mongodb+srv:// URL, or sqlite:<path to a file>';
}

function parseMasterKey(value: string): Buffer | string {
  // 32 bytes are 43 base64 characters and one '=' of padding.
  if (!/^[A-Za-z0-9+/]{43}=?$/.test(value)) {
    return 'HAVEN_MASTER_KEY must be 32 bytes, base64-encoded (`openssl rand -base64 32`)';
  }
  return Buffer.from(value, 'base64');
}
