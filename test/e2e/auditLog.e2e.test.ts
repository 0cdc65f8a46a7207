import { readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { CheckpointSchema } from '@haven/shared';
import type { Page } from 'playwright-core';
import { totpCode } from '../../server/src/modules/identity/totp';
import { startTestApp, type TestApp } from '../support/app';
import { browserForTests } from '../support/browser';
import {
  axeViolations,
  recordProblems,
  screenshot,
  type ExpectedFailure,
} from '../support/consolePage';
import { aStaffMember, type StaffMember } from '../support/staff';

/** While signed out, each page load asks whether a session goes on; the answer is a 401. */
const SESSION_PROBE: ExpectedFailure = { status: 401, path: /^\/api\/v1\/auth\/refresh$/ };
/** Once the log is broken, the server refuses to sign a checkpoint over it. */
const CHECKPOINT_REFUSED: ExpectedFailure = { status: 409, path: /^\/api\/v1\/audit\/checkpoint$/ };

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };

describe('the audit log in the console', () => {
  const browser = browserForTests();
  let testApp: TestApp;
  let baseUrl: string;
  let auditor: StaffMember;

  beforeAll(async () => {
    testApp = await startTestApp();
    baseUrl = await testApp.listen();
    auditor = await aStaffMember(testApp, { roles: ['auditor'] });
  });

  afterAll(() => testApp?.close());

  const heading = (page: Page, name: string) => page.getByRole('heading', { level: 1, name });

  async function expectAccessible(page: Page) {
    expect(await axeViolations(page)).toEqual([]);
  }

  /** Screenshots at desktop and phone width; on the phone, nothing may widen the page. */
  async function inBothWidths(page: Page, name: string) {
    await screenshot(page, `${name}-desktop`);
    await page.setViewportSize(PHONE);
    await screenshot(page, `${name}-phone`);
    expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(
      true,
    );
    await expectAccessible(page);
    await page.setViewportSize(DESKTOP);
  }

  /** The entry at `seq` as the store holds it now. */
  async function entryAt(seq: number) {
    const [entry] = await testApp.storage.audit.list({ afterSeq: seq - 1, limit: 1 });
    return entry!;
  }

  it('when an auditor verifies the log and a kept checkpoint, then both hold until an entry is edited in the database, and then verification names that entry', async () => {
    const context = await browser.newContext({ locale: 'en-US', viewport: DESKTOP });
    const page = await context.newPage();
    const problems = recordProblems(page, [SESSION_PROBE, CHECKPOINT_REFUSED]);

    // -- Signing in, and the audit log offered among the auditor's sections.
    await page.goto(`${baseUrl}/console/`);
    await heading(page, 'Sign in').waitFor();
    await page.getByLabel('Username').fill(auditor.username);
    await page.getByLabel('Password').fill(auditor.password);
    await page.getByRole('button', { name: 'Continue' }).click();
    await heading(page, 'Enter your authenticator code').waitFor();
    await page.getByLabel('Authenticator code').fill(totpCode(auditor.totpSecret, new Date()));
    await page.getByRole('button', { name: 'Sign in' }).click();
    await heading(page, 'Welcome to Haven').waitFor();
    const nav = page.getByRole('navigation', { name: 'Console' });
    await nav.getByRole('link', { name: 'Audit log' }).click();
    await heading(page, 'Audit log').waitFor();

    // -- The entries, oldest first: the auditor's own sign-in among them, by a shortened id.
    const table = page.getByRole('table', { name: /^Entries 1 to \d+, oldest first$/ });
    await table.waitFor();
    const signIn = (await testApp.storage.audit.list({ afterSeq: 0, limit: 500 })).find(
      (entry) => entry.action === 'auth.login' && entry.actorId === auditor.user.id,
    )!;
    const signInRow = table
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: new RegExp(`^${signIn.seq}( |$)`) }) });
    expect(await signInRow.innerText()).toContain('auth.login');
    expect(await signInRow.innerText()).toContain(`${auditor.user.id.slice(0, 8)}…`);
    expect(await signInRow.getByTitle(signIn.hash).count()).toBe(1);
    await expectAccessible(page);
    await inBothWidths(page, 'audit-entries');

    // -- Verifying the whole log: it holds, with the count and head hash to note down.
    await page.getByRole('button', { name: 'Verify the log' }).click();
    const verified = page.getByRole('status').filter({ hasText: 'The log verifies' });
    await verified.waitFor();
    const checked = Number(
      /Entries checked\s*(\d+)/.exec(await verified.innerText())?.[1] ?? Number.NaN,
    );
    expect(await verified.innerText()).toContain((await entryAt(checked)).hash);

    // -- A signed checkpoint, saved as a file.
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download a signed checkpoint' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^haven-audit-checkpoint-\d+\.json$/);
    const kept = CheckpointSchema.parse(JSON.parse(readFileSync((await file.path())!, 'utf8')));
    expect(kept.head).toBe((await entryAt(kept.entries)).hash);
    await page
      .getByRole('status')
      .filter({
        hasText: `Saved ${file.suggestedFilename()}. It covers entries 1 to ${kept.entries}.`,
      })
      .waitFor();

    // -- The log extends the kept checkpoint.
    const checkpointFile = page.getByLabel('Checkpoint file');
    await checkpointFile.setInputFiles((await file.path())!);
    await page.getByRole('button', { name: 'Verify against this checkpoint' }).click();
    await page
      .getByRole('status')
      .filter({
        hasText: `It extends the kept checkpoint, which covers entries 1 to ${kept.entries}`,
      })
      .waitFor();
    await expectAccessible(page);
    await inBothWidths(page, 'audit-verified');

    // -- Someone with the database file edits the auditor's sign-in behind Haven's back.
    editActionInDatabase(testApp, signIn.seq, 'auth.logout');

    await page.getByRole('button', { name: 'Verify the log' }).click();
    const broken = page.getByRole('status').filter({ hasText: 'The log does not verify.' });
    await broken.waitFor();
    expect(await broken.innerText()).toContain(
      `Entry ${signIn.seq} is the first that fails: it was edited, as its content no longer gives its stored hash.`,
    );
    expect(await signInRow.innerText()).toContain('First broken entry');

    await page.getByRole('button', { name: 'Verify against this checkpoint' }).click();
    await page
      .getByRole('status')
      .filter({
        hasText: `It does not extend the kept checkpoint, which covers entries 1 to ${kept.entries}: entries it covers are no longer what was signed`,
      })
      .waitFor();

    await page.getByRole('button', { name: 'Download a signed checkpoint' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: 'The log does not verify, so Haven signs no checkpoint over it.' })
      .waitFor();
    await expectAccessible(page);
    await inBothWidths(page, 'audit-broken');

    // -- The same page in Arabic, right to left.
    await page.getByLabel('Language').selectOption('ar');
    await heading(page, 'سجل التدقيق').waitFor();
    await expectAccessible(page);
    await inBothWidths(page, 'audit-broken-ar');

    expect(problems).toEqual([]);
  }, 120_000);

  it('when staff without the auditor role open the audit log, then it is neither offered nor shown', async () => {
    const officer = await aStaffMember(testApp, { roles: ['officer', 'supervisor', 'admin'] });
    const context = await browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    const problems = recordProblems(page, [SESSION_PROBE]);

    await page.goto(`${baseUrl}/console/audit`);
    await heading(page, 'Sign in').waitFor();
    await page.getByLabel('Username').fill(officer.username);
    await page.getByLabel('Password').fill(officer.password);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByLabel('Authenticator code').fill(totpCode(officer.totpSecret, new Date()));
    await page.getByRole('button', { name: 'Sign in' }).click();

    await heading(page, 'Not allowed').waitFor();
    const nav = page.getByRole('navigation', { name: 'Console' });
    expect(await nav.getByRole('link').allInnerTexts()).not.toContain('Audit log');
    expect(problems).toEqual([]);
  });
});

/**
 * Edits an entry straight in the SQLite file, past the application and its append-only
 * triggers, as someone holding the database could.
 */
function editActionInDatabase(testApp: TestApp, seq: number, action: string): void {
  const config = testApp.config.database;
  if (config.engine !== 'sqlite') throw new Error('the console tests run on the embedded engine');
  const db = new Database(config.file);
  try {
    db.pragma('busy_timeout = 5000');
    db.exec('DROP TRIGGER audit_log_no_update');
    db.prepare('UPDATE audit_log SET action = ? WHERE seq = ?').run(action, seq);
  } finally {
    db.close();
  }
}
