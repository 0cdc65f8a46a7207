import { parseArgs } from 'node:util';
import {
  DEFAULT_CATEGORIES,
  DEFAULT_SLA_HOURS,
  LANGUAGES,
  TARGETED_CHARACTERISTICS,
  type CaseStatus,
  type Severity,
  type TlpLabel,
} from '@haven/shared';
import { platformOf } from '../modules/stats/platform';
import type { JsonObject, NewCase, Storage } from '../storage';
import { withStorage } from './context';

const USAGE = [
  'Usage: haven seed --cases N [--batch 5000] [--seed 1]',
  '  add N synthetic cases (for demonstrations and benchmarks; never on a live deployment),',
  '  written in batches of --batch through the storage interface, one audit entry per batch.',
  '  The same --seed gives the same cases; a second run needs another --seed.',
].join('\n');

export interface SeedOptions {
  cases: number;
  batch: number;
  seed: number;
}

/** `haven seed --cases N`: fills a database with realistic synthetic cases. */
export async function seed(args: string[]): Promise<number> {
  const options = parseSeedArgs(args);
  if (typeof options === 'string') {
    process.stderr.write(`${options}\n\n${USAGE}\n`);
    return 2;
  }
  return withStorage(async ({ storage }) => {
    await seedCases(storage, options, new Date(), (line) => process.stdout.write(`${line}\n`));
    return 0;
  });
}

export function parseSeedArgs(args: string[]): SeedOptions | string {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        cases: { type: 'string' },
        batch: { type: 'string', default: '5000' },
        seed: { type: 'string', default: '1' },
      },
      strict: true,
    }));
  } catch (error) {
    return (error as Error).message;
  }
  const number = (value: string | undefined, name: string, min: number) => {
    const parsed = Number(value);
    return Number.isSafeInteger(parsed) && parsed >= min ? parsed : `--${name} must be ≥ ${min}.`;
  };
  const cases = number(values.cases, 'cases', 1);
  const batch = number(values.batch, 'batch', 1);
  const seedValue = number(values.seed, 'seed', 0);
  for (const value of [cases, batch, seedValue]) if (typeof value === 'string') return value;
  return { cases: cases as number, batch: batch as number, seed: seedValue as number };
}

/**
 * Writes `options.cases` synthetic cases in batches, holding one batch in memory at a time;
 * `report` gets progress lines (about every 5 %) and a summary with the rate.
 */
export async function seedCases(
  storage: Storage,
  options: SeedOptions,
  now: Date,
  report: (line: string) => void,
): Promise<{ count: number; ms: number }> {
  const started = performance.now();
  const generator = new SyntheticCases(options.seed, now, options.cases);
  const step = Math.max(options.batch, Math.ceil(options.cases / 20));
  let written = 0;
  let nextReport = step;
  while (written < options.cases) {
    const size = Math.min(options.batch, options.cases - written);
    const batch: NewCase[] = [];
    for (let index = 0; index < size; index += 1) batch.push(generator.next());
    await storage.cases.insertMany(batch, {
      action: 'cases.seeded',
      actorId: null,
      details: { count: batch.length },
    });
    written += size;
    if (written >= nextReport && written < options.cases) {
      report(`seeded ${written} of ${options.cases} (${rate(written, started)} cases/s)`);
      nextReport += step;
    }
  }
  const ms = performance.now() - started;
  report(
    `Seeded ${written} cases in ${(ms / 1000).toFixed(1)} s (${rate(written, started)} cases/s).`,
  );
  return { count: written, ms };
}

function rate(count: number, started: number): number {
  return Math.round(count / ((performance.now() - started) / 1000));
}

// ---------------------------------------------------------------------------------------------
// The synthetic cases

const DAY = 86_400_000;
const SPAN = 3 * 365 * DAY;

/** Weighted choices: `[value, weight]` pairs. */
type Weighted<T> = readonly (readonly [T, number])[];

