import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/app';
import { browserForTests } from '../support/browser';
import {
  axeViolations,
  recordProblems,
  screenshot,
  type ExpectedFailure,
} from '../support/consolePage';
import { aStaffMember, codeFor, type StaffMember } from '../support/staff';
import { casesOf, lastAuditEntry, store } from '../support/stats';

const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };
/** A word only the seeded reports have, which no statistic may carry. */
const NARRATIVE_WORD = 'quillwort';
/** Sign-in, many breakdowns, axe-core on each, screenshots at two widths and in Arabic. */
const JOURNEY_MS = 180_000;

/** While signed out, each page load asks whether a session goes on; the answer is a 401. */
const SESSION_PROBE: ExpectedFailure = { status: 401, path: /^\/api\/v1\/auth\/refresh$/ };
/** A noisy release the month's privacy budget cannot pay for: refused, as it must be. */
const BUDGET_REFUSED: ExpectedFailure = { status: 422, path: /^\/api\/v1\/stats$/ };

/** A page's element, as far as the functions run in it below use one. */
interface PageElement {
  ownerDocument: { activeElement: unknown };
  textContent: string | null;
  cloneNode(deep: true): PageElement;
  querySelectorAll(selector: string): {
    forEach(each: (element: { remove(): void }) => void): void;
  };
}

/** The text of each element as a screen reader has it: hidden words in, `aria-hidden` out. */
const SPOKEN_TEXTS = (elements: PageElement[]) =>
  elements.map((element) => {
    const copy = element.cloneNode(true);
    copy.querySelectorAll('[aria-hidden="true"]').forEach((hidden) => hidden.remove());
    return (copy.textContent ?? '').trim();
  });

const IS_FOCUSED = (element: PageElement) => element === element.ownerDocument.activeElement;

/**
 * The auditors' statistics in a real browser: breakdowns under suppression, the address keeping
 * the form, medians, the chart, a CSV export, and the differential-privacy mode.
 */
