import express, { type Express } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** Where `npm run build -w client` puts the staff console. */
export const CONSOLE_DIST = join(__dirname, '..', '..', '..', 'client', 'dist', 'console');

/** The console lives under its own path; the site's root belongs to the reporter's pages. */
export const CONSOLE_PATH = '/console';

/**
 * Serves the built console under `/console`: content-hashed assets cached for a year (they hold
 * nothing sensitive and never change), and `index.html` for any other page a browser asks for
 * there, so the console's own router can take it. Answers `false` when it has not been built.
 */
export function serveConsole(app: Express, distDir = CONSOLE_DIST): boolean {
  const indexHtml = join(distDir, 'index.html');
  if (!existsSync(indexHtml)) return false;
  app.use(
    `${CONSOLE_PATH}/assets`,
    (_req, res, next) => {
      res.removeHeader('Cache-Control');
      res.removeHeader('Pragma');
      next();
    },
    express.static(join(distDir, 'assets'), {
      immutable: true,
      maxAge: '365d',
      index: false,
      fallthrough: false,
    }),
  );
  app.use(CONSOLE_PATH, express.static(distDir, { index: false }));
  app.get(new RegExp(`^${CONSOLE_PATH}(/.*)?$`), (req, res, next) => {
    if (!req.accepts('html')) return next();
    res.sendFile(indexHtml);
  });
  return true;
}
