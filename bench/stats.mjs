// Statistics (DESIGN §7: a two-dimension breakdown with suppression over 1,000,000 cases in
// ≤ 1 s on the embedded engine). Seeds the cases with `haven seed` into a temporary SQLite data
// directory (or reuses the one given), then times breakdowns through the StatsService, as the
// API runs them: the engine's grouped scan, the table with its margins and medians, small-cell and
// complementary suppression, and the audit entry. Runs the compiled server code (`npm run build`
// first). Reports p50 and p95 per breakdown, the CPU time of a run (all threads: on a busy
// machine the wall time says more about the other work than about this), and the process's peak
// resident set size.
//
// Usage: node bench/stats.mjs [--cases 1000000] [--data-dir DIR] [--runs 20]
//   --data-dir DIR  reuse (or fill, if it has no database yet) this data directory; kept after
import { createRequire } from 'node:module';
import { availableParallelism, loadavg } from 'node:os';
import { seededDatabase } from './seededDatabase.mjs';

const require = createRequire(import.meta.url);
const { openStorage } = require('../server/dist/storage/index.js');
const { StatsService } = require('../server/dist/modules/stats/StatsService.js');
const { DEFAULT_CATEGORIES } = require('../shared/dist/index.js');
const { runs, dataDir, file, cleanup } = seededDatabase('stats', 20);

const storage = await openStorage({ engine: 'sqlite', file }, { dataDir });
const stats = new StatsService({
  storage,
  suppressionK: async () => 10,
  categoryIds: async () => DEFAULT_CATEGORIES.map((category) => category.id),
  // Enough for every noisy run of the benchmark.
  privacyBudget: 1_000_000,
});
const queries = [
  ['category × month', { dims: ['category', 'month'] }],
  ['country × status', { dims: ['country', 'status'] }],
  ['platform × severity', { dims: ['platform', 'severity'] }],
  ['targeted characteristic × month', { dims: ['target', 'month'] }],
  [
    'category × month, one year, closed or resolved',
    { dims: ['category', 'month'], from: '2025-01', to: '2025-12', status: ['closed', 'resolved'] },
  ],
  ['country × status, noise ε = 1', { dims: ['country', 'status'], dp: 1 }],
  ['category (one dimension)', { dims: ['category'] }],
];

const percentile = (sorted, p) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
const rows = [];
const loadBefore = loadavg()[0];
for (const [name, query] of queries) {
  let table = await stats.breakdown('bench-auditor', query);
  const samples = [];
  const cpu = [];
  for (let index = 0; index < runs; index += 1) {
    const started = process.hrtime.bigint();
    const usage = process.cpuUsage();
    table = await stats.breakdown('bench-auditor', query);
    samples.push(Number(process.hrtime.bigint() - started) / 1e6);
    const used = process.cpuUsage(usage);
    cpu.push((used.user + used.system) / 1000);
  }
  samples.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  const published = [...table.cells.flat(), ...table.rowTotals, ...table.columnTotals, table.total];
  rows.push({
    name,
    cells: `${table.rows.length} × ${table.columns?.length ?? 1}`,
    withheld: published.filter((value) => value.suppressed).length,
    total: table.total.count,
    p50: percentile(samples, 0.5),
    p95: percentile(samples, 0.95),
    cpu: percentile(cpu, 0.5),
  });
}
await storage.close();
const peakRss = process.resourceUsage().maxRSS / 1024;

process.stdout.write(
  `\n${runs} runs per breakdown after one warm-up, k = 10; load average ` +
    `${loadBefore.toFixed(1)} before, ${loadavg()[0].toFixed(1)} after, on ${availableParallelism()} cores\n\n`,
);
process.stdout.write(
  '| breakdown | table | withheld | cases | p50 | p95 | CPU p50 |\n| --- | --- | --- | --- | --- | --- | --- |\n',
);
for (const row of rows) {
  process.stdout.write(
    `| ${row.name} | ${row.cells} | ${row.withheld} | ${row.total} | ${row.p50.toFixed(0)} ms | ${row.p95.toFixed(0)} ms | ${row.cpu.toFixed(0)} ms |\n`,
  );
}
process.stdout.write(`\nPeak resident set size: ${peakRss.toFixed(0)} MB\n`);
cleanup();
