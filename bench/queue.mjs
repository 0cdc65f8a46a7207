// The triage queue (DESIGN §7: a filtered, sorted first page at 1,000,000 cases, p95 ≤ 25 ms on
// the embedded engine). Seeds the cases with `haven seed` into a temporary SQLite data directory
// (or reuses the one given), then times the first page (50 cases) of realistic queue queries
// through the storage interface, 200 runs each after a warm-up. Runs the compiled server code
// (`npm run build` first).
//
// Usage: node bench/queue.mjs [--cases 1000000] [--data-dir DIR] [--runs 200]
//   --data-dir DIR  reuse (or fill, if it has no database yet) this data directory; kept after
import { existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { seededDatabase } from './seededDatabase.mjs';

const require = createRequire(import.meta.url);
const { openStorage } = require('../server/dist/storage/index.js');
const { runs, dataDir, file, cleanup } = seededDatabase('queue', 200);
const size = ['', '-wal'].map((suffix) => join(dataDir, `haven.db${suffix}`));
const megabytes =
  size.reduce((sum, path) => sum + (existsSync(path) ? statSync(path).size : 0), 0) / 1e6;

const storage = await openStorage({ engine: 'sqlite', file }, { dataDir });
const now = new Date();
const open = ['new', 'triaged', 'investigating', 'escalated'];
const queries = [
  ['open states, by priority', { status: open, sort: 'priority' }],
  ['unassigned, newest', { assigneeId: null, sort: 'newest' }],
  ['open, unassigned, newest', { status: open, assigneeId: null, sort: 'newest' }],
  [
    'category + country + high/critical, newest',
    { category: 'online_hate', country: 'DE', severity: ['high', 'critical'], sort: 'newest' },
  ],
  ['overdue, by SLA due', { overdueAt: now, sort: 'slaDue' }],
  ['open, unread reporter messages, newest', { status: open, unreadOnly: true, sort: 'newest' }],
  ['text "spyware", newest', { text: 'spyware', sort: 'newest' }],
  [
    'text "spyware journalist" in open states, by priority',
    { text: 'spyware journalist', status: open, sort: 'priority' },
  ],
  ['text "spyware", every state, by priority', { text: 'spyware', sort: 'priority' }],
  ['text "spyware" in open states, by SLA due', { text: 'spyware', status: open, sort: 'slaDue' }],
  ['tag "coordinated", newest', { tag: 'coordinated', sort: 'newest' }],
  [
    'open, tag "minor-involved", by priority',
    { status: open, tag: 'minor-involved', sort: 'priority' },
  ],
  ['all, newest (second page)', { sort: 'newest', page: 2 }],
];

const percentile = (sorted, p) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
const rows = [];
async function time(name, run) {
  for (let index = 0; index < 10; index += 1) await run();
  const samples = [];
  let found = 0;
  for (let index = 0; index < runs; index += 1) {
    const started = process.hrtime.bigint();
    found = await run();
    samples.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  samples.sort((a, b) => a - b);
  rows.push({ name, found, p50: percentile(samples, 0.5), p95: percentile(samples, 0.95) });
}

for (const [name, { page, ...query }] of queries) {
  let cursor;
  if (page === 2) cursor = (await storage.cases.list({ ...query, limit: 50 })).nextCursor;
  await time(
    name,
    async () =>
      (await storage.cases.list({ ...query, limit: 50, ...(cursor ? { cursor } : {}) })).items
        .length,
  );
}
const counts = await storage.cases.countByStatus({});
const total = Object.values(counts).reduce((sum, count) => sum + count, 0);
await time(
  'counts per status, unfiltered (tabs; not in the bar)',
  async () => Object.keys(await storage.cases.countByStatus({})).length,
);
const countsBy = [
  ['category + country', { category: 'online_hate', country: 'DE' }],
  ['tag "coordinated"', { tag: 'coordinated' }],
  ['text "spyware"', { text: 'spyware' }],
  ['one assignee', { assigneeId: 'seed-officer-7' }],
];
for (const [name, filter] of countsBy) {
  await time(
    `counts per status, ${name} (tabs)`,
    async () => Object.keys(await storage.cases.countByStatus(filter)).length,
  );
}
await storage.close();

process.stdout.write(
  `\n${total} cases, database ${megabytes.toFixed(0)} MB, ${runs} runs per query\n\n`,
);
process.stdout.write('| query (first page, 50) | rows | p50 | p95 |\n| --- | --- | --- | --- |\n');
for (const row of rows) {
  process.stdout.write(
    `| ${row.name} | ${row.found} | ${row.p50.toFixed(2)} ms | ${row.p95.toFixed(2)} ms |\n`,
  );
}
cleanup();
