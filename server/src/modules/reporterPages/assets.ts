import express, { type RequestHandler } from 'express';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where `npm run build -w client` puts the reporter pages' stylesheet and script. */
export const REPORTER_ASSETS_DIST = join(
  __dirname,
  '..',
  '..',
  '..',
  '..',
  'client',
  'dist',
  'reporter',
);

export const PUBLIC_ASSETS_PATH = '/public-assets';

/** The two files every reporter page links, by their content-hashed URLs. */
export interface ReporterAssets {
  stylesheet: string;
  script: string;
}

// The entries of client/vite.reporter.config.ts, as its manifest names them.
const SCRIPT_ENTRY = 'src/reporter/enhance.ts';
const STYLESHEET_ENTRY = 'src/reporter/reporter.css';

/** Reads the build's manifest; `null` when the assets have not been built. */
export function loadReporterAssets(distDir = REPORTER_ASSETS_DIST): ReporterAssets | null {
  const manifestFile = join(distDir, '.vite', 'manifest.json');
  if (!existsSync(manifestFile)) return null;
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Record<
    string,
    { file?: string } | undefined
  >;
  const script = manifest[SCRIPT_ENTRY]?.file;
  const stylesheet = manifest[STYLESHEET_ENTRY]?.file;
  if (!script || !stylesheet) return null;
  return {
    script: `${PUBLIC_ASSETS_PATH}/${script}`,
    stylesheet: `${PUBLIC_ASSETS_PATH}/${stylesheet}`,
  };
}

/**
 * Serves the built assets. Their names carry a content hash and they hold nothing sensitive, so
 * unlike the pages they may be cached for a year.
 */
export function serveReporterAssets(distDir = REPORTER_ASSETS_DIST): RequestHandler[] {
  return [
    (_req, res, next) => {
      res.removeHeader('Cache-Control');
      res.removeHeader('Pragma');
      next();
    },
    express.static(distDir, { immutable: true, maxAge: '365d', index: false }),
    // A missing asset is not a page: leave it to the app's problem+json 404.
    (_req, _res, next) => next('router'),
  ];
}