/** Where reports come from: a long tail, as a real deployment would see. */
const COUNTRIES: Weighted<string> = [
  ['FR', 14],
  ['DE', 12],
  ['GB', 10],
  ['ES', 8],
  ['IT', 7],
  ['US', 7],
  ['NL', 4],
  ['BE', 4],
  ['PL', 4],
  ['UA', 4],
  ['TR', 3],
  ['BR', 3],
  ['MX', 3],
  ['IN', 3],
  ['NG', 2],
  ['KE', 2],
  ['EG', 2],
  ['MA', 2],
  ['PH', 2],
  ['ID', 2],
  ['RU', 1],
  ['IR', 1],
  ['PK', 1],
  ['CO', 1],
  ['AR', 1],
  ['ZA', 1],
  ['SE', 1],
  ['PT', 1],
  ['GR', 1],
  ['RO', 1],
];
const FAMILY_WEIGHTS: Record<string, number> = {
  cyberattack: 45,
  online_hate: 38,
  rights_violation: 17,
};
const SEVERITY_WEIGHTS: Weighted<Severity> = [
  ['low', 38],
  ['medium', 34],
  ['high', 20],
  ['critical', 8],
];
const TLP_WEIGHTS: Weighted<TlpLabel> = [
  ['CLEAR', 4],
  ['GREEN', 14],
  ['AMBER', 62],
  ['AMBER+STRICT', 12],
  ['RED', 8],
];
/** Where a case ends up once it is old enough to be finished. */
const FINISHED: Weighted<CaseStatus> = [
  ['closed', 52],
  ['resolved', 12],
  ['rejected', 24],
  ['duplicate', 9],
  ['investigating', 2],
  ['escalated', 1],
];
/** Where a recent case (under a month) stands. */
const RECENT: Weighted<CaseStatus> = [
  ['new', 22],
  ['triaged', 18],
  ['investigating', 25],
  ['escalated', 5],
  ['resolved', 8],
  ['closed', 8],
  ['rejected', 10],
  ['duplicate', 4],
];
const TAGS: Weighted<string> = [
  ['platform-notified', 30],
  ['repeat-target', 14],
  ['coordinated', 10],
  ['cross-border', 10],
  ['minor-involved', 5],
  ['law-enforcement', 5],
  ['media-interest', 3],
  ['election', 3],
];
const PLATFORMS: Weighted<string> = [
  ['Facebook', 18],
  ['Instagram', 14],
  ['X', 14],
  ['TikTok', 12],
  ['WhatsApp', 10],
  ['Telegram', 8],
  ['YouTube', 6],
  ['Email', 8],
  ['SMS', 5],
  ['Reddit', 2],
  ['Discord', 2],
  ['Signal', 1],
];
const OFFICERS = Array.from({ length: 40 }, (_, index) => `seed-officer-${index + 1}`);

const OPENINGS = [
  'Since last week',
  'For several months',
  'Yesterday evening',
  'After I published an article',
  'Since the protest',
  'Every day now',
  'Three days ago',
];
const ACTS: Record<string, string[]> = {
  cyberattack: [
    'someone sent me a fake login page for my bank at [URL-1]',
    'my account was taken over and the recovery email changed to [EMAIL-1]',
    'a file attached to an invoice installed something on my laptop',
    'our association website was flooded with traffic and went offline',
    'a spreadsheet with our members and their addresses was published',
    'an account impersonating me is messaging my contacts from [HANDLE-1]',
    'I received a message with a tracking link asking for my password',
  ],
  online_hate: [
    'an account posts insults about my religion under every video I share',
    'a group keeps sending threats to my family at [PHONE-1]',
    'strangers shared edited pictures of me with hateful captions',
    'a channel calls for violence against refugees in our town',
    'I am harassed in comments because of my disability',
    'coordinated accounts flood my posts with slurs about my origin',
  ],
  rights_violation: [
    'our newspaper website is blocked by every provider in the country',
    'a journalist colleague found spyware on her phone after a border crossing',
    'the mobile internet was shut down in our region during the election',
    'a defender received a summons after a post about the police',
    'messages in our group appear to be read by the authorities',
  ],
};
const CLOSINGS = [
  'I reported it to the platform but nothing happened.',
  'I kept screenshots of everything.',
  'Others in my community received the same messages.',
  'I am afraid to go out and do not know what to do.',
  'Please tell me whether this can be stopped.',
  'The messages mention my workplace.',
  '',
];

