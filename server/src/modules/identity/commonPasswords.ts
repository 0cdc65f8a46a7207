import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

/**
 * Common and breached passwords of 12 characters or more (shorter ones fail the length rule
 * anyway), lower-cased. Built by `scripts/common-passwords.mjs`; source and licence in
 * `server/assets/README.md`. The same relative path works from `src/` and from `dist/`.
 */
export const COMMON_PASSWORDS_FILE = join(
  __dirname,
  '..',
  '..',
  '..',
  'assets',
  'common-passwords.txt.gz',
);

let loaded: Set<string> | undefined;

/** The list, read once (about 44,000 entries; a few megabytes in memory). */
export function commonPasswords(): ReadonlySet<string> {
  loaded ??= new Set(
    gunzipSync(readFileSync(COMMON_PASSWORDS_FILE)).toString('utf8').split('\n').filter(Boolean),
  );
  return loaded;
}

/** Whether the password is on the list, case folded as the list is. */
export function isCommonPassword(password: string): boolean {
  return commonPasswords().has(password.normalize('NFKC').toLowerCase());
}
