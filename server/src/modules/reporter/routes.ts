import { Router, type Request, type RequestHandler } from 'express';
import {
  ATTACHMENT_LIMITS,
  ReporterCaseViewSchema,
  ReporterMessageSchema,
  ReporterSessionRequestSchema,
  ReporterSessionSchema,
} from '@haven/shared';
import { z } from 'zod';
import { UnauthorizedError } from '../../errors';
import { declareAccess, publicAccess } from '../../http/access';
import { senderKey } from '../../http/clientAddress';
import { multipartUpload, uploadedFiles } from '../../http/multipart';
import { problemResponse, type DescribeRoutes } from '../../http/openapi';
import { parseRequest } from '../../http/validate';
import type { Services } from '../../services';
import { removeTempFiles } from '../attachments/tempFiles';

/** The case a reporter request acts on, set by `requireReporter`. */
function reporterCase(req: Request): string {
  return (req as Request & { reporterCaseId: string }).reporterCaseId;
}

/** `Authorization: Bearer <token>` from `POST /public/session`; nothing else opens a case. */
function requireReporter(services: Services): RequestHandler {
  return declareAccess({ kind: 'reporter' }, (req, _res, next) => {
    const token = /^Bearer (\S+)$/.exec(req.get('Authorization') ?? '')?.[1];
    if (!token) throw new UnauthorizedError('Open your report with your receipt first.');
    (req as Request & { reporterCaseId: string }).reporterCaseId =
      services.reporter.verifySession(token).caseId;
    next();
  });
}

/** The reporter's follow-up API: open the case by receipt, read it, write, add files. */
export function reporterRoutes(services: Services): Router {
  const router = Router();
  const reporterOnly = requireReporter(services);

  router.post('/public/session', publicAccess(), async (req, res) => {
    const { receipt } = parseRequest(ReporterSessionRequestSchema, req.body, 'request');
    await services.throttle.consume('receipt', senderKey(req, services.addressKeys));
    const session = await services.reporter.openSession(receipt);
    res.json({ token: session.token, expiresAt: session.expiresAt.toISOString() });
  });

  router.get('/public/case', reporterOnly, async (req, res) => {
    res.json(await services.reporter.view(reporterCase(req)));
  });

  router.post('/public/case/messages', reporterOnly, async (req, res) => {
    const { text } = parseRequest(ReporterMessageSchema, req.body, 'message');
    await services.throttle.consume('reporterWrite', reporterCase(req));
    await services.reporter.postMessage(reporterCase(req), text);
    res.status(201).json(await services.reporter.view(reporterCase(req)));
  });

  router.post('/public/case/attachments', reporterOnly, multipartUpload(0), async (req, res) => {
    const files = uploadedFiles(req);
    try {
      parseRequest(z.array(z.string()).min(1, 'choose at least one file'), files, 'form');
      await services.throttle.consume('reporterWrite', reporterCase(req));
      await services.reporter.addAttachments(reporterCase(req), files);
      res.status(201).json(await services.reporter.view(reporterCase(req)));
    } finally {
      await removeTempFiles(files);
    }
  });

  return router;
}

export const describeReporterRoutes: DescribeRoutes = (registry) => {
  const bearer = registry.registerComponent('securitySchemes', 'reporterToken', {
    type: 'http',
    scheme: 'bearer',
    description: 'The token from POST /api/v1/public/session',
  });
  const caseView = {
    content: { 'application/json': { schema: ReporterCaseViewSchema } },
  };
  registry.registerPath({
    method: 'post',
    path: '/api/v1/public/session',
    summary: 'Open a report with its receipt',
    tags: ['reporting'],
    request: {
      body: { content: { 'application/json': { schema: ReporterSessionRequestSchema } } },
    },
    responses: {
      200: {
        description: 'Session',
        content: { 'application/json': { schema: ReporterSessionSchema } },
      },
      401: problemResponse('The receipt does not open a report (same answer whatever the reason)'),
      429: problemResponse('Too many attempts; retry later'),
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/v1/public/case',
    summary: "The reporter's view of their case",
    tags: ['reporting'],
    security: [{ [bearer.name]: [] }],
    responses: {
      200: { description: 'The case', ...caseView },
      401: problemResponse('No session'),
    },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/v1/public/case/messages',
    summary: 'Write to the case officers',
    tags: ['reporting'],
    security: [{ [bearer.name]: [] }],
    request: { body: { content: { 'application/json': { schema: ReporterMessageSchema } } } },
    responses: {
      201: { description: 'Sent; the case as it is now', ...caseView },
      401: problemResponse('No session'),
      422: problemResponse('The message contains the receipt'),
    },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/v1/public/case/attachments',
    summary: 'Add files to the case',
    tags: ['reporting'],
    security: [{ [bearer.name]: [] }],
    request: {
      body: {
        content: {
          'multipart/form-data': {
            schema: z.object({
              files: z.array(z.string().meta({ format: 'binary' })).max(ATTACHMENT_LIMITS.maxFiles),
            }),
          },
        },
      },
    },
    responses: {
      201: { description: 'Added; the case as it is now', ...caseView },
      401: problemResponse('No session'),
      413: problemResponse('Too large or too many files'),
      415: problemResponse('A file type that is not accepted'),
    },
  });
};
