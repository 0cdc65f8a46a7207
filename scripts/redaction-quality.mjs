#!/usr/bin/env node
/**
 * Precision and recall of redaction on the labelled corpus, per type and overall.
 * Reads the compiled server: run `npx tsc -b server` first. `--mistakes` lists what went wrong.
 *
 *   node scripts/redaction-quality.mjs [--mistakes]
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { formatScores, scoreCorpus } = require('../server/dist/modules/redaction/quality.js');

const corpusUrl = new URL('../test/fixtures/redaction/corpus.jsonl', import.meta.url);
const corpus = readFileSync(corpusUrl, 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line));

const scores = scoreCorpus(corpus);
const languages = new Set(corpus.map((labelled) => labelled.lang));
process.stdout.write(`${corpus.length} texts in ${languages.size} languages\n\n`);
process.stdout.write(`${formatScores(scores)}\n`);
if (process.argv.includes('--mistakes')) {
  for (const mistake of scores.mistakes) {
    process.stdout.write(
      `\n${mistake.kind} ${mistake.type} ${JSON.stringify(mistake.value)}\n  in ${mistake.text}\n`,
    );
  }
}
