import { Router } from 'express';
import {
  PrivacyBudgetSchema,
  StatsExportQuerySchema,
  StatsQuerySchema,
  StatsTableSchema,
} from '@haven/shared';
import { problemResponse, type DescribeRoutes } from '../../http/openapi';
import { parseRequest } from '../../http/validate';
import type { Services } from '../../services';
import { staffOf, type StaffGuards } from '../identity/guards';
import { STAFF_TOKEN_SCHEME } from '../identity/routes';

/** The auditors' statistics: a breakdown to view (`stats.read`) or to export (`stats.export`). */
export function statsRoutes(
  services: Pick<Services, 'stats'>,
  guards: Pick<StaffGuards, 'permission'>,
): Router {
  const router = Router();

  router.get('/stats', guards.permission('stats.read'), async (req, res) => {
    const query = parseRequest(StatsQuerySchema, req.query, 'query');
    res.json(await services.stats.breakdown(staffOf(req).userId, query));
  });

  router.get('/stats/budget', guards.permission('stats.read'), async (req, res) => {
    res.json(await services.stats.budget(staffOf(req).userId));
  });

  router.get('/stats/export', guards.permission('stats.export'), async (req, res) => {
    const query = parseRequest(StatsExportQuerySchema, req.query, 'query');
    const file = await services.stats.export(staffOf(req).userId, query);
    res.setHeader('Content-Disposition', `attachment; filename="${file.fileName}"`);
    res.type(file.mediaType).send(file.bytes);
  });

  return router;
}

export const describeStatsRoutes: DescribeRoutes = (registry) => {
  const common = { tags: ['statistics'], security: [{ [STAFF_TOKEN_SCHEME]: [] }] };
  const refused = (permission: string) => ({
    401: problemResponse('Not signed in'),
    403: problemResponse(`The roles do not grant ${permission}`),
    422: problemResponse(
      'The privacy budget cannot pay for this epsilon, or the table would be too large',
    ),
  });

  registry.registerPath({
    method: 'get',
    path: '/api/v1/stats',
    summary: 'A breakdown by one or two dimensions under disclosure control (audited)',
    ...common,
    request: { query: StatsQuerySchema },
    responses: {
      200: {
        description: 'Counts and medians with margins; small cells and their complements withheld',
        content: { 'application/json': { schema: StatsTableSchema } },
      },
      400: problemResponse('Invalid dimensions, dates or filters'),
      ...refused('stats.read'),
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/v1/stats/budget',
    summary: "What is left of the auditor's differential-privacy budget this month",
    ...common,
    responses: {
      200: {
        description: 'The month, its budget, what was spent and what is left',
        content: { 'application/json': { schema: PrivacyBudgetSchema } },
      },
      401: problemResponse('Not signed in'),
      403: problemResponse('The roles do not grant stats.read'),
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/v1/stats/export',
    summary: 'A breakdown as a CSV or JSON file; its SHA-256 is kept in the audit log',
    ...common,
    request: { query: StatsExportQuerySchema },
    responses: {
      200: {
        description: 'The file, as an attachment',
        content: {
          'text/csv': { schema: { type: 'string' } },
          'application/json': { schema: StatsTableSchema },
        },
      },
      400: problemResponse('Invalid dimensions, dates, filters or format'),
      ...refused('stats.export'),
    },
  });
};
