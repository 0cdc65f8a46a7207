import { access, readFile } from 'node:fs/promises';
import { CheckpointSchema, type Checkpoint, type VerifyResult } from '@haven/shared';
import type { Config } from '../config';
import { KeyRing } from '../crypto/KeyRing';
import { loadMasterKey, masterKeyPath } from '../crypto/masterKey';
import { loadSigningKey } from '../crypto/signingKey';
import { createLogger } from '../logger';
import { AuditService } from '../modules/audit/AuditService';
import type { Storage } from '../storage';
import { withStorage } from './context';

const USAGE = [
  'Usage:',
  '  haven audit verify [--checkpoint FILE] [--json]',
  '      verify the audit log’s hash chain and, given a kept checkpoint, that the log extends it;',
  '      exits 0 when all holds, 1 when not',
  '  haven audit checkpoint',
  '      print a signed checkpoint of the log as it is now (JSON; keep it somewhere safe)',
].join('\n');

export type AuditCommand =
  { name: 'verify'; checkpointFile?: string; json: boolean } | { name: 'checkpoint' };

export interface Output {
  out(text: string): void;
  err(text: string): void;
}

const processOutput: Output = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

/** `haven audit …`: verification and checkpoints at the command line, recorded as the system's. */
export async function audit(args: string[]): Promise<number> {
  const command = parseAuditArgs(args);
  if (typeof command === 'string') {
    processOutput.err(`${command}\n\n${USAGE}\n`);
    return 2;
  }
  return withStorage(async ({ config, storage }) => {
    const service = await openAuditService(config, storage);
    if (!service) {
      processOutput.err(
        `There is no master key (no HAVEN_MASTER_KEY, no ${masterKeyPath(config.dataDir)}): ` +
          'set HAVEN_MASTER_KEY, or HAVEN_DATA_DIR to the directory holding the key file.\n',
      );
      return 1;
    }
    return runAuditCommand(command, service, processOutput);
  });
}

export function parseAuditArgs(args: string[]): AuditCommand | string {
  const [name, ...rest] = args;
  if (name === 'checkpoint') {
    return rest.length ? `Unexpected argument: ${rest[0]}` : { name };
  }
  if (name !== 'verify') return name ? `Unknown audit command: ${name}` : 'Name a command.';
  const command: AuditCommand = { name, json: false };
  for (let index = 0; index < rest.length; index += 1) {
    const arg = rest[index]!;
    if (arg === '--json') command.json = true;
    else if (arg === '--checkpoint' && rest[index + 1] !== undefined) {
      command.checkpointFile = rest[(index += 1)]!;
    } else if (arg.startsWith('--checkpoint=')) command.checkpointFile = arg.slice(13);
    else return `Unexpected argument: ${arg}`;
  }
  return command;
}

export async function runAuditCommand(
  command: AuditCommand,
  service: AuditService,
  output: Output,
): Promise<number> {
  if (command.name === 'checkpoint') {
    output.out(`${JSON.stringify(await service.checkpoint(null), null, 2)}\n`);
    return 0;
  }
  let checkpoint: Checkpoint | undefined;
  if (command.checkpointFile !== undefined) {
    const read = await readCheckpoint(command.checkpointFile);
    if (typeof read === 'string') {
      output.err(`${read}\n`);
      return 2;
    }
    checkpoint = read;
  }
  const result = await service.verify(null, checkpoint);
  output.out(command.json ? `${JSON.stringify(result, null, 2)}\n` : describeResult(result));
  return result.ok ? 0 : 1;
}

async function readCheckpoint(file: string): Promise<Checkpoint | string> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    return `Cannot read ${file}: ${(error as Error).message}`;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return `${file} is not JSON.`;
  }
  const parsed = CheckpointSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return `${file} is not a Haven audit checkpoint (${issue.path.join('.') || 'file'}: ${issue.message}).`;
  }
  return parsed.data;
}

const CHAIN_EXPLANATIONS: Record<NonNullable<VerifyResult['reason']>, string> = {
  hash_mismatch: 'its content no longer gives its stored hash: it was edited',
  broken_link: 'it does not name the previous entry’s hash: one of the two was replaced',
  gap: 'it is missing: deleted',
  out_of_order: 'it was found elsewhere in the log: entries were reordered',
  unreadable: 'it cannot be read: malformed in storage',
};

const CHECKPOINT_EXPLANATIONS: Record<
  NonNullable<NonNullable<VerifyResult['checkpoint']>['reason']>,
  string
> = {
  foreign_key: 'it was signed by another key than this server’s',
  bad_signature: 'its signature does not verify: the checkpoint was altered',
  truncated: 'the log now holds fewer entries: it was truncated',
  rewritten: 'the log no longer holds the entries it vouched for: they were rewritten',
};

export function describeResult(result: VerifyResult): string {
  const lines: string[] = [];
  lines.push(
    result.firstBrokenSeq === undefined
      ? `ok    audit log: ${result.entries} entries, head ${result.head}`
      : `FAIL  audit log: ${result.entries} entries; entry ${result.firstBrokenSeq} is broken (${result.reason}): ${CHAIN_EXPLANATIONS[result.reason!]}`,
  );
  const checkpoint = result.checkpoint;
  if (checkpoint) {
    lines.push(
      checkpoint.extends
        ? `ok    checkpoint of ${checkpoint.entries} entries: the log extends it`
        : `FAIL  checkpoint of ${checkpoint.entries} entries (${checkpoint.reason}): ${CHECKPOINT_EXPLANATIONS[checkpoint.reason!]}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** The audit service on its own: the key ring and signing key, without the rest of the server. */
async function openAuditService(config: Config, storage: Storage): Promise<AuditService | null> {
  if (!config.masterKey) {
    // Never create a key file here: a new one would not open anything sealed so far.
    const exists = await access(masterKeyPath(config.dataDir)).then(
      () => true,
      () => false,
    );
    if (!exists) return null;
  }
  const masterKey = await loadMasterKey(config, createLogger(config, process.stderr));
  const keyRing = await KeyRing.open(storage, { masterKey });
  const signingKey = await loadSigningKey(storage.settings, keyRing);
  return new AuditService({ store: storage.audit, signingKey });
}