/** mulberry32: small, fast and good enough for synthetic data; the same seed, the same cases. */
function prng(seedValue: number): () => number {
  let state = seedValue >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Draws one case after another; keeps nothing but its position and random state. */
export class SyntheticCases {
  private readonly random: () => number;
  private index = 0;

  /** `total`: how many will be drawn, so that they spread over the whole span. */
  constructor(
    private readonly seedValue: number,
    private readonly now: Date,
    private readonly total: number,
  ) {
    this.random = prng(seedValue * 2_654_435_761 + 1);
  }

  next(): NewCase {
    const index = this.index++;
    const pick = <T>(values: readonly T[]): T => values[Math.floor(this.random() * values.length)]!;
    const weighted = <T>(choices: Weighted<T>): T => {
      const total = choices.reduce((sum, [, weight]) => sum + weight, 0);
      let roll = this.random() * total;
      for (const [value, weight] of choices) {
        roll -= weight;
        if (roll < 0) return value;
      }
      return choices[choices.length - 1]![0];
    };
    const chance = (probability: number) => this.random() < probability;

    // Oldest first, as a deployment writes them, and more and more of them as time goes on: the
    // share of cases created by time t grows as t² over the three years.
    const share = Math.min(1, (index + this.random()) / this.total);
    const age = Math.floor(SPAN * (1 - Math.sqrt(share)));
    const createdAt = new Date(this.now.getTime() - age);
    const category = weighted(
      DEFAULT_CATEGORIES.map((item) => [item, FAMILY_WEIGHTS[item.family] ?? 1] as const),
    );
    // Earlier subcategories are the common ones; `other` the last.
    const subcategory = weighted(
      category.subcategories.map((item, position) => [item.id, 1 / (position + 1)] as const),
    );
    const status = weighted(age < 30 * DAY ? RECENT : FINISHED);
    const severity: Severity | null = status === 'new' ? null : weighted(SEVERITY_WEIGHTS);
    const triagedAt = createdAt.getTime() + Math.floor(this.random() * 2 * DAY);
    const slaDueAt =
      severity === null ? null : new Date(triagedAt + DEFAULT_SLA_HOURS[severity] * 3_600_000);
    const assigneeId =
      status === 'new' || (status === 'triaged' && chance(0.6)) || status === 'rejected'
        ? null
        : pick(OFFICERS);
    const tags: string[] = [];
    if (status !== 'new') {
      for (
        let count = weighted([
          [0, 50],
          [1, 35],
          [2, 15],
        ] as const);
        count > 0;
        count -= 1
      ) {
        const tag = weighted(TAGS);
        if (!tags.includes(tag)) tags.push(tag);
      }
    }
    const open = !['resolved', 'closed', 'rejected', 'duplicate'].includes(status);
    const at = (time: number) => new Date(Math.min(time, this.now.getTime()));
    // Spam and duplicates are finished when triaged; real cases take weeks, a few much longer.
    // Some open cases of older years were resolved once and reopened.
    const resolvedAfter = ['rejected', 'duplicate'].includes(status)
      ? 0
      : Math.floor(-Math.log(1 - this.random()) * 25 * DAY);
    const resolved = !open || (age > 30 * DAY && chance(0.5));
    const country = chance(0.08) ? null : weighted(COUNTRIES);
    const platform = chance(0.15) ? null : weighted(PLATFORMS);
    const targets = category.asksTargets ? [pick(TARGETED_CHARACTERISTICS)] : [];
    const narrative = [
      `${pick(OPENINGS)}, ${pick(ACTS[category.family] ?? ACTS.cyberattack!)}`,
      platform ? `on ${platform}.` : '.',
      pick(CLOSINGS),
    ]
      .join(' ')
      .replace(' .', '.')
      .trim();
    const body: JsonObject = {
      subcategory,
      occurredOn: new Date(createdAt.getTime() - Math.floor(this.random() * 20) * DAY)
        .toISOString()
        .slice(0, 10),
      language: pick(LANGUAGES).code,
      targets,
      text: {
        narrative,
        platform,
        urls: chance(0.4) ? ['https://[URL-1]'] : [],
        handles: chance(0.3) ? ['[HANDLE-1]'] : [],
      },
      attachments: [],
      synthetic: true,
    };
    return {
      id: this.uuid(index),
      reference: `HV-S${this.seedValue.toString(36).toUpperCase()}-${index.toString(36).toUpperCase().padStart(5, '0')}`,
      status,
      category: category.id,
      country,
      severity,
      assigneeId,
      tlp: weighted(TLP_WEIGHTS),
      tags,
      slaDueAt,
      unreadFromReporter: open && chance(0.12) ? 1 + Math.floor(this.random() * 3) : 0,
      month: createdAt.toISOString().slice(0, 7),
      platform: platformOf({ platform: platform ?? undefined }),
      targets,
      triagedAt: status === 'new' ? null : at(triagedAt),
      resolvedAt: resolved ? at(triagedAt + resolvedAfter) : null,
      createdAt,
      idempotencyKey: null,
      receiptHash: null,
      body,
    };
  }

  /**
   * A version-4-shaped UUID: random, but for its last 12 digits, which are the seed and the
   * index, so that no two seeded cases (of any seeds below 65,536) share one.
   */
  private uuid(index: number): string {
    let hex = '';
    for (let part = 0; part < 3; part += 1) {
      hex += Math.floor(this.random() * 4_294_967_296)
        .toString(16)
        .padStart(8, '0');
    }
    const variant = ((parseInt(hex[16]!, 16) & 3) | 8).toString(16);
    const tail = `${(this.seedValue & 0xffff).toString(16).padStart(4, '0')}${index.toString(16).padStart(8, '0')}`;
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${tail}`;
  }
}
