import { access, constants, mkdir } from 'node:fs/promises';
import { loadConfig, type Config } from '../config';
import { keyFileProblems, masterKeyPath } from '../crypto/masterKey';
import { openStorage } from '../storage';

interface Check {
  name: string;
  /** Resolves to a short finding; rejects with what is wrong. */
  run: () => Promise<string>;
}

/** Checks each part Haven needs and prints one line per check; exits 1 if any failed. */
export async function doctor(): Promise<number> {
  let config: Config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    report(false, 'configuration', (error as Error).message);
    return 1;
  }
  report(true, 'configuration', `${config.env}, ${config.database.engine} storage`);

  const checks: Check[] = [
    {
      name: 'data directory',
      run: async () => {
        await mkdir(config.dataDir, { recursive: true, mode: 0o700 });
        await access(config.dataDir, constants.W_OK);
        return `${config.dataDir} is writable`;
      },
    },
    {
      name: 'master key',
      run: async () => {
        if (config.masterKey) return 'given by HAVEN_MASTER_KEY';
        const problems = await keyFileProblems(masterKeyPath(config.dataDir));
        if (problems.length) throw new Error(problems.join('; '));
        return `key file ${masterKeyPath(config.dataDir)} (created at first start if missing)`;
      },
    },
    {
      name: 'storage',
      run: async () => {
        const storage = await openStorage(config.database, config);
        try {
          await storage.ping();
          const admins = await storage.users.countWithRole('admin');
          return `${storage.engine} answers; ${admins ? `${admins} admin(s)` : 'no admin yet (see `haven setup-token`)'}`;
        } finally {
          await storage.close();
        }
      },
    },
  ];

  let healthy = true;
  for (const check of checks) {
    try {
      report(true, check.name, await check.run());
    } catch (error) {
      healthy = false;
      report(false, check.name, error instanceof Error ? error.message : String(error));
    }
  }
  return healthy ? 0 : 1;
}

function report(ok: boolean, name: string, finding: string): void {
  process.stdout.write(`${ok ? 'ok  ' : 'FAIL'}  ${name}: ${finding}\n`);
}
