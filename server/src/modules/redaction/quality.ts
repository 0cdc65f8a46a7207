import { detectPersonalData, type ReporterContact } from './redact';
import { PLACEHOLDER_TYPES, type PlaceholderType } from './types';

/** One labelled sentence of the redaction corpus (`test/fixtures/redaction/corpus.jsonl`). */
export interface LabelledText {
  lang: string;
  /** The report's country, as `defaultRegion`. */
  region?: string;
  reporter?: ReporterContact;
  text: string;
  /** Every datum to redact, once per distinct value, as written in the text. */
  expected: Array<{ type: PlaceholderType; value: string }>;
}

export interface TypeScore {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
}

export interface CorpusScores {
  byType: Record<PlaceholderType, TypeScore>;
  overall: TypeScore;
  /** What was found that should not have been, and what was missed, for reading. */
  mistakes: Array<{
    text: string;
    kind: 'unexpected' | 'missed';
    type: PlaceholderType;
    value: string;
  }>;
}

export function precision(score: TypeScore): number {
  const found = score.truePositives + score.falsePositives;
  return found === 0 ? 1 : score.truePositives / found;
}

export function recall(score: TypeScore): number {
  const expected = score.truePositives + score.falseNegatives;
  return expected === 0 ? 1 : score.truePositives / expected;
}

function emptyScore(): TypeScore {
  return { truePositives: 0, falsePositives: 0, falseNegatives: 0 };
}

/**
 * Precision and recall of detection against the corpus labels. A detection counts only if both
 * its type and its exact span text match a label: a span one character too long is a miss and a
 * false alarm. Repeated values in one text count once, as they are labelled.
 */
export function scoreCorpus(corpus: readonly LabelledText[]): CorpusScores {
  const byType = Object.fromEntries(
    PLACEHOLDER_TYPES.map((type) => [type, emptyScore()]),
  ) as Record<PlaceholderType, TypeScore>;
  const overall = emptyScore();
  const mistakes: CorpusScores['mistakes'] = [];
  for (const labelled of corpus) {
    const detections = detectPersonalData(labelled.text, {
      defaultRegion: labelled.region,
      reporter: labelled.reporter,
    });
    const found = new Set(
      detections.map((d) => `${d.type}\u0000${labelled.text.slice(d.start, d.end)}`),
    );
    const expected = new Set(labelled.expected.map((e) => `${e.type}\u0000${e.value}`));
    for (const key of new Set([...found, ...expected])) {
      const [type, value] = key.split('\u0000') as [PlaceholderType, string];
      const score = byType[type];
      if (found.has(key) && expected.has(key)) {
        score.truePositives++;
        overall.truePositives++;
      } else if (found.has(key)) {
        score.falsePositives++;
        overall.falsePositives++;
        mistakes.push({ text: labelled.text, kind: 'unexpected', type, value });
      } else {
        score.falseNegatives++;
        overall.falseNegatives++;
        mistakes.push({ text: labelled.text, kind: 'missed', type, value });
      }
    }
  }
  return { byType, overall, mistakes };
}

/** The scores as a plain-text table, one row per type and one overall. */
export function formatScores(scores: CorpusScores): string {
  const rows = [
    ...PLACEHOLDER_TYPES.map((type) => [type, scores.byType[type]] as const),
    ['overall', scores.overall] as const,
  ];
  const header = 'type         expected  found  true+  precision  recall';
  const lines = rows.map(([name, score]) =>
    [
      name.padEnd(11),
      String(score.truePositives + score.falseNegatives).padStart(9),
      String(score.truePositives + score.falsePositives).padStart(6),
      String(score.truePositives).padStart(6),
      precision(score).toFixed(3).padStart(10),
      recall(score).toFixed(3).padStart(7),
    ].join('  '),
  );
  return [header, '-'.repeat(header.length), ...lines].join('\n');
}
