// Receipt login timing: a near miss of a real receipt, an unknown well-formed receipt and a
// malformed one must not be told apart by response time (DESIGN §3.2). Prints each kind's
// median and 90th percentile over interleaved requests. Usage: node bench/receiptTiming.mjs
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROUNDS = 400;
const dataDir = mkdtempSync(join(tmpdir(), 'haven-bench-receipt-'));
const child = fork(new URL('./intakeServer.mjs', import.meta.url), ['full', dataDir]);
const { port } = await new Promise((resolve) => child.once('message', resolve));
const base = `http://127.0.0.1:${port}/api/v1/public`;

const filed = await fetch(`${base}/reports`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({
    category: 'cyberattack',
    narrative: 'A timing benchmark report, nothing more.',
    language: 'en',
  }),
}).then((response) => response.json());
const nearMiss = filed.receipt.replace(/.$/, (last) => (last === '0' ? '1' : '0'));
const kinds = {
  nearMiss,
  unknown: 'ABCDE-FGHJK-MNPQR-STVWX-YZ012',
  malformed: 'not a receipt at all',
};

const timings = Object.fromEntries(Object.keys(kinds).map((kind) => [kind, []]));
for (let round = 0; round < ROUNDS; round += 1) {
  for (const [kind, receipt] of Object.entries(kinds)) {
    const started = process.hrtime.bigint();
    const response = await fetch(`${base}/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ receipt }),
    });
    await response.arrayBuffer();
    timings[kind].push(Number(process.hrtime.bigint() - started) / 1e6);
    if (response.status !== 401) throw new Error(`${kind}: expected 401, got ${response.status}`);
  }
}
child.kill('SIGKILL');
rmSync(dataDir, { recursive: true, force: true });

const quantile = (values, q) =>
  [...values].sort((a, b) => a - b)[Math.floor(q * (values.length - 1))];
console.table(
  Object.entries(timings).map(([kind, values]) => ({
    kind,
    medianMs: quantile(values, 0.5).toFixed(3),
    p90Ms: quantile(values, 0.9).toFixed(3),
  })),
);
