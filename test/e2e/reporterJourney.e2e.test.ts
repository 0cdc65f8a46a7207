import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import axe, { type AxeResults } from 'axe-core';
import type { BrowserContext, Page } from 'playwright-core';
import { aJpegWithGps, aPng } from '../fixtures/attachments/files';
import { startTestApp, type TestApp } from '../support/app';
import { browserForTests } from '../support/browser';
import { makeTempDir } from '../support/tempDir';

const screenshotDir = join(__dirname, '..', '..', 'test-results', 'screenshots');
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };
const STAFF_REPLY = 'We are looking into it. Can you tell us when the first message arrived?';
const ANSWER = 'The first message arrived on a Monday morning.';
/** A journey is long: pages, uploads, axe-core on each page, screenshots. */
const JOURNEY_MS = 120_000;

/**
 * The reporter's whole journey in a real browser, once with JavaScript off (Tor Browser at its
 * Safest level) and once with it on: report with a photo, keep the receipt, come back with it,
 * read a reply, answer. The browser may reach nothing but the app.
 */
describe('the reporter journey', () => {
  const browser = browserForTests();
  let testApp: TestApp;
  let baseUrl: string;
  let files: ReturnType<typeof makeTempDir>;

  beforeAll(async () => {
    files = makeTempDir();
    writeFileSync(join(files.path, 'photo.jpg'), await aJpegWithGps());
    writeFileSync(join(files.path, 'more.png'), await aPng());
  });

  beforeEach(async () => {
    // A proof of work that a browser solves in a blink, so the script's path is exercised.
    testApp = await startTestApp({ HAVEN_POW_BITS: '10' });
    baseUrl = await testApp.listen();
  });

  afterEach(() => testApp.close());

  afterAll(() => files?.cleanup());

  interface Visit {
    page: Page;
    context: BrowserContext;
    /** Console errors, CSP violations, failed and unexpected 4xx/5xx responses. */
    problems: string[];
    /** Requests to anywhere but the app, refused. */
    leaks: string[];
    /** Bodies of the scripts and stylesheets the pages loaded. */
    assets: Map<string, Buffer>;
  }

  async function openVisit(options: {
    javaScript: boolean;
    viewport?: { width: number; height: number };
    locale?: string;
    /** Statuses the journey provokes on purpose (a form with errors, a closed session). */
    expectedStatuses?: number[];
  }): Promise<Visit> {
    const context = await browser.newContext({
      javaScriptEnabled: options.javaScript,
      viewport: options.viewport ?? DESKTOP,
      locale: options.locale ?? 'en-US',
      acceptDownloads: true,
    });
    const leaks: string[] = [];
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(`${baseUrl}/`)) return route.continue();
      leaks.push(url);
      return route.abort();
    });
    const page = await context.newPage();
    const problems: string[] = [];
    const assets = new Map<string, Buffer>();
    page.on('console', (message) => {
      // Responses are judged by status below; Chromium also logs each 4xx as an error.
      if (message.text().startsWith('Failed to load resource: the server responded')) return;
      if (message.type() === 'error' || message.type() === 'warning') {
        problems.push(`console ${message.type()}: ${message.text()}`);
      }
    });
    page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
    // A worker's own script is fetched outside the page's network events.
    page.on('worker', (worker) => {
      void context.request.get(worker.url()).then(
        async (response) => assets.set(worker.url(), await response.body()),
        () => undefined,
      );
    });
    page.on('requestfailed', (request) => {
      if (!leaks.includes(request.url())) problems.push(`request failed: ${request.url()}`);
    });
    context.on('response', (response) => {
      const status = response.status();
      if (status >= 400 && !options.expectedStatuses?.includes(status)) {
        problems.push(`HTTP ${status}: ${response.url()}`);
      }
      if (/\.(js|css)$/.test(new URL(response.url()).pathname)) {
        response.body().then(
          (body) => assets.set(response.url(), body),
          () => undefined, // the context closed first
        );
      }
    });
    return { page, context, problems, leaks, assets };
  }

  /** axe-core in the page; with JavaScript off, in a copy of the page opened with it on. */
  async function axeViolations({ page }: Visit, javaScript: boolean): Promise<string[]> {
    let target = page;
    if (!javaScript) {
      const html = (await page.content()).replace(/<script\b[^>]*><\/script>/g, '');
      const context = await browser.newContext({ viewport: page.viewportSize() ?? DESKTOP });
      target = await context.newPage();
      const snapshotUrl = `${baseUrl}/__axe-snapshot-${randomUUID()}`;
      await target.route(snapshotUrl, (route) =>
        route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }),
      );
      await target.goto(snapshotUrl);
    }
    await target.evaluate(axe.source);
    const results = (await target.evaluate('axe.run()')) as AxeResults;
    return results.violations.map(
      (violation) =>
        `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
    );
  }

  async function screenshot(page: Page, name: string): Promise<void> {
    mkdirSync(screenshotDir, { recursive: true });
    await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });
  }

  async function checkPage(visit: Visit, javaScript: boolean, name: string): Promise<void> {
    expect(await axeViolations(visit, javaScript)).toEqual([]);
    await screenshot(visit.page, name);
  }

  const heading = (page: Page, name: string | RegExp) =>
    page.getByRole('heading', { level: 1, name }).waitFor();

  /** What the staff console will do: a message to the reporter on the case's timeline. */
  async function replyAsStaff(reference: string): Promise<void> {
    const stored = await testApp.storage.cases.getByReference(reference);
    await testApp.storage.timeline.append(
      {
        id: randomUUID(),
        caseId: stored!.id,
        at: new Date(),
        kind: 'message.staff',
        actorId: null,
        reporterVisible: true,
        body: { text: STAFF_REPLY },
      },
      { action: 'case.message_sent', actorId: null },
    );
  }

  /** Comes back with the receipt, reads the staff reply, answers it, adds a file, leaves. */
  async function comeBack(
    visit: Visit,
    mode: string,
    receipt: string,
    reference: string,
    javaScript: boolean,
  ): Promise<void> {
    const { page, context } = visit;
    await page.getByRole('link', { name: 'Check a report' }).click();
    await heading(page, 'Check a report');
    await checkPage(visit, javaScript, `reporter-status-entry-${mode}`);

    await page.getByLabel('Receipt').fill(receipt.toLowerCase());
    await page.getByRole('button', { name: 'Open report' }).click();
    await heading(page, `Your report ${reference}`);
    expect(new URL(page.url()).pathname).toBe('/status/case');
    const [cookie, ...others] = await context.cookies();
    expect(others).toEqual([]);
    expect(cookie).toMatchObject({
      name: 'haven_session',
      httpOnly: true,
      sameSite: 'Strict',
      expires: -1,
    });

    await replyAsStaff(reference);
    await page.reload();
    await page.getByText(STAFF_REPLY).waitFor();
    await checkPage(visit, javaScript, `reporter-case-${mode}`);

    await page.getByLabel('Write to the officers').fill(ANSWER);
    await page.getByRole('button', { name: 'Send message' }).click();
    await page.getByText('Your message was sent.').waitFor();
    const thread = page.locator('ol.thread');
    expect(await thread.getByText(STAFF_REPLY).count()).toBe(1);
    expect(await thread.getByText(ANSWER).count()).toBe(1);

    await page.getByLabel('Files to add').setInputFiles(join(files.path, 'more.png'));
    await page.getByRole('button', { name: 'Add files', exact: true }).click();
    await page.getByText('Your files were added.').waitFor();
    expect(await page.locator('.file-list li').count()).toBe(2);
    await checkPage(visit, javaScript, `reporter-case-answered-${mode}`);

    // Nothing of the journey stays in the browser's storage. (Strings: tests have no DOM types.)
    expect(await page.evaluate('[localStorage.length, sessionStorage.length]')).toEqual([0, 0]);
    expect(await page.evaluate('indexedDB.databases().then((all) => all.length)')).toBe(0);

    await page.getByRole('button', { name: 'Close report on this device' }).click();
    await heading(page, 'Report online harm safely');
    expect(await context.cookies()).toEqual([]);
  }

  /** Reads the receipt off the page and checks the file the download link gives. */
  async function keepReceipt(page: Page): Promise<{ receipt: string; reference: string }> {
    const receipt = (await page.locator('output code').innerText()).trim();
    const reference = (await page.locator('.reference-code').innerText()).trim();
    expect(receipt).toMatch(/^([0-9A-Z]{5}-){4}[0-9A-Z]{5}$/);
    expect(page.url()).not.toContain(receipt);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download as a text file' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('haven-receipt.txt');
    const text = readFileSync(await download.path(), 'utf8');
    expect(text).toContain(`Receipt: ${receipt}`);
    expect(text).toContain(`Reference: ${reference}`);
    return { receipt, reference };
  }

  it(
    'when JavaScript is off, then a report with a photo, its receipt, a reply and an answer all work with plain forms',
    async () => {
      const visit = await openVisit({
        javaScript: false,
        viewport: PHONE,
        expectedStatuses: [400],
      });
      const { page } = visit;
      await page.goto(`${baseUrl}/`);
      await heading(page, 'Report online harm safely');
      await checkPage(visit, false, 'reporter-landing-nojs-phone');

      await page.getByRole('link', { name: /Make a report/ }).click();
      await heading(page, 'Make a report');
      await checkPage(visit, false, 'reporter-form-nojs-phone');

      // First with what only the server can tell wrong (a date in the future, a line that is no
      // web address): it answers the form again, with its errors and the answers kept.
      const narrative = 'A message pretending to be my bank asked me to log in on a fake page.';
      await page.getByLabel('What kind of harm was it?').selectOption('cyberattack/phishing');
      await page.getByLabel('What happened?').fill(narrative);
      await page.getByLabel('When did it happen?').fill('2099-01');
      await page.getByLabel(/Web addresses/).fill('the fake bank page');
      await page.getByLabel(/^Files/).setInputFiles(join(files.path, 'photo.jpg'));
      await page.getByRole('button', { name: 'Send report' }).click();
      await page.getByRole('heading', { level: 2, name: 'There is a problem' }).waitFor();
      expect(await page.title()).toBe('Error: Make a report · Haven');
      expect(await page.getByLabel('What happened?').inputValue()).toBe(narrative);
      await page.getByText('Please choose them again.').waitFor();
      await checkPage(visit, false, 'reporter-form-errors-nojs-phone');

      await page.getByRole('link', { name: /Enter a month like 2026-03/ }).click();
      expect(await page.locator(':focus').getAttribute('id')).toBe('occurredOn');
      await page.getByLabel('When did it happen?').fill('2026-01');
      await page.getByLabel(/Web addresses/).fill('https://bank-login.example.com/verify');
      await page.getByLabel(/^Files/).setInputFiles(join(files.path, 'photo.jpg'));
      await page.getByRole('button', { name: 'Send report' }).click();
      await heading(page, 'Your report was sent');
      await checkPage(visit, false, 'reporter-receipt-nojs-phone');
      const { receipt, reference } = await keepReceipt(page);
      expect(await page.getByRole('button', { name: 'Copy receipt' }).isVisible()).toBe(false);
      const stored = await testApp.storage.cases.getByReference(reference);
      expect((stored!.body as { attachments: unknown[] }).attachments).toHaveLength(1);

      await comeBack(visit, 'nojs-phone', receipt, reference, false);
      expect(visit.leaks).toEqual([]);
      expect(visit.problems).toEqual([]);
    },
    JOURNEY_MS,
  );

  it(
    'when JavaScript is on, then the report is a step-by-step wizard with inline checks, a proof of work and upload progress, and the rest of the journey works the same',
    async () => {
      const visit = await openVisit({ javaScript: true });
      const { page, context } = visit;
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl });
      const redeem = jest.spyOn(testApp.services.proofOfWork!, 'redeem');
      await page.goto(`${baseUrl}/`);
      await heading(page, 'Report online harm safely');
      await checkPage(visit, true, 'reporter-landing-js');

      await page.getByRole('link', { name: /Make a report/ }).click();
      await heading(page, 'Make a report');
      const steps = page.locator('fieldset.step');
      expect(await steps.evaluateAll((all) => all.map((step) => !step.hidden))).toEqual([
        true,
        false,
        false,
        false,
        false,
      ]);
      await checkPage(visit, true, 'reporter-form-step1-js');
      await page.setViewportSize(PHONE);
      await screenshot(page, 'reporter-form-step1-js-phone');
      await page.setViewportSize(DESKTOP);

      // Leaving the step with nothing filled in shows the problems where they are.
      await page.getByRole('button', { name: 'Next' }).click();
      await page.getByText('Choose what kind of harm it was.').waitFor();
      expect(await page.locator(':focus').getAttribute('id')).toBe('topic');
      await page.getByLabel('What happened?').fill('Short');
      await page.getByLabel('What happened?').blur();
      await page.getByText(/Describe what happened in 10 to 20,000 characters/).waitFor();
      await checkPage(visit, true, 'reporter-form-inline-errors-js');

      await page.getByLabel('What kind of harm was it?').selectOption('online_hate/threats');
      await page
        .getByLabel('What happened?')
        .fill('Someone keeps sending threats to my account because of my religion.');
      await page.getByLabel('Religion or belief').check();
      await page.getByRole('button', { name: 'Next' }).click();
      await page.locator('h2:focus', { hasText: 'Where and when' }).waitFor();
      await page.getByLabel(/Country where it happened/).selectOption('FR');
      await page.getByLabel(/Web addresses/).fill('https://social.example/post/1');
      await page.getByRole('button', { name: 'Next' }).click();
      await page.locator('h2:focus', { hasText: 'Evidence' }).waitFor();
      await page.getByLabel(/^Files/).setInputFiles(join(files.path, 'photo.jpg'));
      await page.getByRole('button', { name: 'Next' }).click();
      await page.locator('h2:focus', { hasText: 'Contact' }).waitFor();
      await page.getByRole('button', { name: 'Next' }).click();
      await page.locator('h2:focus', { hasText: 'Check and send' }).waitFor();
      const review = page.locator('[data-review]');
      await review.getByText('Someone keeps sending threats').waitFor();
      expect(await review.getByText('photo.jpg').count()).toBe(1);
      expect(await review.getByText('France').count()).toBe(1);
      expect(await page.locator('input[name="proofOfWork.nonce"]').inputValue()).not.toBe('');
      await checkPage(visit, true, 'reporter-form-review-js');

      await page.getByRole('button', { name: 'Send report' }).click();
      await heading(page, 'Your report was sent');
      expect(new URL(page.url()).pathname).toBe('/report');
      expect(redeem.mock.results.map((result) => result.value)).toContain(true);
      await checkPage(visit, true, 'reporter-receipt-js');
      const { receipt, reference } = await keepReceipt(page);
      await page.getByRole('button', { name: 'Copy receipt' }).click();
      await page.getByText('Receipt copied.').waitFor();
      expect(await page.evaluate('navigator.clipboard.readText()')).toBe(receipt);
      const stored = await testApp.storage.cases.getByReference(reference);
      expect(stored!.body).toMatchObject({ targets: ['religion'] });

      await comeBack(visit, 'js', receipt, reference, true);
      expect(visit.leaks).toEqual([]);
      expect(visit.problems).toEqual([]);

      // What a reporter's browser loaded: the reporter bundle only, far within its budget.
      const loaded = [...visit.assets.keys()].map((url) => new URL(url).pathname);
      expect(loaded.every((path) => path.startsWith('/public-assets/'))).toBe(true);
      const gzipBytes = [...visit.assets.values()].reduce(
        (sum, body) => sum + gzipSync(body).length,
        0,
      );
      expect(gzipBytes).toBeLessThanOrEqual(60 * 1024);
      process.stdout.write(`Reporter pages load ${loaded.length} files, ${gzipBytes} bytes gzip\n`);
    },
    JOURNEY_MS,
  );

  it.each([
    ['off', false],
    ['on', true],
  ])(
    'when the pages are in Arabic with JavaScript %s, then they are right-to-left, translated, and pass axe-core',
    async (mode, javaScript) => {
      const visit = await openVisit({
        javaScript,
        viewport: javaScript ? DESKTOP : PHONE,
        expectedStatuses: [400, 401],
      });
      const { page } = visit;
      const suffix = javaScript ? 'js' : 'nojs-phone';
      await page.goto(`${baseUrl}/?lang=ar`);
      expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
      await checkPage(visit, javaScript, `reporter-landing-${suffix}-ar`);

      await page.getByRole('link', { name: /تقديم بلاغ/ }).click();
      await heading(page, 'تقديم بلاغ');
      await checkPage(visit, javaScript, `reporter-form-${suffix}-ar`);
      await page.getByLabel('ما نوع الأذى؟').selectOption('rights_violation/surveillance');
      await page.getByLabel('ماذا حدث؟').fill('تمت مراقبة حسابي على الإنترنت بعد أن نشرت مقالًا.');
      if (javaScript) {
        for (let step = 0; step < 4; step += 1) {
          await page.getByRole('button', { name: 'التالي' }).click();
        }
      } else {
        // A date in the future, which only the server refuses: the form comes back, in Arabic.
        await page.getByLabel(/متى حدث؟/).fill('2099-01');
        await page.getByRole('button', { name: 'إرسال البلاغ' }).click();
        await page.getByRole('heading', { level: 2, name: 'هناك مشكلة' }).waitFor();
        await checkPage(visit, javaScript, `reporter-form-errors-${suffix}-ar`);
        await page.getByLabel(/متى حدث؟/).fill('2026-01');
      }
      await page.getByRole('button', { name: 'إرسال البلاغ' }).click();
      await heading(page, 'تم إرسال بلاغك');
      expect(await page.locator('html').getAttribute('lang')).toBe('ar');
      await checkPage(visit, javaScript, `reporter-receipt-${suffix}-ar`);

      if (!javaScript) {
        const receipt = (await page.locator('output code').innerText()).trim();
        for (const [path, name] of [
          ['/safety?lang=ar', 'safety'],
          ['/status/case?lang=ar', 'error'],
          ['/status?lang=ar', 'status-entry'],
        ] as const) {
          await page.goto(`${baseUrl}${path}`);
          expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
          await checkPage(visit, javaScript, `reporter-${name}-${suffix}-ar`);
        }
        await page.getByLabel('الإيصال').fill(receipt);
        await page.getByRole('button', { name: 'فتح البلاغ' }).click();
        await heading(page, /^بلاغك HV-/);
        await checkPage(visit, javaScript, `reporter-case-${suffix}-ar`);
      }
      expect(visit.leaks).toEqual([]);
      expect(visit.problems).toEqual([]);
    },
    JOURNEY_MS,
  );

  it.each([
    ['the safety page', '/safety', 200],
    ['the error page of a closed report', '/status/case', 401],
    ['the page for an unknown address', '/no/such/page', 404],
  ])(
    'when %s is opened, then it passes axe-core',
    async (_name, path, status) => {
      const visit = await openVisit({ javaScript: false, expectedStatuses: [status] });
      const response = await visit.page.goto(`${baseUrl}${path}`);
      expect(response?.status()).toBe(status);
      await checkPage(visit, false, `reporter-${path.split('/')[1]}-${status}-nojs`);
      expect(visit.problems).toEqual([]);
    },
    JOURNEY_MS,
  );

  it(
    'when Esc is pressed twice with JavaScript on, then the browser leaves for a neutral site and Back does not return to the report',
    async () => {
      const visit = await openVisit({ javaScript: true });
      const { page } = visit;
      await visit.context.route('https://www.wikipedia.org/', (route) =>
        route.fulfill({ contentType: 'text/html', body: '<title>Wikipedia</title>' }),
      );
      await page.goto(`${baseUrl}/`);
      await page.getByRole('link', { name: /Make a report/ }).click();
      await heading(page, 'Make a report');

      // The quick exit is the first stop after the skip link.
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      expect(await page.locator(':focus').getAttribute('class')).toBe('quick-exit');

      await page.keyboard.press('Escape');
      await page.keyboard.press('Escape');
      await page.waitForURL('https://www.wikipedia.org/');
      await page.goBack();
      expect(new URL(page.url()).pathname).toBe('/');
    },
    JOURNEY_MS,
  );
});
