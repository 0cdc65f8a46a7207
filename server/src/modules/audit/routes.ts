import { Router, type Request } from 'express';
import {
  AuditListQuerySchema,
  AuditPageSchema,
  AuditPublicKeySchema,
  CheckpointSchema,
  VerifyResultSchema,
  type AuditEntryView,
} from '@haven/shared';
import type { z } from 'zod';
import { problemResponse, type DescribeRoutes } from '../../http/openapi';
import { parseRequest } from '../../http/validate';
import type { Services } from '../../services';
import type { AuditEntry } from '../../storage/types';
import { staffOf, type StaffGuards } from '../identity/guards';
import { STAFF_TOKEN_SCHEME } from '../identity/routes';

/**
 * The auditors' API, all under `audit.read`: read the log in pages, verify it, take signed
 * checkpoints and check kept ones. Reading, verifying and taking a checkpoint are audited.
 */
export function auditRoutes(
  services: Pick<Services, 'audit'>,
  guards: Pick<StaffGuards, 'permission'>,
): Router {
  const router = Router();
  const auditor = guards.permission('audit.read');
  const audit = services.audit;
  const actorId = (req: Request) => staffOf(req).userId;

  router.get('/audit', auditor, async (req, res) => {
    const query = parseRequest(AuditListQuerySchema, req.query, 'query');
    const page = await audit.page(actorId(req), query);
    res.json({ items: page.items.map(presentAuditEntry), nextAfterSeq: page.nextAfterSeq });
  });

  router.get('/audit/verify', auditor, async (req, res) => {
    res.json(await audit.verify(actorId(req)));
  });

  router.post('/audit/verify', auditor, async (req, res) => {
    const checkpoint = parseRequest(CheckpointSchema, req.body, 'checkpoint');
    res.json(await audit.verify(actorId(req), checkpoint));
  });

  router.get('/audit/checkpoint', auditor, async (req, res) => {
    const checkpoint = await audit.checkpoint(actorId(req));
    res.setHeader(
      'Content-Disposition',
      `attachment; filename="haven-audit-checkpoint-${checkpoint.entries}.json"`,
    );
    res.type('application/json').send(`${JSON.stringify(checkpoint, null, 2)}\n`);
  });

  router.get('/audit/public-key', auditor, (_req, res) => {
    res.json(audit.publicKey());
  });

  return router;
}

/** The fields of an entry that leave the server: all of them, as its hash covers them. */
export function presentAuditEntry(entry: AuditEntry): AuditEntryView {
  const view: AuditEntryView = {
    seq: entry.seq,
    id: entry.id,
    at: entry.at.toISOString(),
    action: entry.action,
    actorId: entry.actorId,
    prevHash: entry.prevHash,
    hash: entry.hash,
  };
  if (entry.subject) view.subject = { type: entry.subject.type, id: entry.subject.id };
  if (entry.details) view.details = entry.details;
  return view;
}

export const describeAuditRoutes: DescribeRoutes = (registry) => {
  const json = <T extends z.ZodType>(schema: T) => ({
    content: { 'application/json': { schema } },
  });
  const common = { tags: ['audit'], security: [{ [STAFF_TOKEN_SCHEME]: [] }] };
  const refusals = {
    401: problemResponse('Not signed in'),
    403: problemResponse('The roles do not grant audit.read'),
  };

  registry.registerPath({
    method: 'get',
    path: '/api/v1/audit',
    summary: 'A page of the audit log, in order (reading it is audited)',
    ...common,
    request: { query: AuditListQuerySchema },
    responses: {
      200: { description: 'The entries after `afterSeq`', ...json(AuditPageSchema) },
      400: problemResponse('Invalid paging'),
      ...refusals,
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/v1/audit/verify',
    summary: 'Verify the hash chain of the whole log',
    ...common,
    responses: {
      200: {
        description: 'The result; when `ok` is false, the first broken entry and why',
        ...json(VerifyResultSchema),
      },
      ...refusals,
    },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/v1/audit/verify',
    summary: 'Verify the log, and whether it still extends a kept checkpoint',
    ...common,
    request: { body: json(CheckpointSchema) },
    responses: {
      200: { description: 'The result, with `checkpoint.extends`', ...json(VerifyResultSchema) },
      400: problemResponse('Not a checkpoint'),
      ...refusals,
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/v1/audit/checkpoint',
    summary: 'A signed checkpoint of the log as it is now, as a file to keep',
    ...common,
    responses: {
      200: { description: 'The checkpoint, as an attachment', ...json(CheckpointSchema) },
      409: problemResponse('The log does not verify, so no checkpoint is signed over it'),
      ...refusals,
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/v1/audit/public-key',
    summary: 'The Ed25519 key that signs checkpoints',
    ...common,
    responses: {
      200: { description: 'The public key', ...json(AuditPublicKeySchema) },
      ...refusals,
    },
  });
};
