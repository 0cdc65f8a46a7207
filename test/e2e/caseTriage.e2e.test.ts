import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Download, Page } from 'playwright-core';
import request from 'supertest';
import { aJpegWithGps, MARKERS } from '../fixtures/attachments/files';
import { startTestApp, type TestApp } from '../support/app';
import { browserForTests } from '../support/browser';
import { aFiledReport, caseApi } from '../support/cases';
import {
  axeViolations,
  recordProblems,
  screenshot,
  type ExpectedFailure,
} from '../support/consolePage';
import { aReport } from '../support/factories';
import { aStaffMember, codeFor, type StaffMember } from '../support/staff';
import { makeTempDir } from '../support/tempDir';

const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };
/** A word only the report under test has, to find it by. */
const SEARCH_WORD = 'lanternfish';
const NARRATIVE = `A fake bank page asked for my password; the kit was called ${SEARCH_WORD}. Write to me at rosa@example.org if you need more.`;
const SHARED_URL = 'https://bank-login.example.com/verify';
const MESSAGE = 'Thank you. We have asked the host to take the fake page down.';
/** A journey is long: two staff sign-ins, many actions, axe-core on each page, screenshots. */
const JOURNEY_MS = 180_000;

/** While signed out, each page load asks whether a session goes on; the answer is a 401. */
const SESSION_PROBE: ExpectedFailure = { status: 401, path: /^\/api\/v1\/auth\/refresh$/ };
/** The classification sent after someone else changed the case: refused, as it must be. */
const STALE_CHANGE: ExpectedFailure = { status: 409, path: /^\/api\/v1\/cases\/[^/]+$/ };

const IS_FOCUSED = (element: { ownerDocument: { activeElement: unknown } }) =>
  element === element.ownerDocument.activeElement;

/**
 * The triage console in a real browser: a report comes in through the public API; an officer
 * finds it in the queue with filters and the keyboard, triages, takes and answers it; a
 * supervisor escalates and resolves it; the reporter then sees the outcome with their receipt.
 */
