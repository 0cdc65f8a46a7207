import type { Page } from 'playwright-core';
import { issueSetupToken } from '../../server/src/modules/setup/setupToken';
import { totpCode } from '../../server/src/modules/identity/totp';
import { startTestApp, type TestApp } from '../support/app';
import { browserForTests } from '../support/browser';
import {
  axeViolations,
  recordProblems,
  screenshot,
  type ExpectedFailure,
} from '../support/consolePage';

const ADMIN = {
  username: 'ada.admin',
  displayName: 'Ada Admin',
  password: 'a long admin passphrase for haven',
};
const OFFICER = {
  username: 'olive.officer',
  displayName: 'Olive Officer',
  newPassword: 'olive picks her own passphrase',
};

/** For `locator.evaluate`: whether the element has focus. */
const IS_FOCUSED = (element: { ownerDocument: { activeElement: unknown } }) =>
  element === element.ownerDocument.activeElement;

/** While signed out, each page load asks whether a session goes on; the answer is a 401. */
const SESSION_PROBE: ExpectedFailure = { status: 401, path: /^\/api\/v1\/auth\/refresh$/ };

describe('staff sign-in and administration in the console', () => {
  const browser = browserForTests();
  let testApp: TestApp;
  let baseUrl: string;

  beforeAll(async () => {
    testApp = await startTestApp();
    baseUrl = await testApp.listen();
  });

  afterAll(() => testApp?.close());

  async function newPage(expected: ExpectedFailure[] = []) {
    const context = await browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    return { page, problems: recordProblems(page, [SESSION_PROBE, ...expected]) };
  }

  const heading = (page: Page, name: string | RegExp) =>
    page.getByRole('heading', { level: 1, name });

  async function expectAccessible(page: Page) {
    expect(await axeViolations(page)).toEqual([]);
  }

  /** Reads the secret the enrolment page shows and answers the authenticator's current code. */
  async function currentCodeOnEnrolPage(page: Page): Promise<string> {
    const secret = (await page.locator('.totp-secret').innerText()).replace(/\s/g, '');
    return totpCode(secret, new Date());
  }

  /** Switches the language and back, taking a screenshot and an axe check in between. */
  async function inArabic(page: Page, name: string, arabicHeading: string) {
    await page.getByLabel('Language').selectOption('ar');
    await heading(page, arabicHeading).waitFor();
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    await expectAccessible(page);
    await screenshot(page, name);
    await page.getByLabel('اللغة').selectOption('en');
    await page.locator('html[lang="en"]').waitFor();
  }

  it('when the first admin is set up, enrols, and manages an officer, then the officer signs in and is kept out of administration', async () => {
    const { page, problems } = await newPage([
      // The admin tries to take away their own admin role, the last one.
      { status: 409, path: /^\/api\/v1\/admin\/users\/[^/]+$/ },
    ]);

    // -- The first admin, from the link the server printed.
    const token = await issueSetupToken(testApp.storage);
    await page.goto(`${baseUrl}/console/setup#token=${token}`);
    await heading(page, 'Create the first administrator').waitFor();
    await expectAccessible(page);
    expect(await page.locator('body').innerText()).not.toContain(token!);
    await page.getByRole('button', { name: 'Create the administrator' }).click();
    const summary = page.getByRole('region', { name: 'There is a problem' });
    await summary.waitFor();
    expect(await summary.evaluate(IS_FOCUSED)).toBe(true);
    await page.getByLabel('Username').fill(ADMIN.username);
    await page.getByLabel('Name', { exact: true }).fill(ADMIN.displayName);
    await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
    await page.getByLabel('Type the new password again').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Create the administrator' }).click();

    // -- Sign-in: the token has left the address, the username is filled in.
    await heading(page, 'Sign in').waitFor();
    expect(new URL(page.url()).hash).toBe('');
    await page.getByText('The administrator account was created.', { exact: false }).waitFor();
    expect(await page.getByLabel('Username').inputValue()).toBe(ADMIN.username);
    await expectAccessible(page);
    await screenshot(page, 'staff-sign-in-en');
    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByLabel('Password').press('Enter');

    // -- Enrolment: the QR code as an image, the key as text, then a code from the "app".
    await heading(page, 'Set up your authenticator app').waitFor();
    const qr = page.getByRole('img', { name: /QR code/ });
    await qr.waitFor();
    expect(await qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(
      await qr.evaluate((image: { naturalWidth?: number }) => image.naturalWidth),
    ).toBeGreaterThan(0);
    const codeField = page.getByLabel('Code from the app');
    expect(await codeField.getAttribute('inputmode')).toBe('numeric');
    expect(await codeField.getAttribute('autocomplete')).toBe('one-time-code');
    await expectAccessible(page);
    await screenshot(page, 'staff-enrol-en');
    await codeField.fill(await currentCodeOnEnrolPage(page));
    await page.getByRole('button', { name: 'Turn on the second factor' }).click();

    // -- Recovery codes, shown once; saving them must be confirmed.
    await heading(page, 'Save your recovery codes').waitFor();
    const recoveryCodes = await page
      .getByRole('list', { name: 'Recovery codes' })
      .locator('code')
      .allInnerTexts();
    expect(recoveryCodes).toHaveLength(10);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download as a text file' }).click();
    expect((await download).suggestedFilename()).toBe(`haven-recovery-codes-${ADMIN.username}.txt`);
    await expectAccessible(page);
    await screenshot(page, 'staff-recovery-codes-en');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByText('Confirm that you have saved your recovery codes.').first().waitFor();
    await page.getByLabel('I have saved my recovery codes somewhere safe').check();
    await page.getByRole('button', { name: 'Continue' }).click();

    // -- The console home, with the administration the admin role opens.
    await heading(page, 'Welcome to Haven').waitFor();
    const nav = page.getByRole('navigation', { name: 'Console' });
    expect(await nav.getByRole('link').allInnerTexts()).toEqual([
      'Home',
      'Staff accounts',
      'Settings',
      'Your account',
    ]);
    await expectAccessible(page);

    // -- A reload keeps the session, through the refresh cookie: no token in web storage.
    await page.reload();
    await heading(page, 'Welcome to Haven').waitFor();
    expect(
      await page.evaluate('[...Object.keys(localStorage), ...Object.keys(sessionStorage)]'),
    ).toEqual([]);
    await screenshot(page, 'staff-home-en');

    // -- User administration: create an officer.
    await nav.getByRole('link', { name: 'Staff accounts' }).click();
    await heading(page, 'Staff accounts').waitFor();
    await page.getByRole('rowheader', { name: /Ada Admin/ }).waitFor();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Create an account' }).click();
    const createDialog = page.getByRole('dialog', { name: 'Create an account' });
    await createDialog.waitFor();
    await createDialog.getByLabel('Username').fill(OFFICER.username);
    await createDialog.getByLabel('Name', { exact: true }).fill(OFFICER.displayName);
    expect(await createDialog.getByLabel('Case officer').isChecked()).toBe(true);
    await expectAccessible(page);
    await screenshot(page, 'staff-user-create-en');
    await createDialog.getByRole('button', { name: 'Create the account' }).click();
    const createdDialog = page.getByRole('dialog', { name: 'Account created' });
    await createdDialog.waitFor();
    const temporaryPassword = await createdDialog.locator('.temporary-password').innerText();
    expect(temporaryPassword.length).toBeGreaterThanOrEqual(12);
    await expectAccessible(page);
    await screenshot(page, 'staff-user-created-en');
    await createdDialog.getByRole('button', { name: 'Done' }).click();
    const officerRow = page.getByRole('row', { name: /Olive Officer/ });
    await officerRow.waitFor();
    expect(await officerRow.innerText()).toContain('No authenticator yet');

    // -- Change its roles.
    await page.getByRole('button', { name: 'Manage Olive Officer' }).click();
    const manageDialog = page.getByRole('dialog', { name: 'Manage Olive Officer' });
    await manageDialog.getByLabel('Supervisor').check();
    await expectAccessible(page);
    await manageDialog.getByRole('button', { name: 'Save changes' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'The changes to Olive Officer were saved.' })
      .waitFor();
    expect(await officerRow.innerText()).toContain('Case officer and Supervisor');

    // -- The last admin cannot be removed: the server's refusal is shown, in words.
    await page.getByRole('button', { name: 'Manage Ada Admin' }).click();
    const selfDialog = page.getByRole('dialog', { name: 'Manage Ada Admin' });
    await selfDialog.getByLabel('Administrator').uncheck();
    await selfDialog.getByLabel('Auditor').check();
    await selfDialog.getByRole('button', { name: 'Save changes' }).click();
    await selfDialog
      .getByText(
        'This is the last enabled administrator. Make someone else an administrator first.',
      )
      .waitFor();
    await expectAccessible(page);
    await screenshot(page, 'staff-user-manage-en');
    await selfDialog.getByRole('button', { name: 'Cancel' }).first().click();
    await selfDialog.waitFor({ state: 'detached' });

    await screenshot(page, 'staff-users-en');
    await inArabic(page, 'staff-users-ar', 'حسابات الفريق');

    // -- Settings: the suppression threshold may not go below 3.
    await nav.getByRole('link', { name: 'Settings' }).click();
    await heading(page, 'Settings').waitFor();
    const threshold = page.getByLabel('Suppression threshold (k)');
    await threshold.fill('2');
    await page.getByRole('button', { name: 'Save the settings' }).click();
    await page.getByRole('link', { name: 'The smallest allowed value is 3.' }).click();
    expect(await threshold.evaluate(IS_FOCUSED)).toBe(true);
    await threshold.fill('5');
    await page.getByRole('button', { name: 'Save the settings' }).click();
    await page.getByRole('status').filter({ hasText: 'The settings were saved.' }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'staff-settings-en');

    // -- Account page.
    await nav.getByRole('link', { name: 'Your account' }).click();
    await heading(page, 'Your account').waitFor();
    await page.getByText('Unused recovery codes: 10.').waitFor();
    await expectAccessible(page);
    await screenshot(page, 'staff-account-en');

    // -- Sign out.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await heading(page, 'Sign in').waitFor();
    await page.getByText('You have signed out.').waitFor();
    await inArabic(page, 'staff-sign-in-ar', 'تسجيل الدخول');

    // -- The officer's first sign-in: temporary password, enrolment, own password.
    await page.getByLabel('Username').fill(OFFICER.username);
    await page.getByLabel('Password').fill(temporaryPassword);
    await page.getByRole('button', { name: 'Continue' }).click();
    await heading(page, 'Set up your authenticator app').waitFor();
    await page.locator('.totp-secret').waitFor();
    await page.getByLabel('Code from the app').fill(await currentCodeOnEnrolPage(page));
    await page.getByRole('button', { name: 'Turn on the second factor' }).click();
    await heading(page, 'Save your recovery codes').waitFor();
    await page.getByLabel('I have saved my recovery codes somewhere safe').check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await heading(page, 'Choose a new password').waitFor();
    await expectAccessible(page);
    await page.getByLabel('Password you were given').fill(temporaryPassword);
    await page.getByLabel('New password', { exact: true }).fill(OFFICER.newPassword);
    await page.getByLabel('Type the new password again').fill(OFFICER.newPassword);
    await page.getByRole('button', { name: 'Change password' }).click();

    // -- No administration for an officer (and supervisor): not offered, and not opened.
    await heading(page, 'Welcome to Haven').waitFor();
    expect(await nav.getByRole('link').allInnerTexts()).toEqual(['Home', 'Cases', 'Your account']);
    await page.goto(`${baseUrl}/console/admin/users`);
    await heading(page, 'Not allowed').waitFor();
    await expectAccessible(page);
    await screenshot(page, 'staff-not-allowed-en');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await heading(page, 'Sign in').waitFor();

    // -- A signed-out visit to a page goes through sign-in (here with a recovery code) and back.
    await page.goto(`${baseUrl}/console/admin/settings`);
    await heading(page, 'Sign in').waitFor();
    await page.getByLabel('Username').fill(ADMIN.username);
    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Continue' }).click();
    await heading(page, 'Enter your authenticator code').waitFor();
    const totpField = page.getByLabel('Authenticator code');
    expect(await totpField.getAttribute('inputmode')).toBe('numeric');
    expect(await totpField.getAttribute('autocomplete')).toBe('one-time-code');
    await expectAccessible(page);
    await screenshot(page, 'staff-second-factor-en');
    await page.getByRole('link', { name: 'Use a recovery code instead' }).click();
    await heading(page, 'Enter a recovery code').waitFor();
    await page.getByLabel('Recovery code').fill(recoveryCodes[0]!);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await heading(page, 'Settings').waitFor();
    expect(await page.getByLabel('Suppression threshold (k)').inputValue()).toBe('5');

    expect(problems).toEqual([]);
  }, 120_000);

  it('when a signed-out visitor opens a console page, then the sign-in page is shown and a wrong password gets one plain answer', async () => {
    const { page, problems } = await newPage([{ status: 401, path: /^\/api\/v1\/auth\/login$/ }]);

    await page.goto(`${baseUrl}/console/account`);
    await heading(page, 'Sign in').waitFor();
    await page.getByLabel('Username').fill('nobody.here');
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Continue' }).click();

    const summary = page.getByRole('region', { name: 'There is a problem' });
    await summary
      .getByText('The username or password is not right, or the account cannot sign in.')
      .waitFor();
    expect(await summary.evaluate(IS_FOCUSED)).toBe(true);
    expect(await page.getByLabel('Password').inputValue()).toBe('');
    await expectAccessible(page);
    expect(problems).toEqual([]);
  });
});
