import { z } from 'zod';

/** The largest page of the audit log one request returns. */
export const AUDIT_PAGE_MAX = 500;

const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 hash in lower-case hex');
const Base64Url = z.string().regex(/^[A-Za-z0-9_-]+$/, 'base64url without padding');

/**
 * One audit log entry as the API gives it: everything needed to recompute its hash offline.
 * Entries carry no personal data: ids, codes and counts only.
 */
export const AuditEntrySchema = z
  .object({
    seq: z.number().int().positive().describe('1-based position in the log.'),
    id: z.string(),
    at: z.iso.datetime(),
    action: z.string().describe('e.g. `case.created`, `auth.login`, `audit.verified`.'),
    actorId: z.string().nullable().describe('The staff user who acted; null for the system.'),
    subject: z.object({ type: z.string(), id: z.string() }).optional(),
    details: z.record(z.string(), z.unknown()).optional(),
    prevHash: Sha256Hex.describe('The previous entry’s hash (64 zeros for the first).'),
    hash: Sha256Hex.describe(
      'SHA-256 over prevHash, a newline and the RFC 8785 JSON of ' +
        '{seq, id, at, action, actorId, subject, details} (absent members as null).',
    ),
  })
  .meta({ id: 'AuditEntry' });

export const AuditListQuerySchema = z
  .object({
    afterSeq: z.coerce.number().int().min(0).default(0),
    limit: z.coerce.number().int().min(1).max(AUDIT_PAGE_MAX).default(100),
  })
  .strict();

export const AuditPageSchema = z
  .object({
    items: z.array(AuditEntrySchema),
    nextAfterSeq: z
      .number()
      .int()
      .nullable()
      .describe('Pass as `afterSeq` for the next page; null on the last page.'),
  })
  .meta({ id: 'AuditPage' });

/**
 * A signed statement of the log's length and head. The signature is Ed25519 over the RFC 8785
 * JSON of `{v, entries, head, at}`; `publicKey` names the key that made it (raw, base64url), but
 * a verifier trusts only the key it already holds.
 */
export const CheckpointSchema = z
  .object({
    v: z.literal(1),
    entries: z.number().int().min(0).describe('How many entries the log held.'),
    head: Sha256Hex.describe('The hash of entry `entries` (64 zeros for an empty log).'),
    at: z.iso.datetime(),
    publicKey: Base64Url.length(43),
    signature: Base64Url.length(86),
  })
  .strict()
  .meta({ id: 'AuditCheckpoint' });

/** Why the chain fails, at `firstBrokenSeq`. */
export const CHAIN_BREAKS = [
  /** The entry's content no longer gives its stored hash: it was edited. */
  'hash_mismatch',
  /** The entry does not name the previous entry's hash: one of the two was replaced. */
  'broken_link',
  /** The entry at this position is missing: deleted. */
  'gap',
  /** The entry that belongs at this position was found later in the log, or out of sequence. */
  'out_of_order',
  /** The entry could not be read at all (malformed in storage). */
  'unreadable',
] as const;
export type ChainBreak = (typeof CHAIN_BREAKS)[number];

/** Why the log does not extend a kept checkpoint. */
export const CHECKPOINT_FAILURES = [
  /** Signed by a key other than this server's. */
  'foreign_key',
  /** The signature does not verify: the checkpoint was altered. */
  'bad_signature',
  /** The log now holds fewer entries than the checkpoint counted. */
  'truncated',
  /** Entry `entries` or one before it is no longer what was signed. */
  'rewritten',
] as const;
export type CheckpointFailure = (typeof CHECKPOINT_FAILURES)[number];

export const VerifyResultSchema = z
  .object({
    ok: z
      .boolean()
      .describe('The whole chain verifies and, when a checkpoint was given, the log extends it.'),
    entries: z.number().int().min(0).describe('Entries read.'),
    head: Sha256Hex.describe('The stored hash of the last entry read (64 zeros for none).'),
    firstBrokenSeq: z.number().int().positive().optional(),
    reason: z.enum(CHAIN_BREAKS).optional(),
    checkpoint: z
      .object({
        entries: z.number().int().min(0),
        extends: z.boolean(),
        reason: z.enum(CHECKPOINT_FAILURES).optional(),
      })
      .optional(),
  })
  .meta({ id: 'AuditVerifyResult' });

export const AuditPublicKeySchema = z
  .object({
    algorithm: z.literal('Ed25519'),
    publicKey: Base64Url.describe('The raw 32-byte key, base64url: as in checkpoints.'),
    pem: z.string().describe('The same key as a PEM SubjectPublicKeyInfo, for OpenSSL.'),
  })
  .meta({ id: 'AuditPublicKey' });

export type AuditEntryView = z.infer<typeof AuditEntrySchema>;
export type AuditListQuery = z.infer<typeof AuditListQuerySchema>;
export type AuditPage = z.infer<typeof AuditPageSchema>;
export type Checkpoint = z.infer<typeof CheckpointSchema>;
export type VerifyResult = z.infer<typeof VerifyResultSchema>;
export type AuditPublicKey = z.infer<typeof AuditPublicKeySchema>;
