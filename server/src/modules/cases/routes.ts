import { pipeline } from 'node:stream/promises';
import type { RouteConfig } from '@asteasolutions/zod-to-openapi';
import { Router, type Request, type Response } from 'express';
import {
  AssigneeListSchema,
  AssignRequestSchema,
  CaseDetailSchema,
  CasePatchRequestSchema,
  CaseQueuePageSchema,
  CaseQueueQuerySchema,
  CaseTextRequestSchema,
  EscalationRequestSchema,
  LinkRequestSchema,
  RevealedSchema,
  RevealRequestSchema,
  TransitionRequestSchema,
  type Permission,
} from '@haven/shared';
import { z } from 'zod';
import { problemResponse, type DescribeRoutes } from '../../http/openapi';
import { parseRequest } from '../../http/validate';
import type { Services } from '../../services';
import { staffOf, type StaffGuards } from '../identity/guards';
import { STAFF_TOKEN_SCHEME } from '../identity/routes';
import type { CaseFileDownload } from './CaseFiles';
import type { Actor } from './CaseService';

const IdSchema = z.string().min(1).max(100);
const CasePathSchema = z.object({ id: IdSchema });
const AttachmentPathSchema = z.object({ id: IdSchema, attachmentId: IdSchema });
const LinkPathSchema = z.object({ id: IdSchema, otherCaseId: IdSchema });
const VersionQuerySchema = z.object({ version: z.coerce.number().int().min(1) }).strict();

/** The triage console's API, under `/cases`: each route guarded by its permission. */
export function caseRoutes(
  services: Pick<Services, 'cases' | 'caseLinks' | 'caseFiles'>,
  guards: Pick<StaffGuards, 'permission'>,
): Router {
  const router = Router();
  const allow = (permission: Permission) => guards.permission(permission);
  const actor = (req: Request): Actor => {
    const { userId, roles } = staffOf(req);
    return { userId, roles };
  };
  const caseId = (req: Request) => parseRequest(CasePathSchema, req.params, 'path').id;
  const { cases, caseLinks, caseFiles } = services;

  router.get('/cases', allow('case.read'), async (req, res) => {
    const query = parseRequest(CaseQueueQuerySchema, req.query, 'query');
    res.json(await cases.queue(actor(req), query));
  });

  router.get('/cases/assignees', allow('case.read'), async (_req, res) => {
    res.json(await cases.assignees());
  });

  router.get('/cases/:id', allow('case.read'), async (req, res) => {
    res.json(await cases.open(actor(req), caseId(req)));
  });

  router.patch('/cases/:id', allow('case.classify'), async (req, res) => {
    const request = parseRequest(CasePatchRequestSchema, req.body, 'change');
    res.json(await cases.classify(actor(req), caseId(req), request));
  });

  // Which transitions a role may make depends on the case; the service checks each.
  router.post('/cases/:id/transitions', allow('case.read'), async (req, res) => {
    const request = parseRequest(TransitionRequestSchema, req.body, 'transition');
    res.json(await cases.transition(actor(req), caseId(req), request));
  });

  // Officers may take an unassigned case (`case.claim`); assigning others is checked inside.
  router.post('/cases/:id/assign', allow('case.claim'), async (req, res) => {
    const request = parseRequest(AssignRequestSchema, req.body, 'assignment');
    res.json(await cases.assign(actor(req), caseId(req), request));
  });

  router.post(
    '/cases/:id/escalation-request',
    allow('case.escalation.request'),
    async (req, res) => {
      const request = parseRequest(EscalationRequestSchema, req.body, 'request');
      res.json(await cases.requestEscalation(actor(req), caseId(req), request));
    },
  );

  router.post('/cases/:id/notes', allow('case.note'), async (req, res) => {
    const { text } = parseRequest(CaseTextRequestSchema, req.body, 'note');
    res.status(201).json(await cases.addNote(actor(req), caseId(req), text));
  });

  router.post('/cases/:id/messages', allow('case.message'), async (req, res) => {
    const { text } = parseRequest(CaseTextRequestSchema, req.body, 'message');
    res.status(201).json(await cases.sendMessage(actor(req), caseId(req), text));
  });

  router.post('/cases/:id/links', allow('case.link'), async (req, res) => {
    const request = parseRequest(LinkRequestSchema, req.body, 'link');
    res.json(await caseLinks.merge(actor(req), caseId(req), request));
  });

  router.delete('/cases/:id/links/:otherCaseId', allow('case.link'), async (req, res) => {
    const { id, otherCaseId } = parseRequest(LinkPathSchema, req.params, 'path');
    const { version } = parseRequest(VersionQuerySchema, req.query, 'query');
    res.json(await caseLinks.unmerge(actor(req), id, otherCaseId, version));
  });

  router.post('/cases/:id/reveal', allow('case.reveal'), async (req, res) => {
    const request = parseRequest(RevealRequestSchema, req.body, 'reveal');
    const revealed = await caseFiles.reveal(actor(req), caseId(req), request);
    if ('file' in revealed) await sendFile(res, revealed.file);
    else res.json(revealed.json);
  });

  router.get('/cases/:id/attachments/:attachmentId', allow('case.read'), async (req, res) => {
    const { id, attachmentId } = parseRequest(AttachmentPathSchema, req.params, 'path');
    await sendFile(res, await caseFiles.scrubbed(actor(req), id, attachmentId));
  });

  router.get(
    '/cases/:id/attachments/:attachmentId/thumbnail',
    allow('case.read'),
    async (req, res) => {
      const { id, attachmentId } = parseRequest(AttachmentPathSchema, req.params, 'path');
      res.type('image/jpeg').send(await caseFiles.thumbnail(actor(req), id, attachmentId));
    },
  );

  return router;
}

