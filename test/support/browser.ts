import { chromium, type Browser } from 'playwright-core';

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
