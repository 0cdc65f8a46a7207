import express, { Router } from 'express';
import { NotFoundError } from '../../errors';
import type { Logger } from '../../logger';
import type { Services } from '../../services';
import { loadReporterAssets, PUBLIC_ASSETS_PATH, serveReporterAssets } from './assets';
import { pageErrors } from './pageErrors';
import { reportRoutes } from './reportRoutes';
import { sessionCookie } from './session';
import { statusRoutes } from './statusRoutes';

/**
 * The reporter's pages at the site's root: server-rendered HTML that works without JavaScript,
 * with plain form posts into the same services the JSON API calls.
 */
export function reporterPages(services: Services, publicUrl: string, logger: Logger): Router {
  const assets = loadReporterAssets();
  if (!assets) logger.warn('The reporter pages are not styled: run `npm run build`.');
  const deps = { services, assets, publicUrl, cookie: sessionCookie(publicUrl) };

  const router = Router();
  router.use(PUBLIC_ASSETS_PATH, ...serveReporterAssets());
  router.use(express.urlencoded({ extended: false, limit: '64kb', parameterLimit: 20 }));
  router.use(reportRoutes(deps));
  router.use(statusRoutes(deps));
  // A browser that lands on an unknown address gets a page; other clients, problem+json.
  router.get(/.*/, (req, _res, next) => {
    next(req.accepts(['json', 'html']) === 'html' ? new NotFoundError() : undefined);
  });
  router.use(pageErrors(logger, assets));
  return router;
}