/** A download with the server's name for it; `nosniff` and `no-store` come from the app. */
async function sendFile(res: Response, file: CaseFileDownload): Promise<void> {
  res.type(file.mediaType);
  res.setHeader('Content-Disposition', `attachment; filename="${file.fileName}"`);
  await pipeline(file.stream, res);
}

export const describeCaseRoutes: DescribeRoutes = (registry) => {
  const json = <T extends z.ZodType>(schema: T) => ({
    content: { 'application/json': { schema } },
  });
  const common = { tags: ['cases'], security: [{ [STAFF_TOKEN_SCHEME]: [] }] };
  const refusals = {
    401: problemResponse('Not signed in'),
    403: problemResponse('The roles do not allow this on this case'),
    404: problemResponse('No such case (or not visible to you)'),
  };
  const change = {
    200: { description: 'The case after the change', ...json(CaseDetailSchema) },
    400: problemResponse('Invalid body'),
    409: problemResponse('Stale version: someone changed the case since; nothing was written'),
    422: problemResponse('Not possible in the case’s current state'),
    ...refusals,
  };
  const onCase = (
    method: 'get' | 'post' | 'patch' | 'delete',
    path: string,
    summary: string,
    extra: Pick<RouteConfig, 'request' | 'responses'>,
  ) =>
    registry.registerPath({
      method,
      path: `/api/v1/cases/{id}${path}`,
      summary,
      ...common,
      ...extra,
    });
  const params = CasePathSchema;

  registry.registerPath({
    method: 'get',
    path: '/api/v1/cases',
    summary: 'The triage queue: filters, sort, cursor paging, counts per status (audited)',
    ...common,
    request: { query: CaseQueueQuerySchema },
    responses: {
      200: { description: 'A page', ...json(CaseQueuePageSchema) },
      400: problemResponse('Invalid filter or cursor'),
      ...refusals,
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/v1/cases/assignees',
    summary: 'Active officers and supervisors, who can hold cases',
    ...common,
    responses: { 200: { description: 'Staff', ...json(AssigneeListSchema) }, ...refusals },
  });
  onCase('get', '', 'One case, redacted; opening it is audited and marks it read', {
    request: { params },
    responses: { 200: { description: 'The case', ...json(CaseDetailSchema) }, ...refusals },
  });
  onCase('patch', '', 'Classify: category, severity (sets the SLA due time), TLP, tags', {
    request: { params, body: json(CasePatchRequestSchema) },
    responses: change,
  });
  onCase('post', '/transitions', 'Move the case through the workflow', {
    request: { params, body: json(TransitionRequestSchema) },
    responses: change,
  });
  onCase('post', '/assign', 'Assign (supervisors) or take an unassigned case (officers)', {
    request: { params, body: json(AssignRequestSchema) },
    responses: change,
  });
  onCase('post', '/escalation-request', 'Ask a supervisor to decide on escalation (a flag)', {
    request: { params, body: json(EscalationRequestSchema) },
    responses: change,
  });
  onCase('post', '/notes', 'An internal note', {
    request: { params, body: json(CaseTextRequestSchema) },
    responses: { ...change, 201: change[200] },
  });
  onCase('post', '/messages', 'A message to the reporter (shown on their status page)', {
    request: { params, body: json(CaseTextRequestSchema) },
    responses: { ...change, 201: change[200] },
  });
  onCase('post', '/links', 'Merge duplicates: the newer case becomes a duplicate of the older', {
    request: { params, body: json(LinkRequestSchema) },
    responses: change,
  });
  onCase('delete', '/links/{otherCaseId}', 'Undo a merge', {
    request: { params: LinkPathSchema, query: VersionQuerySchema },
    responses: change,
  });
  onCase('post', '/reveal', 'The sealed original, with a reason (audited, rate-limited)', {
    request: { params, body: json(RevealRequestSchema) },
    responses: {
      200: {
        description: 'The original text or contact; an original attachment as a download',
        ...json(RevealedSchema),
      },
      429: problemResponse('Too many reveals; wait'),
      ...refusals,
    },
  });
  onCase('get', '/attachments/{attachmentId}', 'The scrubbed copy of an attachment', {
    request: { params: AttachmentPathSchema },
    responses: { 200: { description: 'The file, as a download' }, ...refusals },
  });
  onCase('get', '/attachments/{attachmentId}/thumbnail', 'A small JPEG of an image', {
    request: { params: AttachmentPathSchema },
    responses: { 200: { description: 'image/jpeg' }, ...refusals },
  });
};
