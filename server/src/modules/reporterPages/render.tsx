import type { Request, Response } from 'express';
import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { ReporterAssets } from './assets';
import { translatorFor } from './i18n';
import { pageLanguage } from './language';
import { PageProvider, type Page } from './PageContext';

export function pageFor(req: Request, assets: ReporterAssets | null): Page {
  const language = pageLanguage(req);
  return {
    language,
    t: translatorFor(language.code),
    path: req.path,
    languageLinks: req.method === 'GET',
    assets,
  };
}

/** Renders a page to static HTML: no hydration, so it works the same with JavaScript off. */
export function sendPage(res: Response, page: Page, element: ReactElement, status = 200): void {
  const html = renderToStaticMarkup(<PageProvider value={page}>{element}</PageProvider>);
  res.status(status).type('html').send(`<!doctype html>${html}`);
}