describe('case triage in the console', () => {
  const browser = browserForTests();
  let testApp: TestApp;
  let baseUrl: string;

  // Each test has an app of its own: the queue's counts are part of what it checks.
  beforeEach(async () => {
    testApp = await startTestApp();
    baseUrl = await testApp.listen();
  });

  afterEach(() => testApp.close());

  async function newPage(expected: ExpectedFailure[] = []) {
    const context = await browser.newContext({
      locale: 'en-US',
      viewport: DESKTOP,
      acceptDownloads: true,
    });
    const page = await context.newPage();
    return { page, problems: recordProblems(page, [SESSION_PROBE, ...expected]) };
  }

  const heading = (page: Page, name: string | RegExp) =>
    page.getByRole('heading', { level: 1, name });

  /** What the page's live region says after an action. */
  const announced = (page: Page, text: string | RegExp) =>
    page.locator('.case-announcement').getByText(text);

  async function expectAccessible(page: Page) {
    expect(await axeViolations(page)).toEqual([]);
  }

  /**
   * Full-page screenshots at both widths the console is made for; the phone's is of the page
   * loaded at that width, as a phone would, once `ready` says it has its content.
   */
  async function shoot(page: Page, name: string, ready: () => Promise<unknown>) {
    await screenshot(page, `${name}-1280`);
    await page.setViewportSize(PHONE);
    await page.reload();
    await ready();
    await expectAccessible(page);
    await screenshot(page, `${name}-390`);
    await page.setViewportSize(DESKTOP);
    await page.reload();
    await ready();
  }

  async function signIn(page: Page, member: StaffMember) {
    await page.goto(`${baseUrl}/console/sign-in`);
    await heading(page, 'Sign in').waitFor();
    await page.getByLabel('Username').fill(member.username);
    await page.getByLabel('Password').fill(member.password);
    await page.getByRole('button', { name: 'Continue' }).click();
    await heading(page, 'Enter your authenticator code').waitFor();
    await page.getByLabel('Authenticator code').fill(codeFor(member.totpSecret));
    await page.getByRole('button', { name: 'Sign in' }).click();
    await heading(page, 'Welcome to Haven').waitFor();
  }

  /** The bytes of a file the page handed to the browser as a download. */
  async function bytesOf(download: Promise<Download>): Promise<Buffer> {
    return readFileSync((await (await download).path())!);
  }

  async function signOut(page: Page) {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await heading(page, 'Sign in').waitFor();
  }

  it(
    'when an officer triages, takes and answers a report and a supervisor escalates and resolves it, then the reporter sees the action taken and the message',
    async () => {
      // -- A report with a photo comes in through the public API; two others are already there,
      //    one of them sharing a web address with it.
      await aFiledReport(testApp, {
        urls: [SHARED_URL],
        narrative: 'The same fake bank page again.',
      });
      await aFiledReport(testApp, {
        category: 'online_hate',
        subcategory: 'threats',
        narrative: 'Someone keeps threatening me because of my religion.',
        urls: [],
      });
      const filed = await request(testApp.app)
        .post('/api/v1/public/reports')
        .field('report', JSON.stringify(aReport({ narrative: NARRATIVE, urls: [SHARED_URL] })))
        .attach('files', await aJpegWithGps(), {
          filename: 'photo.jpg',
          contentType: 'image/jpeg',
        });
      expect(filed.status).toBe(201);
      const { reference, receipt } = filed.body as { reference: string; receipt: string };

      const officer = await aStaffMember(testApp, {
        roles: ['officer'],
        displayName: 'Olive Officer',
      });
      const supervisor = await aStaffMember(testApp, {
        roles: ['supervisor'],
        displayName: 'Sam Supervisor',
      });

      // -- The officer signs in and finds the report in the queue by a word of it.
      const { page, problems } = await newPage([STALE_CHANGE]);
      await signIn(page, officer);
      await page
        .getByRole('navigation', { name: 'Console' })
        .getByRole('link', { name: 'Cases' })
        .click();
      await heading(page, 'Cases').waitFor();
      await page.getByRole('status').getByText('Showing 3 of 3 cases in “New”.').waitFor();
      const tabs = page.getByRole('navigation', { name: 'Cases by status' });
      expect(await tabs.getByRole('link', { name: /^New/ }).getAttribute('aria-current')).toBe(
        'page',
      );
      await page.getByLabel('Search the reports').fill(SEARCH_WORD);
      await page.getByLabel('Search the reports').press('Enter');
      await page.getByRole('status').getByText('Showing 1 of 1 cases in “New”.').waitFor();
      expect(new URL(page.url()).searchParams.get('q')).toBe(SEARCH_WORD);
      const rows = page.getByRole('region', { name: 'Cases: New' }).locator('tbody tr');
      expect(await rows.count()).toBe(1);
      expect(await rows.first().innerText()).toContain(reference);

      // The filters live in the address: a reload shows the same view.
      await page.reload();
      await page.getByRole('status').getByText('Showing 1 of 1 cases in “New”.').waitFor();
      expect(await page.getByLabel('Search the reports').inputValue()).toBe(SEARCH_WORD);

      // Shortcuts: none while typing, tabs with g then a letter, the list with j, help with ?.
      const search = page.getByLabel('Search the reports');
      await search.press('End');
      await search.press('g');
      await search.press('t');
      expect(await search.inputValue()).toBe(`${SEARCH_WORD}gt`);
      expect(new URL(page.url()).searchParams.get('tab')).toBeNull();
      await page.getByLabel('Search the reports').fill(SEARCH_WORD);
      await heading(page, 'Cases').focus();
      await page.keyboard.press('g');
      await page.keyboard.press('t');
      await page
        .getByRole('status')
        .getByText('No cases in “Triaged” match these filters.')
        .waitFor();
      expect(new URL(page.url()).searchParams.get('tab')).toBe('triaged');
      await page.keyboard.press('1');
      await page.getByRole('status').getByText('Showing 1 of 1 cases in “New”.').waitFor();
      await page.keyboard.press('?');
      const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
      await help.getByText('Select the next case').waitFor();
      await expectAccessible(page);
      await screenshot(page, 'cases-shortcuts-1280');
      await page.keyboard.press('Escape');
      await help.waitFor({ state: 'detached' });
      await page.keyboard.press('/');
      expect(await page.getByLabel('Search the reports').evaluate(IS_FOCUSED)).toBe(true);
      await heading(page, 'Cases').focus();
      await page.keyboard.press('j');
      const selectedLink = page.getByRole('link', { name: reference });
      expect(await selectedLink.evaluate(IS_FOCUSED)).toBe(true);
      expect(await rows.first().getAttribute('aria-current')).toBe('true');
      await expectAccessible(page);
      await page.getByLabel('Search the reports').fill('');
      await page.getByRole('button', { name: 'Search', exact: true }).click();
      await page.getByRole('status').getByText('Showing 3 of 3 cases in “New”.').waitFor();
      await shoot(page, 'cases-queue', () =>
        page.getByRole('status').getByText('Showing 3 of 3 cases in “New”.').waitFor(),
      );
      await page.getByLabel('Search the reports').fill(SEARCH_WORD);
      await page.getByLabel('Search the reports').press('Enter');
      await page.getByRole('status').getByText('Showing 1 of 1 cases in “New”.').waitFor();
      await heading(page, 'Cases').focus();
      await page.keyboard.press('j');
      await page.keyboard.press('o');

      // -- The case page: redacted, with the photo's thumbnail and a suggested duplicate.
      await heading(page, `Case ${reference}`).waitFor();
      expect(await heading(page, `Case ${reference}`).evaluate(IS_FOCUSED)).toBe(true);
      expect(await page.locator('.narrative').innerText()).toContain('[EMAIL-1]');
      expect(await page.locator('body').innerText()).not.toContain('rosa@example.org');
      const thumbnail = page.getByRole('img', { name: 'Preview of Image 1' });
      await thumbnail.waitFor();
      expect(
        await thumbnail.evaluate((image: { naturalWidth?: number }) => image.naturalWidth),
      ).toBeGreaterThan(0);
      await page.getByRole('heading', { name: 'Possible duplicates' }).waitFor();
      expect(await page.getByText('Shares: a web address.').count()).toBe(1);
      await expectAccessible(page);

      // Someone else changes the case while the officer classifies it: the page reloads it and
      // says so, keeping what the officer chose, to send again.
      await page.getByLabel('Severity', { exact: true }).selectOption('high');
      await page.getByLabel('TLP label').selectOption('AMBER+STRICT');
      await page.getByLabel('Tags').fill('bank, phishing-kit');
      const api = caseApi(testApp, supervisor);
      const id = (await testApp.storage.cases.getByReference(reference))!.id;
      expect(
        (await api.patch(id, { version: await api.version(id), tags: ['urgent'] })).status,
      ).toBe(200);
      await page.getByRole('button', { name: 'Save classification' }).click();
      await announced(page, /Someone else changed this case in the meantime/).waitFor();
      await page.getByRole('region', { name: 'Case summary' }).getByText('urgent').waitFor();
      expect(await page.getByLabel('Tags').inputValue()).toBe('bank, phishing-kit');
      expect(await page.getByLabel('Severity', { exact: true }).inputValue()).toBe('high');
      await page.getByRole('button', { name: 'Save classification' }).click();
      await announced(page, 'The classification was saved.').waitFor();
      const summary = page.getByRole('region', { name: 'Case summary' });
      await summary.getByText('TLP:AMBER+STRICT').waitFor();
      expect(await summary.innerText()).toContain('High');
      expect(await summary.innerText()).toContain('phishing-kit');

      // Triage, take, ask for escalation, answer the reporter.
      await page.getByRole('button', { name: 'Mark as triaged' }).click();
      await announced(page, 'The case is now “Triaged”.').waitFor();
      await page.getByRole('button', { name: 'Take this case' }).click();
      await announced(page, 'You hold this case now.').waitFor();
      expect(await summary.innerText()).toContain('Olive Officer');
      await page.getByLabel('Why escalate?').fill('The same kit targets several banks here.');
      await page.getByRole('button', { name: 'Ask a supervisor to escalate' }).click();
      await announced(page, /^Escalation requested/).waitFor();
      await page.getByLabel('Message', { exact: true }).fill(MESSAGE);
      await page.getByRole('button', { name: 'Send to the reporter' }).click();
      await announced(page, /^The message was sent/).waitFor();
      const history = page.getByRole('region', { name: 'History' });
      await history.getByText(MESSAGE).waitFor();
      expect(await history.innerText()).toContain('Olive Officer wrote to the reporter:');

      // The original text only with a reason, only in the dialog, gone when it closes.
      await page.getByRole('button', { name: 'Reveal the original text…' }).click();
      const reveal = page.getByRole('dialog', { name: 'Reveal the original text' });
      await reveal.getByRole('button', { name: 'Reveal' }).click();
      await reveal.getByRole('link', { name: 'Use at least 10 characters.' }).waitFor();
      await reveal.getByLabel('Why do you need it?').fill('Need the address to confirm the kit.');
      await reveal.getByRole('button', { name: 'Reveal' }).click();
      await reveal.getByText('rosa@example.org', { exact: false }).waitFor();
      await expectAccessible(page);
      await screenshot(page, 'cases-reveal-1280');
      await reveal.getByRole('button', { name: 'Close' }).click();
      await reveal.waitFor({ state: 'detached' });
      expect(await page.locator('body').innerText()).not.toContain('rosa@example.org');
      await history.getByText('Olive Officer revealed the original text.').waitFor();
      await shoot(page, 'cases-case-officer', () => history.getByText(MESSAGE).waitFor());
      await signOut(page);

      // -- The supervisor sees the flag, escalates with a reason, then resolves.
      await signIn(page, supervisor);
      await page
        .getByRole('navigation', { name: 'Console' })
        .getByRole('link', { name: 'Cases' })
        .click();
      await heading(page, 'Cases').waitFor();
      await page
        .getByRole('navigation', { name: 'Cases by status' })
        .getByRole('link', { name: /^Triaged/ })
        .click();
      await page.getByRole('status').getByText('Showing 1 of 1 cases in “Triaged”.').waitFor();
      const flagged = page.getByRole('row', { name: new RegExp(reference) });
      expect(await flagged.innerText()).toContain('Escalation requested');
      await expectAccessible(page);
      await flagged.getByRole('link', { name: reference }).click();
      await heading(page, `Case ${reference}`).waitFor();
      await page.getByRole('button', { name: 'Escalate' }).click();
      await page
        .getByLabel('Reason to Escalate')
        .fill('Coordinated campaign against several banks.');
      await page.getByRole('button', { name: 'Escalate' }).click();
      await announced(page, 'The case is now “Escalated”.').waitFor();
      await page.getByRole('button', { name: 'Resolve' }).click();
      await announced(page, 'The case is now “Resolved”.').waitFor();
      await history
        .getByText('Sam Supervisor moved the case from “Escalated” to “Resolved”.')
        .waitFor();
      await expectAccessible(page);
      await shoot(page, 'cases-case-supervisor', () => history.getByText(MESSAGE).waitFor());

      // The back link returns to the queue as it was left.
      await page.getByRole('link', { name: 'Back to the queue' }).click();
      await heading(page, 'Cases').waitFor();
      expect(new URL(page.url()).searchParams.get('tab')).toBe('triaged');

      // The queue and the case in Arabic: right to left, translated.
      await page.getByLabel('Language').selectOption('ar');
      await heading(page, 'الحالات').waitFor();
      expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
      await heading(page, 'الحالات').focus();
      await page.keyboard.press('5');
      await page.getByRole('link', { name: reference }).waitFor();
      await expectAccessible(page);
      await shoot(page, 'cases-queue-ar', () =>
        page.getByRole('link', { name: reference }).waitFor(),
      );
      await heading(page, 'الحالات').focus();
      await page.keyboard.press('j');
      await page.keyboard.press('Enter');
      await heading(page, `الحالة ${reference}`).waitFor();
      await expectAccessible(page);
      await shoot(page, 'cases-case-ar', () => page.getByText(MESSAGE).waitFor());
      await page.getByLabel('اللغة').selectOption('en');
      await page.locator('html[lang="en"]').waitFor();
      expect(problems).toEqual([]);

      // -- The reporter comes back with the receipt: action taken, and the officer's message.
      const visit = await newPage();
      await visit.page.goto(`${baseUrl}/status`);
      await visit.page.getByLabel('Receipt').fill(receipt);
      await visit.page.getByRole('button', { name: 'Open report' }).click();
      await heading(visit.page, `Your report ${reference}`).waitFor();
      expect(await visit.page.locator('main').innerText()).toContain('Action taken');
      await visit.page.getByText(MESSAGE).waitFor();
      expect(visit.problems).toEqual([]);
    },
    JOURNEY_MS,
  );
  it(
    'when two open reports share a web address, then an officer merges them with a reason and undoes it, and downloads the scrubbed photo, the original only with a reason',
    async () => {
      const temp = makeTempDir();
      const upload = join(temp.path, 'upload');
      writeFileSync(upload, await aJpegWithGps());
      const shopUrl = 'https://cheap-phones.example.net/checkout';
      const older = await aFiledReport(
        testApp,
        { urls: [shopUrl], narrative: 'A shop that took my money and never sent the phone.' },
        [upload],
      );
      temp.cleanup();
      const newer = await aFiledReport(testApp, {
        urls: [shopUrl],
        narrative: 'The same shop took a payment from me too.',
        contact: { email: 'kim@example.net' },
      });
      const officer = await aStaffMember(testApp, {
        roles: ['officer'],
        displayName: 'Omar Officer',
      });
      const { page, problems } = await newPage();
      await signIn(page, officer);

      // A case opened straight from its address; its contact only with a reason.
      await page.goto(`${baseUrl}/console/cases/${newer.id}`);
      await heading(page, `Case ${newer.reference}`).waitFor();
      await page.getByRole('button', { name: 'Reveal the contact details…' }).click();
      const reveal = page.getByRole('dialog', { name: 'Reveal the reporter’s contact details' });
      await reveal.getByLabel('Why do you need it?').fill('To ask for the payment receipt.');
      await reveal.getByRole('button', { name: 'Reveal' }).click();
      await reveal.getByText('kim@example.net').waitFor();
      await reveal.getByRole('button', { name: 'Close' }).click();
      await reveal.waitFor({ state: 'detached' });

      // The suggestion says what the two share; the merge asks why.
      const duplicates = page.getByRole('region', { name: 'Duplicates' });
      await duplicates.getByText('Shares: a web address.').waitFor();
      await duplicates.getByRole('button', { name: `Merge with ${older.reference}…` }).click();
      await duplicates.getByRole('button', { name: `Merge with ${older.reference}` }).click();
      await duplicates.getByRole('link', { name: 'Give a reason.' }).waitFor();
      await duplicates.getByLabel('Why are they the same?').fill('Same shop, same checkout page.');
      await duplicates.getByRole('button', { name: `Merge with ${older.reference}` }).click();
      await announced(page, `The cases are merged: ${older.reference}.`).waitFor();
      const summary = page.getByRole('region', { name: 'Case summary' });
      await summary.getByText('Duplicate', { exact: true }).waitFor();
      await duplicates.getByText('This case is a duplicate of').waitFor();
      await expectAccessible(page);
      await screenshot(page, 'cases-merged-1280');

      // The surviving case lists it, and its photo comes as the scrubbed copy.
      await duplicates.getByRole('link', { name: older.reference }).click();
      await heading(page, `Case ${older.reference}`).waitFor();
      await duplicates.getByText('Merged into this case').waitFor();
      const scrubbed = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Download Image 1' }).click();
      expect((await bytesOf(scrubbed)).includes(MARKERS.camera)).toBe(false);
      await page.getByRole('button', { name: 'Original… Image 1' }).click();
      const original = page.getByRole('dialog', { name: 'Download the original of Image 1' });
      await original.getByLabel('Why do you need it?').fill('Evidence for the payment provider.');
      const download = page.waitForEvent('download');
      await original.getByRole('button', { name: 'Download the original' }).click();
      expect((await bytesOf(download)).includes(MARKERS.camera)).toBe(true);
      await original.getByText('The original file was downloaded').waitFor();
      await original.getByRole('button', { name: 'Close' }).click();
      await page
        .getByRole('region', { name: 'History' })
        .getByText('Omar Officer revealed the original of a file.')
        .waitFor();

      // The merge is undone from the surviving case.
      await duplicates
        .getByRole('button', { name: `Undo the merge with ${newer.reference}` })
        .click();
      await announced(page, `The merge with ${newer.reference} was undone.`).waitFor();
      await duplicates.getByText('Merged into this case').waitFor({ state: 'detached' });
      expect((await caseApi(testApp, officer).open(newer.id)).body.status).toBe('new');

      // Any case can be found by its reference to merge, suggested or not.
      const reference = duplicates.getByLabel('Reference of the other case');
      await reference.fill(older.reference);
      await duplicates.getByRole('button', { name: 'Find', exact: true }).click();
      await duplicates.getByText('That is this case’s own reference.').waitFor();
      await reference.fill(newer.reference.toLowerCase());
      await duplicates.getByRole('button', { name: 'Find', exact: true }).click();
      // The case found is listed after the suggestion of the same case.
      await duplicates
        .getByRole('button', { name: `Merge with ${newer.reference}…` })
        .nth(1)
        .click();
      await screenshot(page, 'cases-merge-by-reference-1280');
      await duplicates.getByLabel('Why are they the same?').fill('Found by its reference.');
      await duplicates
        .getByRole('button', { name: `Merge with ${newer.reference}`, exact: true })
        .click();
      await announced(page, `The cases are merged: ${newer.reference}.`).waitFor();
      await duplicates.getByText('Merged into this case').waitFor();
      await expectAccessible(page);
      expect(problems).toEqual([]);
    },
    JOURNEY_MS,
  );
  it(
    'when the queue holds more than a page, then more cases load on request, and a case a supervisor assigns to an officer is under their "Mine" tab',
    async () => {
      for (let number = 1; number <= 26; number += 1) {
        await aFiledReport(testApp, { narrative: `Phishing report number ${number} of a series.` });
      }
      const officer = await aStaffMember(testApp, {
        roles: ['officer'],
        displayName: 'Olga Officer',
      });
      const supervisor = await aStaffMember(testApp, {
        roles: ['supervisor'],
        displayName: 'Sara Supervisor',
      });
      const { page, problems } = await newPage();
      await signIn(page, supervisor);
      await page.goto(`${baseUrl}/console/cases`);
      await page.getByRole('status').getByText('Showing 25 of 26 cases in “New”.').waitFor();
      await page.getByRole('button', { name: 'Show more cases' }).click();
      await page.getByRole('status').getByText('Showing 26 of 26 cases in “New”.').waitFor();
      expect(await page.getByRole('button', { name: 'Show more cases' }).count()).toBe(0);
      const rows = page.getByRole('region', { name: 'Cases: New' }).locator('tbody tr');
      expect(await rows.nth(25).getByRole('link').evaluate(IS_FOCUSED)).toBe(true);

      const reference = await rows.first().getByRole('link').innerText();
      await rows.first().getByRole('link').click();
      await heading(page, `Case ${reference}`).waitFor();
      await page.getByLabel('Assign to').selectOption({ label: 'Olga Officer' });
      await page.getByRole('button', { name: 'Assign', exact: true }).click();
      await announced(page, 'The case is assigned to Olga Officer.').waitFor();
      expect(await page.getByRole('region', { name: 'Case summary' }).innerText()).toContain(
        'Olga Officer',
      );
      await signOut(page);

      await signIn(page, officer);
      await page.goto(`${baseUrl}/console/cases`);
      await page.getByRole('status').getByText('Showing 25 of 26 cases in “New”.').waitFor();
      await heading(page, 'Cases').focus();
      await page.keyboard.press('g');
      await page.keyboard.press('m');
      await page.getByRole('status').getByText('Showing 1 of 1 cases in “Mine”.').waitFor();
      expect(await page.getByRole('link', { name: reference }).count()).toBe(1);
      expect(problems).toEqual([]);
    },
    JOURNEY_MS,
  );
});
