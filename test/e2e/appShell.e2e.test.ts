import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import axe, { type AxeResults } from 'axe-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/app';
import { launchBrowser } from '../support/browser';

const repoRoot = join(__dirname, '..', '..');
const screenshotDir = join(repoRoot, 'test-results', 'screenshots');

describe('staff console app shell', () => {
  let browser: Browser;
  let testApp: TestApp;
  let baseUrl: string;
  const openContexts: BrowserContext[] = [];

  beforeAll(async () => {
    testApp = await startTestApp();
    baseUrl = await testApp.listen();
    browser = await launchBrowser();
  });

  afterEach(async () => {
    await Promise.all(openContexts.splice(0).map((context) => context.close()));
  });

  afterAll(async () => {
    await browser?.close();
    await testApp?.close();
  });

  /** Opens a fresh browser profile (no saved language) whose preferred language is `locale`. */
  async function openConsole(path: string, locale = 'en-US') {
    const context = await browser.newContext({ locale });
    openContexts.push(context);
    const page = await context.newPage();
    const problems = recordProblems(page);
    await page.goto(baseUrl + path);
    return { page, problems };
  }

  it('when the console home opens, then it shows the Haven heading and the browser reports no problem', async () => {
    const { page, problems } = await openConsole('/');

    await page.getByRole('heading', { level: 1, name: 'Welcome to Haven' }).waitFor();
    expect(await page.title()).toBe('Welcome to Haven · Haven');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.locator('html').getAttribute('dir')).toBe('ltr');
    expect(await page.getByRole('banner').getByRole('link', { name: 'Haven' }).count()).toBe(1);
    expect(await page.getByRole('main').count()).toBe(1);
    expect(await page.getByRole('contentinfo').count()).toBe(1);
    await screenshot(page, 'console-home-en');
    expect(problems).toEqual([]);
  });

  it('when Arabic is chosen in the language switcher, then the page turns right-to-left, is translated, and stays so after a reload', async () => {
    const { page, problems } = await openConsole('/');
    await page.getByRole('heading', { level: 1, name: 'Welcome to Haven' }).waitFor();

    await page.getByLabel('Language').selectOption('ar');

    const arabicHeading = page.getByRole('heading', { level: 1, name: 'مرحبًا بك في Haven' });
    await arabicHeading.waitFor();
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await page.locator('html').getAttribute('lang')).toBe('ar');
    expect(await page.title()).toBe('مرحبًا بك في Haven · Haven');
    await screenshot(page, 'console-home-ar');

    await page.reload();
    await arabicHeading.waitFor();
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(problems).toEqual([]);
  });

  it('when the browser prefers French and nothing was chosen before, then the console starts in French', async () => {
    const { page, problems } = await openConsole('/', 'fr-FR');

    await page.getByRole('heading', { level: 1, name: 'Bienvenue dans Haven' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    expect(problems).toEqual([]);
  });

  it('when an unknown address is opened, then the not-found page is shown with a way home', async () => {
    const { page, problems } = await openConsole('/no/such/page');

    await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
    expect(await page.title()).toBe('Page not found · Haven');

    await page.getByRole('link', { name: 'Go to the console home' }).click();
    await page.getByRole('heading', { level: 1, name: 'Welcome to Haven' }).waitFor();
    expect(problems).toEqual([]);
  });

  it('when the first key pressed is Tab, then the skip link has focus, and following it focuses the main content without changing the address', async () => {
    const { page, problems } = await openConsole('/setup#token=kept-in-the-address');
    await page.getByRole('heading', { level: 1 }).waitFor();

    await page.keyboard.press('Tab');
    expect(await focusedElementText(page)).toBe('Skip to main content');

    await page.keyboard.press('Enter');
    await page.locator('main:focus').waitFor();
    expect(new URL(page.url()).hash).toBe('#token=kept-in-the-address');
    expect(problems).toEqual([]);
  });

  it("when a link leads to another page, then focus moves to that page's heading and the tab title follows", async () => {
    const { page, problems } = await openConsole('/');

    await page.getByRole('link', { name: /Create the first administrator/ }).click();

    await page.locator('h1:focus').waitFor();
    expect(await focusedElementText(page)).toBe('Create the first administrator');
    expect(await page.title()).toBe('Create the first administrator · Haven');
    expect(problems).toEqual([]);
  });

  it('when the setup page is opened with a token, then it says a token is present without showing the token', async () => {
    const token = 'one-time-setup-token-for-the-test';
    const { page, problems } = await openConsole(`/setup#token=${token}`);

    await page.getByText('This link carries a setup token.', { exact: false }).waitFor();
    expect(await page.locator('body').innerText()).not.toContain(token);
    expect(problems).toEqual([]);
  });

  it('when the setup page is opened without a token, then it asks for the link the server printed', async () => {
    const { page, problems } = await openConsole('/setup');

    await page.getByText('This link carries no setup token.', { exact: false }).waitFor();
    expect(problems).toEqual([]);
  });

  it.each([
    ['the console home', '/', 'en'],
    ['the console home in Arabic', '/', 'ar'],
    ['the setup page', '/setup#token=abc', 'en'],
    ['the not-found page', '/missing', 'en'],
  ])(
    'when axe-core checks %s, then it finds no accessibility violation',
    async (_name, path, language) => {
      const { page, problems } = await openConsole(path);
      if (language !== 'en') await page.getByLabel('Language').selectOption(language);
      await page.locator(`html[lang="${language}"]`).waitFor();
      await page.getByRole('heading', { level: 1 }).waitFor();

      expect(await axeViolations(page)).toEqual([]);
      expect(problems).toEqual([]);
    },
  );
});

/**
 * Collects what the browser complains about: console errors and warnings (Chromium reports each
 * Content-Security-Policy violation there), uncaught exceptions, and failed requests.
 */
function recordProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') {
      problems.push(`console ${message.type()}: ${message.text()}`);
    }
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()}`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  return problems;
}

function focusedElementText(page: Page): Promise<string> {
  return page.locator(':focus').innerText();
}

/**
 * Runs axe-core in the page. Evaluation through the DevTools protocol is not subject to the
 * page's Content-Security-Policy, so the check runs under the same policy as the app.
 */
async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(axe.source);
  const results = (await page.evaluate('axe.run()')) as AxeResults;
  return results.violations.map(
    (violation) =>
      `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
  );
}

async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });
}
