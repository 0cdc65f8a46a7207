// Prints how many tests ran against each storage engine, and the totals, from jest's --json
// output. With `--require-engine NAME`, fails when no test ran against that engine, so CI cannot
// pass while silently skipping it.
import { readFileSync } from 'node:fs';

const [file, flag, required] = process.argv.slice(2);
const report = JSON.parse(readFileSync(file, 'utf8'));
const tests = report.testResults.flatMap((suite) => suite.assertionResults);

const perEngine = {};
for (const test of tests) {
  const engine = /on the (\w+) engine/.exec(test.ancestorTitles.join(' '))?.[1];
  if (!engine) continue;
  perEngine[engine] ??= { passed: 0, failed: 0 };
  if (test.status === 'passed') perEngine[engine].passed += 1;
  if (test.status === 'failed') perEngine[engine].failed += 1;
}
for (const [engine, counts] of Object.entries(perEngine)) {
  process.stdout.write(`engine ${engine}: ${counts.passed} passed, ${counts.failed} failed\n`);
}
const failed = tests.filter((test) => test.status === 'failed').length;
const passed = tests.filter((test) => test.status === 'passed').length;
const skipped = tests.length - passed - failed;
process.stdout.write(`jest: ${passed} passed, ${failed} failed, ${skipped} skipped\n`);

if (flag === '--require-engine' && !perEngine[required]?.passed) {
  process.stderr.write(`No test ran against the ${required} engine.\n`);
  process.exit(1);
}
process.exit(failed ? 1 : 0);
