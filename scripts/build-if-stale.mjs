// Builds what is stale before `npm start` / `npm run haven`: the server and shared code through
// TypeScript's incremental build (a no-op when nothing changed), and the console when any of its
// sources is newer than its last build. `--server-only` skips the console.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const run = (command, args, env = process.env) =>
  execFileSync(command, args, { cwd: root, stdio: 'inherit', env });

run(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-b', 'server']);

if (!process.argv.includes('--server-only')) {
  // The client builds two bundles: the staff console and the reporter pages' assets.
  const built = ['client/dist/console/index.html', 'client/dist/reporter/.vite/manifest.json'];
  const sources = [
    'client/src',
    'client/public',
    'client/index.html',
    'client/vite.config.ts',
    'client/vite.reporter.config.ts',
    'client/package.json',
    'shared/src',
  ];
  const builtAt = Math.min(
    ...built.map((file) => (existsSync(join(root, file)) ? statSync(join(root, file)).mtimeMs : 0)),
  );
  if (sources.some((source) => newestChange(join(root, source)) > builtAt)) {
    process.stdout.write('Building the console and the reporter pages’ assets…\n');
    // Always the production bundle, even when started from tests (NODE_ENV=test).
    run('npm', ['run', 'build', '--silent', '-w', 'client'], {
      ...process.env,
      NODE_ENV: 'production',
    });
  }
}

function newestChange(path) {
  if (!existsSync(path)) return 0;
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  return Math.max(
    info.mtimeMs,
    ...readdirSync(path).map((entry) => newestChange(join(path, entry))),
  );
}
