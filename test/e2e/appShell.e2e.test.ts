import type { Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/app';
import { browserForTests } from '../support/browser';
import { axeViolations, recordProblems, screenshot } from '../support/consolePage';

/** A signed-out console asks on each load whether a session goes on; the answer is a 401. */
const SESSION_PROBE = { status: 401, path: /^\/api\/v1\/auth\/refresh$/ };

describe('staff console app shell', () => {
  const browser = browserForTests();
  let testApp: TestApp;
  let baseUrl: string;

  beforeAll(async () => {
    testApp = await startTestApp();
    baseUrl = await testApp.listen();
  });

  afterAll(() => testApp?.close());

  /** Opens a fresh browser profile (no saved language) whose preferred language is `locale`. */
  async function openConsole(path: string, locale = 'en-US') {
    const context = await browser.newContext({ locale });
    const page = await context.newPage();
    const problems = recordProblems(page, [SESSION_PROBE]);
    await page.goto(`${baseUrl}/console${path}`);
    return { page, problems };
  }

  it('when a signed-out visitor opens the console home, then the sign-in page is shown and the browser reports no problem', async () => {
    const { page, problems } = await openConsole('/');

    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/console/sign-in');
    expect(await page.title()).toBe('Sign in · Haven');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.locator('html').getAttribute('dir')).toBe('ltr');
    expect(await page.getByRole('banner').getByRole('link', { name: 'Haven' }).count()).toBe(1);
    expect(await page.getByRole('main').count()).toBe(1);
    expect(await page.getByRole('contentinfo').count()).toBe(1);
    await screenshot(page, 'console-sign-in-en');
    expect(problems).toEqual([]);
  });

  it('when Arabic is chosen in the language switcher, then the page turns right-to-left, is translated, and stays so after a reload', async () => {
    const { page, problems } = await openConsole('/');
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();

    await page.getByLabel('Language').selectOption('ar');

    const arabicHeading = page.getByRole('heading', { level: 1, name: 'تسجيل الدخول' });
    await arabicHeading.waitFor();
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await page.locator('html').getAttribute('lang')).toBe('ar');
    expect(await page.title()).toBe('تسجيل الدخول · Haven');
    await screenshot(page, 'console-sign-in-ar');

    await page.reload();
    await arabicHeading.waitFor();
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(problems).toEqual([]);
  });

  it('when the browser prefers French and nothing was chosen before, then the console starts in French', async () => {
    const { page, problems } = await openConsole('/', 'fr-FR');

    await page.getByRole('heading', { level: 1, name: 'Connexion' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    expect(problems).toEqual([]);
  });

  it('when an unknown address is opened, then the not-found page is shown with a way home', async () => {
    const { page, problems } = await openConsole('/no/such/page');

    await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
    expect(await page.title()).toBe('Page not found · Haven');

    await page.getByRole('link', { name: 'Go to the console home' }).click();
    // Signed out, the home page sends the visitor on to sign in.
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
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
    const { page, problems } = await openConsole('/missing');

    await page.getByRole('link', { name: 'Go to the console home' }).click();

    await page.locator('h1:focus').waitFor();
    expect(await focusedElementText(page)).toBe('Sign in');
    expect(await page.title()).toBe('Sign in · Haven');
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
    ['the sign-in page', '/', 'en'],
    ['the sign-in page in Arabic', '/', 'ar'],
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

function focusedElementText(page: Page): Promise<string> {
  return page.locator(':focus').innerText();
}
