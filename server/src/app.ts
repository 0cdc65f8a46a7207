import express, { type Express, Router } from 'express';
import type { Config } from './config';
import { serveConsole } from './http/console';
import { jsonBody } from './http/jsonBody';
import { buildOpenApiDocument } from './http/openapi';
import { notFound, problemHandler } from './http/problem';
import { requestLog } from './http/requestLog';
import { noStore, securityHeaders } from './http/securityHeaders';
import type { Lifecycle } from './lifecycle';
import type { Logger } from './logger';
import { describeHealthRoutes, healthRoutes } from './modules/health/routes';
import { describeIntakeRoutes, intakeRoutes } from './modules/intake/routes';
import { describeReporterRoutes, reporterRoutes } from './modules/reporter/routes';
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
    [describeHealthRoutes, describeIntakeRoutes, describeReporterRoutes],
    config.publicUrl,
  );
  app.get('/api/openapi.json', (_req, res) => {
    res.json(openApiDocument);
  });

  const api = Router();
  api.use(jsonBody());
  api.use(intakeRoutes(services));
  api.use(reporterRoutes(services));
  app.use('/api/v1', api);
  app.use('/api', notFound);

  if (!serveConsole(app)) logger.warn('The console is not built; run `npm run build`.');
  app.use(notFound);
  app.use(problemHandler(logger));
  return app;
}
