import { chromium, type Browser, type BrowserContext } from 'playwright-core';

/**
 * Starts the machine's Chromium headless. Playwright's own browser downloads are not used: the
 * system browser is what the developers and CI have. The flags keep it from calling home, so a
 * test sees only the traffic the app itself makes.
 */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/**
 * Chromium for the calling block: started before its first test, closed after its last. Each
 * context opened through `newContext` is closed after the test that opened it.
 */
export function browserForTests() {
  let browser: Browser | undefined;
  const open: BrowserContext[] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((context) => context.close()));
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    async newContext(options: Parameters<Browser['newContext']>[0]): Promise<BrowserContext> {
      const context = await browser!.newContext(options);
      open.push(context);
      return context;
    },
  };
}
