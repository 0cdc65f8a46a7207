import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * Suites run the compiled server in child processes (the crash test, the CLI, the start test)
 * and the built console in a browser: build whatever is stale first, as `npm start` does. It
 * costs a second when `npm test` has just built everything.
 */
export default function globalSetup(): void {
  const root = join(__dirname, '..', '..');
  execFileSync(process.execPath, [join(root, 'scripts/build-if-stale.mjs')], {
    cwd: root,
    stdio: 'inherit',
  });
}
