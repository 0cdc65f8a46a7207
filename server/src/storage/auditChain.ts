import { createHash, randomUUID } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { AuditDraft, AuditEntry } from './types';

/** The `prevHash` of the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/** A draft stamped with its identity and time when the change is made, before it has a place. */
export interface StampedAudit extends AuditDraft {
  id: string;
  at: Date;
}

export function stampAudit(draft: AuditDraft, at = new Date()): StampedAudit {
  // Through JSON once, so the entry is hashed exactly as every engine will store and read it
  // (no `undefined` members, no class instances).
  const stored = JSON.parse(JSON.stringify(draft)) as AuditDraft;
  return { ...stored, actorId: stored.actorId ?? null, id: randomUUID(), at };
}

/**
 * The hash that links an entry to the chain: SHA-256 over the previous hash and the canonical
 * (RFC 8785) JSON of everything else in the entry. Both engines and the verifier use this one
 * function, so they cannot disagree on what was signed.
 */
export function entryHash(entry: Omit<AuditEntry, 'hash'>): string {
  const content = canonicalize({
    seq: entry.seq,
    id: entry.id,
    at: entry.at.toISOString(),
    action: entry.action,
    actorId: entry.actorId,
    subject: entry.subject ?? null,
    details: entry.details ?? null,
  });
  return createHash('sha256').update(entry.prevHash).update('\n').update(content!).digest('hex');
}

/** Places a stamped draft after `previous` (or first, for `null`). */
export function chainEntry(
  previous: { seq: number; hash: string } | null,
  stamped: StampedAudit,
): AuditEntry {
  const unhashed = {
    ...stamped,
    seq: (previous?.seq ?? 0) + 1,
    prevHash: previous?.hash ?? GENESIS_HASH,
  };
  return { ...unhashed, hash: entryHash(unhashed) };
}