describe('the statistics dashboard in the console', () => {
  const browser = browserForTests();
  let testApp: TestApp;
  let baseUrl: string;

  // Each test has an app of its own: the tables count every case in it.
  beforeEach(async () => {
    testApp = await startTestApp();
    baseUrl = await testApp.listen();
  });

  afterEach(() => testApp.close());

  async function newPage() {
    const context = await browser.newContext({
      locale: 'en-US',
      viewport: DESKTOP,
      acceptDownloads: true,
    });
    const page = await context.newPage();
    return { page, problems: recordProblems(page, [SESSION_PROBE, BUDGET_REFUSED]) };
  }

  const heading = (page: Page, name: string) => page.getByRole('heading', { level: 1, name });

  async function expectAccessible(page: Page) {
    expect(await axeViolations(page)).toEqual([]);
  }

  /** Screenshots at desktop and phone width; on the phone, nothing may widen the page. */
  async function inBothWidths(page: Page, name: string) {
    await screenshot(page, `${name}-1280`);
    await page.setViewportSize(PHONE);
    await screenshot(page, `${name}-390`);
    expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(
      true,
    );
    await expectAccessible(page);
    await page.setViewportSize(DESKTOP);
  }

  async function signIn(page: Page, member: StaffMember, path = '/console/sign-in') {
    await page.goto(`${baseUrl}${path}`);
    await heading(page, 'Sign in').waitFor();
    await page.getByLabel('Username').fill(member.username);
    await page.getByLabel('Password').fill(member.password);
    await page.getByRole('button', { name: 'Continue' }).click();
    await heading(page, 'Enter your authenticator code').waitFor();
    await page.getByLabel('Authenticator code').fill(codeFor(member.totpSecret));
    await page.getByRole('button', { name: 'Sign in' }).click();
  }

  /** The text of each cell of a row, as a screen reader has it. */
  async function rowTexts(page: Page, tableName: string, rowHeader: string) {
    const row = page
      .getByRole('table', { name: tableName })
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: rowHeader, exact: true }) });
    return row.getByRole('cell').evaluateAll(SPOKEN_TEXTS);
  }

  async function auditedViews() {
    const entries = await testApp.storage.audit.list({ afterSeq: 0, limit: 1000 });
    return entries.filter((entry) => entry.action === 'stats.viewed').length;
  }

  /**
   * 105 cases in January and February 2026, suppression at the default k = 10:
   *
   *                    2026-01  2026-02  total
   *   cyberattack          12       15     27
   *   online_hate           3       20     23   ← 3 is withheld, and so is what would give it away
   *   rights_violation     30       25     55
   *
   * and 4 in December 2025, withheld in a breakdown by month.
   */
  async function storeKnownCases() {
    const narrative = {
      text: { narrative: `It was ${NARRATIVE_WORD}.`, platform: null, urls: [], handles: [] },
      nested: {},
    };
    const withNarrative = { body: narrative };
    await store(testApp, [
      ...casesOf(12, 'cyberattack', '2026-01', { triage: [0, 0, 0, 1, 1, 3] }, withNarrative),
      ...casesOf(15, 'cyberattack', '2026-02', { triage: [2] }, withNarrative),
      ...casesOf(3, 'online_hate', '2026-01', { triage: [5] }, withNarrative),
      ...casesOf(20, 'online_hate', '2026-02', { triage: [1] }, withNarrative),
      ...casesOf(30, 'rights_violation', '2026-01', { triage: [1] }, withNarrative),
      ...casesOf(25, 'rights_violation', '2026-02', {}, withNarrative),
      ...casesOf(4, 'cyberattack', '2025-12', { triage: [1] }, withNarrative),
    ]);
  }

  it(
    'when an auditor breaks the cases down by category and month, then small counts are withheld in the table, the chart and the CSV, the address keeps the form, and noise spends from the budget',
    async () => {
      await storeKnownCases();
      const auditor = await aStaffMember(testApp, { roles: ['auditor'] });
      const { page, problems } = await newPage();

      // -- Signing in, and statistics offered among the auditor's sections.
      await signIn(page, auditor);
      await heading(page, 'Welcome to Haven').waitFor();
      await page
        .getByRole('navigation', { name: 'Console' })
        .getByRole('link', { name: 'Statistics' })
        .click();
      await heading(page, 'Statistics').waitFor();
      expect(await page.getByRole('heading', { name: 'Results' }).count()).toBe(0);
      await expectAccessible(page);

      // -- Category by month, January and February 2026; a period the wrong way round first.
      await page.getByLabel('Rows').selectOption('category');
      await page.getByLabel('Columns (optional)').selectOption('month');
      await page.getByLabel('From month').fill('2026-02');
      await page.getByLabel('To month').fill('2026-01');
      await page.getByRole('button', { name: 'Show', exact: true }).click();
      const wrongWay = page.getByRole('link', {
        name: 'The last month must not come before the first.',
      });
      await wrongWay.waitFor();
      expect(new URL(page.url()).search).toBe('');
      await wrongWay.click();
      expect(await page.getByLabel('To month').evaluate(IS_FOCUSED)).toBe(true);
      await page.getByLabel('From month').fill('2026-01');
      await page.getByLabel('To month').fill('2026-02');
      await page.getByRole('button', { name: 'Show', exact: true }).click();
      const tableName = 'Cases: Category × Month';
      await page.getByRole('table', { name: tableName }).waitFor();
      expect(await page.getByRole('heading', { name: 'Results' }).evaluate(IS_FOCUSED)).toBe(true);
      const address = new URL(page.url()).searchParams;
      expect(Object.fromEntries(address)).toEqual({
        dims: 'category,month',
        from: '2026-01',
        to: '2026-02',
      });

      const table = page.getByRole('table', { name: tableName });
      expect(await table.getByRole('columnheader').allInnerTexts()).toEqual([
        'Category',
        'Jan 2026',
        'Feb 2026',
        'Total',
      ]);
      expect(await rowTexts(page, tableName, 'Rights violation')).toEqual(['30', '25', '55']);
      // The 3 is withheld, and so is another cell of its row (and of its column).
      const onlineHate = await rowTexts(page, tableName, 'Online hate');
      expect(onlineHate[0]).toBe('withheld to protect privacy');
      expect(onlineHate.filter((text) => text === 'withheld to protect privacy').length).toBe(2);
      expect(onlineHate[2]).toBe('23');
      expect(await rowTexts(page, tableName, 'Total')).toEqual(['45', '60', '105']);
      expect(
        await page.getByRole('region', { name: 'How to read this table' }).innerText(),
      ).toContain(
        'withheld A withheld count: fewer than 10 cases, or a count withheld so that a small one cannot be worked out from the totals. Both look the same, so the mark gives nothing away. Exports mark them \u2066<10\u2069.',
      );
      const chart = page.getByRole('img', { name: /^Category: total cases/ });
      expect(await chart.locator('.stats-chart-bar').count()).toBe(3);
      await expectAccessible(page);
      await inBothWidths(page, 'stats-category-month');

      // -- Medians instead of counts.
      await page.getByLabel('Show in the table').selectOption('triage');
      const mediansName = 'Median days to triage: Category × Month';
      await page.getByRole('table', { name: mediansName }).waitFor();
      expect(await rowTexts(page, mediansName, 'Rights violation')).toEqual([
        '1',
        'no median',
        '1',
      ]);

      // -- The CSV, as the server made it: withheld counts marked, nothing of any case in it.
      await page.getByLabel('Show in the table').selectOption('count');
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Download CSV' }).click();
      const file = await download;
      expect(file.suggestedFilename()).toMatch(
        /^haven-statistics-category-month-\d{8}T\d{6}Z\.csv$/,
      );
      const csv = readFileSync((await file.path())!, 'utf8');
      expect(csv.split('\r\n')).toContain('online_hate,2026-01,<10,,');
      expect(csv).toContain('rights_violation,2026-01,30,1,');
      expect(csv).not.toContain(NARRATIVE_WORD);
      expect(csv).not.toMatch(/HV-[0-9A-F]{8}/);
      await page
        .getByRole('status')
        .filter({ hasText: `Saved ${file.suggestedFilename()}.` })
        .waitFor();
      expect((await lastAuditEntry(testApp)).action).toBe('stats.exported');

      // -- The address keeps the form: a reload shows the same table.
      await page.reload();
      await page.getByRole('table', { name: tableName }).waitFor();
      expect(await page.getByLabel('Columns (optional)').inputValue()).toBe('month');
      expect(await page.getByLabel('From month').inputValue()).toBe('2026-01');

      // -- By month alone from December: its 4 cases are withheld, drawn as a mark, not a bar.
      await page.getByLabel('Rows').selectOption('month');
      await page.getByLabel('From month').fill('2025-12');
      await page.getByRole('button', { name: 'Show', exact: true }).click();
      const monthsName = 'Cases: Month';
      await page.getByRole('table', { name: monthsName }).waitFor();
      expect(await rowTexts(page, monthsName, 'Dec 2025')).toEqual(['withheld to protect privacy']);
      const monthChart = page.getByRole('img', { name: /^Month: total cases/ });
      expect(await monthChart.locator('.stats-chart-withheld').count()).toBeGreaterThanOrEqual(1);
      expect(await monthChart.locator('text').allTextContents()).toContain('withheld');
      await expectAccessible(page);
      await screenshot(page, 'stats-month-1280');

      // Back brings the previous breakdown and its form again.
      await page.goBack();
      await page.getByRole('table', { name: tableName }).waitFor();
      expect(await page.getByLabel('Rows').inputValue()).toBe('category');

      // -- A filter: closed cases only (all of them are), stated with the table.
      await page.locator('summary', { hasText: 'Filters' }).click();
      await page.getByRole('group', { name: 'Status' }).getByLabel('Closed').check();
      await page.getByRole('button', { name: 'Show', exact: true }).click();
      await page.getByText('Status: Closed').waitFor();
      expect(new URL(page.url()).searchParams.get('status')).toBe('closed');
      expect(await rowTexts(page, tableName, 'Total')).toEqual(['45', '60', '105']);

      // -- With noise: the budget is spent and shown, medians are left out.
      await page.getByLabel('Add random noise to the counts').check();
      // What is left is known before anything is spent.
      await page.getByText(/Your privacy budget for .+: 10 of 10 left\./).waitFor();
      await page.getByLabel('Epsilon (ε)').fill('1');
      await page.getByRole('button', { name: 'Show', exact: true }).click();
      await page.getByText('The counts carry random noise (ε = 1)').waitFor();
      expect(new URL(page.url()).searchParams.get('dp')).toBe('1');
      await page.getByText(/Your privacy budget for .+: 9 of 10 left\./).waitFor();
      expect(await page.getByLabel('Show in the table').count()).toBe(0);
      expect(await page.getByText('it spends ε 1 from your budget again').count()).toBe(1);
      await expectAccessible(page);
      await inBothWidths(page, 'stats-noise');

      // A reload does not spend again by itself: the release waits for "Show".
      const viewsBefore = await auditedViews();
      await page.reload();
      await page.getByText('Press “Show” to release it.').waitFor();
      expect(await page.getByRole('table').count()).toBe(0);
      expect(await page.getByLabel('Epsilon (ε)').inputValue()).toBe('1');
      expect(await auditedViews()).toBe(viewsBefore);

      // -- Too much epsilon: refused, in words.
      await page.getByLabel('Epsilon (ε)').fill('10');
      await page.getByRole('button', { name: 'Show', exact: true }).click();
      await page
        .getByRole('alert')
        .filter({ hasText: 'Your privacy budget for this month cannot pay for ε 10.' })
        .waitFor();

      // -- The same page in Arabic, right to left.
      await page.getByLabel('Add random noise to the counts').uncheck();
      await page.getByRole('button', { name: 'Show', exact: true }).click();
      await page.getByRole('table', { name: tableName }).waitFor();
      await page.getByLabel('Language').selectOption('ar');
      await heading(page, 'الإحصاءات').waitFor();
      await expectAccessible(page);
      await inBothWidths(page, 'stats-category-month-ar');

      expect(problems).toEqual([]);
    },
    JOURNEY_MS,
  );

  it('when staff without the auditor role open statistics, then they are neither offered nor shown', async () => {
    const officer = await aStaffMember(testApp, { roles: ['officer', 'supervisor', 'admin'] });
    const { page, problems } = await newPage();

    await signIn(page, officer, '/console/stats');

    await heading(page, 'Not allowed').waitFor();
    const nav = page.getByRole('navigation', { name: 'Console' });
    expect(await nav.getByRole('link').allInnerTexts()).not.toContain('Statistics');
    expect(problems).toEqual([]);
  });
});
