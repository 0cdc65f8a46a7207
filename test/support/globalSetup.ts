import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * Some suites run the compiled server in a child process (the crash test, the CLI, `npm start`).
 * `tsc -b` rebuilds only what is stale, so this costs nothing when `npm test` already built.
 */
export default function globalSetup(): void {
  const root = join(__dirname, '..', '..');
  execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-b', 'server'], {
    cwd: root,
    stdio: 'inherit',
  });
}
