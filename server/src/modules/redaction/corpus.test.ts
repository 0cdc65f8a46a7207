import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { emptyRedactionState, redact } from '.';
import { type CorpusScores, type LabelledText, precision, recall, scoreCorpus } from './quality';
import type { PlaceholderType } from './types';

const corpusPath = join(__dirname, '../../../../test/fixtures/redaction/corpus.jsonl');
const corpus: LabelledText[] = readFileSync(corpusPath, 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as LabelledText);

const STRUCTURED_TYPES: PlaceholderType[] = [
  'EMAIL',
  'PHONE',
  'IP',
  'CARD',
  'IBAN',
  'NATIONAL_ID',
  'SECRET',
];

/**
 * Whether a value survived redaction. A name counts only where it ends a word ("Dan" inside
 * "Danielle", أحمد inside the other name أحمدي, are not the reporter's name left behind), except
 * in scripts without spaces, where any occurrence counts.
 */
function isLeftIn(text: string, type: PlaceholderType, value: string): boolean {
  if (type !== 'NAME' || /\p{Script=Han}/u.test(value)) return text.includes(value);
  const escaped = value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`${escaped}(?![\\p{L}\\p{N}])`, 'iu').test(text);
}

describe('the labelled corpus', () => {
  it('when the corpus is read, then it has 200+ texts in 6+ languages, negatives among them', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(200);
    expect(new Set(corpus.map((labelled) => labelled.lang)).size).toBeGreaterThanOrEqual(6);
    expect(corpus.filter((labelled) => labelled.expected.length === 0).length).toBeGreaterThan(40);
    for (const labelled of corpus) {
      for (const { value } of labelled.expected) expect(labelled.text).toContain(value);
    }
  });

  let scores: CorpusScores;
  beforeAll(() => (scores = scoreCorpus(corpus)));

  // On failure, `node scripts/redaction-quality.mjs --mistakes` lists what was missed or wrong.
  it.each(STRUCTURED_TYPES)(
    'when %s data is detected, then recall is at least 0.98 and precision at least 0.95',
    (type) => {
      expect(recall(scores.byType[type])).toBeGreaterThanOrEqual(0.98);
      expect(precision(scores.byType[type])).toBeGreaterThanOrEqual(0.95);
    },
  );

  it('when all data is detected, then overall precision is at least 0.95', () => {
    expect(precision(scores.overall)).toBeGreaterThanOrEqual(0.95);
  });

  it('when each text is redacted, then none of its expected values is left in it', () => {
    const leaks: string[] = [];
    for (const labelled of corpus) {
      const { text } = redact(
        labelled.text,
        { hmacKey: randomBytes(32), defaultRegion: labelled.region, reporter: labelled.reporter },
        emptyRedactionState(),
      );
      for (const { type, value } of labelled.expected) {
        if (isLeftIn(text, type, value)) leaks.push(`${value} in ${text}`);
      }
    }
    expect(leaks).toEqual([]);
  });
});
