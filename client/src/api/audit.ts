import {
  AuditPageSchema,
  CheckpointSchema,
  VerifyResultSchema,
  type AuditPage,
  type Checkpoint,
  type VerifyResult,
} from '@haven/shared';
import { apiRequest } from './client';

/** The auditors' endpoints (`/api/v1/audit…`). Each read, check and checkpoint is itself audited. */

/** The entries after `afterSeq`, oldest first. */
export function listAuditEntries(afterSeq = 0): Promise<AuditPage> {
  const query = new URLSearchParams({ afterSeq: String(afterSeq), limit: '100' });
  return apiRequest('GET', `/audit?${query.toString()}`, { schema: AuditPageSchema });
}

/** Recomputes the whole hash chain on the server. */
export function verifyAuditLog(): Promise<VerifyResult> {
  return apiRequest('GET', '/audit/verify', { schema: VerifyResultSchema });
}

/** As `verifyAuditLog`, and whether the log still extends a checkpoint kept from earlier. */
export function verifyAuditLogAgainst(checkpoint: Checkpoint): Promise<VerifyResult> {
  return apiRequest('POST', '/audit/verify', { body: checkpoint, schema: VerifyResultSchema });
}

/** A checkpoint of the log as it is now, signed by the server; refused (409) over a broken log. */
export function fetchCheckpoint(): Promise<Checkpoint> {
  return apiRequest('GET', '/audit/checkpoint', { schema: CheckpointSchema });
}
