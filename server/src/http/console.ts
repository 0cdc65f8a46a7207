import express, { type Express } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** Where `npm run build -w client` puts the staff console. */
export const CONSOLE_DIST = join(__dirname, '..', '..', '..', 'client', 'dist');

/**
 * Serves the built console: content-hashed assets cached for a year (they hold nothing
 * sensitive and never change), and `index.html` for any other page a browser asks for, so the
 * console's own router can take it. Answers `false` when the console has not been built.
 */
export function serveConsole(app: Express, distDir = CONSOLE_DIST): boolean {
  const indexHtml = join(distDir, 'index.html');
  if (!existsSync(indexHtml)) return false;
  app.use(
    '/assets',
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
  app.use(express.static(distDir, { index: false }));
  app.get(/^\/(?!api\/).*/, (req, res, next) => {
    if (!req.accepts('html')) return next();
    res.sendFile(indexHtml);
  });
  return true;
}
