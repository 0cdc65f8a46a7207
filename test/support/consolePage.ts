import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import axe, { type AxeResults } from 'axe-core';
import type { Page } from 'playwright-core';

const screenshotDir = join(__dirname, '..', '..', 'test-results', 'screenshots');

/** A failed request the test expects (a refused sign-in, a session probe while signed out). */
export interface ExpectedFailure {
  status: number;
  path: RegExp;
}

/**
 * Collects what the browser complains about: console errors and warnings (Chromium reports each
 * Content-Security-Policy violation there), uncaught exceptions, failed requests and answers of
 * 400 or more, except the failures listed in `expected` (and the console line Chromium writes for
 * each of them).
 */
export function recordProblems(page: Page, expected: ExpectedFailure[] = []): string[] {
  const problems: string[] = [];
  const isExpected = (status: number, url: string) =>
    expected.some(
      (failure) => failure.status === status && failure.path.test(new URL(url).pathname),
    );
  page.on('console', (message) => {
    if (message.type() !== 'error' && message.type() !== 'warning') return;
    const status = /status of (\d{3})/.exec(message.text());
    if (status && isExpected(Number(status[1]), message.location().url)) return;
    problems.push(`console ${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  page.on('requestfailed', (request) => {
    // A request the page itself abandoned (a navigation cancels the favicon fetch) is not a fault.
    if (request.failure()?.errorText === 'net::ERR_ABORTED') return;
    problems.push(`request failed: ${request.url()}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400 && !isExpected(response.status(), response.url())) {
      problems.push(`HTTP ${response.status()}: ${response.url()}`);
    }
  });
  return problems;
}

/**
 * Runs axe-core in the page. Evaluation through the DevTools protocol is not subject to the
 * page's Content-Security-Policy, so the check runs under the same policy as the app.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(axe.source);
  const results = (await page.evaluate('axe.run()')) as AxeResults;
  return results.violations.map(
    (violation) =>
      `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
  );
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });
}
