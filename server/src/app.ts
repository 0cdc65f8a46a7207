import express, { type Express, Router } from 'express';
import type { Config } from './config';
import { publicAccess } from './http/access';
import { serveConsole } from './http/console';
import { jsonBody } from './http/jsonBody';
import { buildOpenApiDocument } from './http/openapi';
import { notFound, problemHandler } from './http/problem';
import { requestLog } from './http/requestLog';
import { noStore, securityHeaders } from './http/securityHeaders';
import type { Lifecycle } from './lifecycle';
import type { Logger } from './logger';
import { adminRoutes, describeAdminRoutes } from './modules/admin/routes';
import { auditRoutes, describeAuditRoutes } from './modules/audit/routes';
import { caseRoutes, describeCaseRoutes } from './modules/cases/routes';
import { describeHealthRoutes, healthRoutes } from './modules/health/routes';
import { staffAccess } from './modules/identity/guards';
import { describeIdentityRoutes, identityRoutes } from './modules/identity/routes';
import { describeIntakeRoutes, intakeRoutes } from './modules/intake/routes';
import { describeReporterRoutes, reporterRoutes } from './modules/reporter/routes';
import { reporterPages } from './modules/reporterPages/routes';
import { describeStatsRoutes, statsRoutes } from './modules/stats/routes';
import type { Services } from './services';
import type { Storage } from './storage';

export interface AppDependencies {
  config: Config;
  storage: Storage;
  logger: Logger;
  lifecycle: Lifecycle;
  services: Services;
}

/** Wires the modules into one Express app. Holds no rules of its own. */
export function createApp({
  config,
  storage,
  logger,
  lifecycle,
  services,
}: AppDependencies): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.set('trust proxy', config.trustProxy);

  app.use(requestLog(logger));
  app.use(securityHeaders({ https: config.publicUrl.startsWith('https:') }));
  app.use(noStore);

  app.use(healthRoutes(storage, lifecycle));
  const openApiDocument = buildOpenApiDocument(
    [
      describeHealthRoutes,
      describeIntakeRoutes,
      describeReporterRoutes,
      describeIdentityRoutes,
      describeAdminRoutes,
      describeAuditRoutes,
      describeCaseRoutes,
      describeStatsRoutes,
    ],
    config.publicUrl,
  );
  app.get('/api/openapi.json', publicAccess(), (_req, res) => {
    res.json(openApiDocument);
  });

  // Every route declares who may call it through its guard (see `http/access.ts`).
  const { authenticator, guards } = staffAccess(services);
  const api = Router();
  api.use(jsonBody());
  api.use(intakeRoutes(services));
  api.use(reporterRoutes(services));
  api.use(identityRoutes({ services, config, authenticator, guards }));
  api.use(adminRoutes(services, guards));
  api.use(auditRoutes(services, guards));
  api.use(caseRoutes(services, guards));
  api.use(statsRoutes(services, guards));
  app.use('/api/v1', api);
  app.use('/api', notFound);

  // The console's pages are public (their data comes from the API); the reporter's pages check
  // a receipt or the reporter's session cookie themselves.
  app.use(publicAccess());
  if (!serveConsole(app)) logger.warn('The console is not built; run `npm run build`.');
  app.use(publicAccess('reporterCookie'));
  app.use(reporterPages(services, config.publicUrl, logger));
  app.use(notFound);
  app.use(problemHandler(logger));
  return app;
}
