import type { AuditPublicKey, Checkpoint, VerifyResult } from '@haven/shared';
import type { SigningKey } from '../../crypto/signingKey';
import { ConflictError } from '../../errors';
import type { AuditEntry, AuditStore, JsonObject } from '../../storage/types';
import { checkpointSignatureProblem, signCheckpoint } from './checkpoint';
import { auditEntries, checkpointExtension, verifyChain, VERIFY_PAGE_SIZE } from './verifyChain';

export interface AuditServiceOptions {
  store: AuditStore;
  signingKey: SigningKey;
  /** Entries read per page while verifying. */
  pageSize?: number;
  now?: () => Date;
}

/**
 * Reading, verifying and vouching for the audit log. Each of these is itself audited; the entry
 * is appended after the work, so a result (or a checkpoint) covers the log as it was before it.
 * `actorId` is the staff user asking, or `null` for an operator at the command line.
 */
export class AuditService {
  private readonly store: AuditStore;
  private readonly signingKey: SigningKey;
  private readonly pageSize: number;
  private readonly now: () => Date;

  constructor(options: AuditServiceOptions) {
    this.store = options.store;
    this.signingKey = options.signingKey;
    this.pageSize = options.pageSize ?? VERIFY_PAGE_SIZE;
    this.now = options.now ?? (() => new Date());
  }

  /** A page of the log after `afterSeq`; `nextAfterSeq` is `null` on the last page. */
  async page(
    actorId: string | null,
    query: { afterSeq: number; limit: number },
  ): Promise<{ items: AuditEntry[]; nextAfterSeq: number | null }> {
    const items = await this.store.list(query);
    await this.store.append({
      action: 'audit.read',
      actorId,
      details: { afterSeq: query.afterSeq, count: items.length },
    });
    const last = items.at(-1);
    return { items, nextAfterSeq: last && items.length === query.limit ? last.seq : null };
  }

  /** Verifies the whole chain and, given a kept checkpoint, whether the log still extends it. */
  async verify(actorId: string | null, checkpoint?: Checkpoint): Promise<VerifyResult> {
    const report = await verifyChain(
      auditEntries(this.store, this.pageSize),
      checkpoint ? { through: checkpoint.entries } : {},
    );
    const result: VerifyResult = {
      ok: report.firstBrokenSeq === undefined,
      entries: report.entries,
      head: report.head,
    };
    if (report.firstBrokenSeq !== undefined) {
      result.firstBrokenSeq = report.firstBrokenSeq;
      result.reason = report.reason!;
    }
    if (checkpoint) {
      const problem = checkpointSignatureProblem(this.signingKey, checkpoint);
      const extension = problem
        ? { extends: false, reason: problem }
        : checkpointExtension(report, checkpoint);
      result.checkpoint = { entries: checkpoint.entries, ...extension };
      result.ok &&= extension.extends;
    }
    await this.store.append({
      action: 'audit.verified',
      actorId,
      details: verifiedDetails(result),
    });
    return result;
  }

  /**
   * A signed checkpoint of the log as it is now. The chain is verified first: the server does not
   * vouch for a log it cannot verify (`ConflictError`, code `audit_log_broken`).
   */
  async checkpoint(actorId: string | null): Promise<Checkpoint> {
    const report = await verifyChain(auditEntries(this.store, this.pageSize));
    if (report.firstBrokenSeq !== undefined) {
      throw new ConflictError(
        `The audit log does not verify (entry ${report.firstBrokenSeq}: ${report.reason}), so no checkpoint is signed over it.`,
        'audit_log_broken',
      );
    }
    const checkpoint = signCheckpoint(this.signingKey, {
      entries: report.entries,
      head: report.head,
      at: this.now().toISOString(),
    });
    await this.store.append({
      action: 'audit.checkpoint_issued',
      actorId,
      details: { entries: checkpoint.entries, head: checkpoint.head },
    });
    return checkpoint;
  }

  publicKey(): AuditPublicKey {
    return {
      algorithm: 'Ed25519',
      publicKey: this.signingKey.publicKey,
      pem: this.signingKey.publicKeyPem,
    };
  }
}

function verifiedDetails(result: VerifyResult): JsonObject {
  const details: JsonObject = { ok: result.ok, entries: result.entries };
  if (result.firstBrokenSeq !== undefined) details.firstBrokenSeq = result.firstBrokenSeq;
  if (result.reason) details.reason = result.reason;
  if (result.checkpoint) {
    details.checkpointEntries = result.checkpoint.entries;
    details.checkpointExtends = result.checkpoint.extends;
    if (result.checkpoint.reason) details.checkpointReason = result.checkpoint.reason;
  }
  return details;
}
