import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { ROLES, type Role } from '@haven/shared';
import { loadMasterKey } from '../crypto/masterKey';
import { HavenError } from '../errors';
import { createLogger } from '../logger';
import { createServices, type Services } from '../services';
import { withStorage } from './context';

const USAGE = [
  'Usage:',
  '  haven users create --username U --role R [--role R2 …] [--display-name NAME] [--json]',
  '      create a staff account with the password read from standard input (one line), its',
  '      second factor enrolled: prints the TOTP secret, its otpauth:// URI and recovery codes',
  `      roles: ${ROLES.join(', ')}`,
  '  haven users reset-mfa U',
  '      remove the second factor of U (they enrol again at the next sign-in); ends their sessions',
  '  haven users disable U',
  '      disable the account of U; ends their sessions (the last enabled admin cannot be disabled)',
].join('\n');

export type UsersCommand =
  | { name: 'create'; username: string; roles: Role[]; displayName: string; json: boolean }
  | { name: 'reset-mfa' | 'disable'; username: string };

/** `haven users …`: accounts without a browser, for the operator and for automation. */
export async function users(args: string[]): Promise<number> {
  const command = parseUsersArgs(args);
  if (typeof command === 'string') {
    process.stderr.write(`${command}\n\n${USAGE}\n`);
    return 2;
  }
  const password = command.name === 'create' ? await readPassword() : '';
  return withStorage(async ({ config, storage }) => {
    const logger = createLogger(config, process.stderr);
    const services = await createServices(config, storage, await loadMasterKey(config, logger));
    try {
      process.stdout.write(await runUsersCommand(command, services, password));
      return 0;
    } catch (error) {
      if (!(error instanceof HavenError)) throw error;
      process.stderr.write(`${error.detail}\n`);
      return 1;
    }
  });
}

export function parseUsersArgs(args: string[]): UsersCommand | string {
  const [name, ...rest] = args;
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      allowPositionals: true,
      strict: true,
      options: {
        username: { type: 'string' },
        role: { type: 'string', multiple: true },
        'display-name': { type: 'string' },
        json: { type: 'boolean' },
      },
    });
  } catch (error) {
    return (error as Error).message;
  }
  const { values, positionals } = parsed;
  if (name === 'create') {
    if (positionals.length) return `Unexpected argument: ${positionals[0]}`;
    if (!values.username) return 'Name the user: --username U';
    const roles = values.role ?? [];
    if (!roles.length) return 'Give at least one role: --role R';
    const unknown = roles.find((role) => !(ROLES as readonly string[]).includes(role));
    if (unknown) return `Unknown role: ${unknown} (roles: ${ROLES.join(', ')})`;
    return {
      name,
      username: values.username,
      roles: [...new Set(roles)] as Role[],
      displayName: values['display-name'] ?? values.username,
      json: values.json ?? false,
    };
  }
  if (name === 'reset-mfa' || name === 'disable') {
    if (positionals.length !== 1 || Object.keys(values).length) {
      return `Usage: haven users ${name} USERNAME`;
    }
    return { name, username: positionals[0]! };
  }
  return name ? `Unknown users command: ${name}` : 'Name a command.';
}

/** Runs a parsed command through the same services the API uses; answers what to print. */
export async function runUsersCommand(
  command: UsersCommand,
  services: Services,
  password: string,
): Promise<string> {
  const actor = { id: null, via: 'cli' } as const;
  if (command.name === 'create') {
    const { user, totp } = await services.identity.createUser(
      {
        username: command.username,
        displayName: command.displayName,
        roles: command.roles,
        password,
        mustChangePassword: false,
        enrolTotp: true,
      },
      { actorId: null, via: 'cli' },
    );
    const created = {
      id: user.id,
      username: user.username,
      roles: user.roles,
      totpSecret: totp!.secret,
      otpauthUri: totp!.otpauthUri,
      recoveryCodes: totp!.recoveryCodes,
    };
    if (command.json) return `${JSON.stringify(created, null, 2)}\n`;
    return [
      `Created ${created.username} (${created.roles.join(', ')}).`,
      '',
      `TOTP secret:  ${created.totpSecret}`,
      `otpauth URI:  ${created.otpauthUri}`,
      '',
      'Recovery codes (each works once; keep them somewhere safe):',
      ...created.recoveryCodes.map((code) => `  ${code}`),
      '',
    ].join('\n');
  }
  const user = await services.userAdmin.findByUsername(command.username);
  if (command.name === 'reset-mfa') {
    await services.userAdmin.resetSecondFactor(actor, user.id);
    return `The second factor of ${user.username} is removed; they enrol again at the next sign-in. Their sessions have ended.\n`;
  }
  await services.userAdmin.disable(actor, user.id);
  return `${user.username} is disabled. Their sessions have ended.\n`;
}

/**
 * The password: the first line of standard input. At a terminal it is asked for without echo;
 * from a pipe (`printf '%s\n' "$PASSWORD" | haven users create …`) it is read as is.
 */
async function readPassword(): Promise<string> {
  const interactive = process.stdin.isTTY === true;
  if (interactive) process.stderr.write('Password (not shown): ');
  const muted = new Writable({ write: (_chunk, _encoding, done) => done() });
  const lines = createInterface({
    input: process.stdin,
    output: interactive ? muted : undefined,
    terminal: interactive,
  });
  try {
    for await (const line of lines) return line;
    return '';
  } finally {
    lines.close();
    if (interactive) process.stderr.write('\n');
  }
}
