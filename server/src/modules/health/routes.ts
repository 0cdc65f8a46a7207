import { Router } from 'express';
import { LivenessSchema, ReadinessSchema, type Readiness } from '@haven/shared';
import { ServiceUnavailableError } from '../../errors';
import { publicAccess } from '../../http/access';
import { problemResponse, type DescribeRoutes } from '../../http/openapi';
import type { Lifecycle } from '../../lifecycle';
import type { Storage } from '../../storage';

/**
 * Operations probes, at the root rather than under `/api/v1`: `/healthz` says the process is
 * alive; `/readyz` says it should get traffic (storage answers, not shutting down).
 */
export function healthRoutes(storage: Storage, lifecycle: Lifecycle): Router {
  const router = Router();
  router.get('/healthz', publicAccess(), (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', publicAccess(), async (_req, res) => {
    if (lifecycle.shuttingDown) throw new ServiceUnavailableError('Shutting down.');
    await storage.ping().catch((error: unknown) => {
      throw new ServiceUnavailableError('Storage is not reachable.', { cause: error });
    });
    const readiness: Readiness = { status: 'ready', storage: storage.engine };
    res.json(readiness);
  });
  return router;
}

export const describeHealthRoutes: DescribeRoutes = (registry) => {
  registry.registerPath({
    method: 'get',
    path: '/healthz',
    summary: 'Liveness: the process is up',
    tags: ['operations'],
    responses: {
      200: { description: 'Alive', content: { 'application/json': { schema: LivenessSchema } } },
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/readyz',
    summary: 'Readiness: storage answers and the server is not shutting down',
    tags: ['operations'],
    responses: {
      200: { description: 'Ready', content: { 'application/json': { schema: ReadinessSchema } } },
      503: problemResponse('Not ready'),
    },
  });
};
