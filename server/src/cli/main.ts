#!/usr/bin/env node
import { audit } from './audit';
import { doctor } from './doctor';
import { seed } from './seed';
import { setupToken } from './setupToken';
import { users } from './users';

/** `haven <command>`: operations that run beside (or instead of) the server, on the same config. */
const commands: Record<string, { summary: string; run: (args: string[]) => Promise<number> }> = {
  'setup-token': {
    summary: 'print a fresh one-time link for creating the first admin (while none exists)',
    run: setupToken,
  },
  doctor: {
    summary: 'check configuration, storage and key-file permissions',
    run: doctor,
  },
  audit: {
    summary: 'verify the audit log (`audit verify [--checkpoint FILE]`) or sign a checkpoint of it',
    run: audit,
  },
  users: {
    summary:
      'staff accounts: `users create --username U --role R`, `users reset-mfa U`, `users disable U`',
    run: users,
  },
  seed: {
    summary:
      'add synthetic cases for demonstrations and benchmarks: `seed --cases N [--batch 5000]`',
    run: seed,
  },
};

function usage(): string {
  const width = Math.max(...Object.keys(commands).map((name) => name.length));
  return [
    'Usage: haven <command>',
    '',
    'Commands:',
    ...Object.entries(commands).map(([name, { summary }]) => `  ${name.padEnd(width)}  ${summary}`),
    '',
    'Configuration comes from the same environment variables as the server (see README).',
  ].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(`${usage()}\n`);
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    process.stderr.write(`Unknown command: ${name}\n\n${usage()}\n`);
    return 2;
  }
  return command.run(args);
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
