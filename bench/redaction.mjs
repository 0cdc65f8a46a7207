// Redaction and sealing speed: a 20,000-character narrative, hostile 50,000-character inputs
// (which must not backtrack catastrophically), and sealing a 2 KB value. Runs the compiled server
// code (`npm run build` first). Usage: node bench/redaction.mjs
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { redact, emptyRedactionState } = require('../server/dist/modules/redaction/index.js');
const { sealValue, openValue, parseSealedValue } = require('../server/dist/crypto/sealedValue.js');

const context = {
  hmacKey: randomBytes(32),
  defaultRegion: 'US',
  reporter: { name: 'Ana María', email: 'ana@example.org', phone: '+1 202 555 0143' },
};
const timeMs = (run, rounds = 5) => {
  run();
  const runs = Array.from({ length: rounds }, () => {
    const started = process.hrtime.bigint();
    run();
    return Number(process.hrtime.bigint() - started) / 1e6;
  });
  return Math.min(...runs);
};

const paragraph =
  'On 15 March 2024 a man kept calling me from +1 202 555 0199 and wrote to ana@example.org; ' +
  'he said he knew where I live. I reported order 123456 to the platform on 2024-03-16, but ' +
  'the account kept posting. Yesterday he logged in from 203.0.113.9 and posted my card ' +
  '4111 1111 1111 1111. I am scared for my family and my work as a journalist in the region. ';
let narrative = '';
while (narrative.length < 20_000) narrative += paragraph.replace('ana@', `ana${narrative.length}@`);

const rows = [
  {
    input: '20,000-character narrative',
    bestMs: timeMs(() => redact(narrative, context, emptyRedactionState())),
  },
];
for (const [name, text] of [
  ['50,000 "a@"', 'a@'.repeat(25_000)],
  ['50,000 digits', '1'.repeat(50_000)],
  ['"(1) " × 12,500', '(1) '.repeat(12_500)],
  ['"?token=" × 6,000', '?token='.repeat(6_000)],
  ['e-mails back to back', 'a@example.org '.repeat(3_500)],
]) {
  rows.push({ input: name, bestMs: timeMs(() => redact(text, context, emptyRedactionState()), 2) });
}

const dataKey = { id: 'benchkey', key: randomBytes(32) };
const sealed = sealValue(dataKey, 'n'.repeat(2048), 'case:1:narrative');
const rounds = 20_000;
const started = process.hrtime.bigint();
for (let round = 0; round < rounds; round += 1) {
  openValue(
    dataKey,
    parseSealedValue(sealValue(dataKey, 'n'.repeat(2048), 'case:1:narrative')),
    'case:1:narrative',
  );
}
const sealOpenUs = Number(process.hrtime.bigint() - started) / 1e3 / rounds;

console.table(rows.map((row) => ({ ...row, bestMs: row.bestMs.toFixed(2) })));
console.log(
  `seal + open of a 2 KB value: ${sealOpenUs.toFixed(1)} µs (${sealed.length} characters sealed)`,
);
