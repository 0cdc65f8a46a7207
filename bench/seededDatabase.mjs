// The command line and the database the 1,000,000-case benchmarks share: `--data-dir` reuses a
// seeded data directory (or fills it on the first run, with `haven seed`), so one seeding serves
// many runs.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Parses `--cases`, `--data-dir`, `--runs`; seeds when the directory holds no database yet.
 * `cleanup()` removes the directory unless it was given.
 */
export function seededDatabase(script, defaultRuns) {
  const { values } = parseArgs({
    options: {
      cases: { type: 'string', default: '1000000' },
      'data-dir': { type: 'string' },
      runs: { type: 'string', default: String(defaultRuns) },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(
      `Usage: node bench/${script}.mjs [--cases 1000000] [--data-dir DIR] [--runs ${defaultRuns}]\n`,
    );
    process.exit(0);
  }
  const dataDir = values['data-dir'] ?? mkdtempSync(join(tmpdir(), `haven-${script}-`));
  const file = join(dataDir, 'haven.db');
  if (!existsSync(file)) {
    process.stdout.write(`Seeding ${values.cases} cases into ${dataDir} …\n`);
    const seeded = spawnSync(
      process.execPath,
      [join(root, 'server/dist/cli/main.js'), 'seed', '--cases', values.cases],
      {
        env: {
          PATH: process.env.PATH ?? '',
          HAVEN_DATA_DIR: dataDir,
          HAVEN_PUBLIC_URL: 'https://haven.example',
        },
        stdio: 'inherit',
      },
    );
    if (seeded.status !== 0) process.exit(seeded.status ?? 1);
  }
  const cleanup = () => {
    if (!values['data-dir']) rmSync(dataDir, { recursive: true, force: true });
  };
  return { runs: Number(values.runs), dataDir, file, cleanup };
}
