// Intake throughput: Haven's full submission path (validation, redaction, sealing, durable
// write, audit) against a bare route doing only the same durable insert, same engine, same run.
// Also samples the full server's resident set size under load. Usage:
//   node bench/intake.mjs [--seconds 15] [--connections 8]      (DATABASE_URL picks the engine)
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '15' },
    connections: { type: 'string', default: '8' },
  },
});
const report = JSON.stringify({
  category: 'cyberattack',
  subcategory: 'phishing',
  narrative:
    'Since March someone has been sending messages from reset-team@example.org to everyone in our group, ' +
    'asking us to confirm our passwords at a page that looks like our provider. One of us called +44 20 7946 0958, ' +
    'the number in the message, and was asked for her card 4111 1111 1111 1111. '.repeat(4),
  country: 'GB',
  occurredOn: '2026-10',
  platform: 'E-mail',
  urls: ['https://login.example.com/reset?token=0123456789abcdef'],
  handles: ['@reset_team'],
  targets: [],
  language: 'en',
});

async function measure(mode) {
  const dataDir = mkdtempSync(join(tmpdir(), `haven-bench-${mode}-`));
  const child = fork(new URL('./intakeServer.mjs', import.meta.url), [mode, dataDir], {
    env: { ...process.env, MALLOC_ARENA_MAX: '2' },
  });
  const { port } = await new Promise((resolve) => child.once('message', resolve));
  let peakRss = 0;
  child.on('message', (message) => (peakRss = Math.max(peakRss, message.rss ?? 0)));
  const sampler = setInterval(() => child.send('rss'), 250);
  const result = await autocannon({
    url: `http://127.0.0.1:${port}/api/v1/public/reports`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: report,
    connections: Number(values.connections),
    duration: Number(values.seconds),
  });
  clearInterval(sampler);
  child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
  const bad = result.non2xx + result.errors;
  return {
    mode,
    requestsPerSecond: result.requests.average,
    p99Ms: result.latency.p99,
    bad,
    peakRssMb: Math.round(peakRss / 1e6),
  };
}

const bare = await measure('bare');
const full = await measure('full');
const ratio = full.requestsPerSecond / bare.requestsPerSecond;
console.table([bare, full]);
console.log(`engine: ${process.env.DATABASE_URL?.startsWith('mongodb') ? 'mongodb' : 'sqlite'}`);
console.log(
  `full path at ${(ratio * 100).toFixed(0)} % of the bare insert (bar: ≥ 70 %); peak RSS ${full.peakRssMb} MB (bar: ≤ 200 MB)`,
);
