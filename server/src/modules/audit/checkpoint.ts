import type { Checkpoint, CheckpointFailure } from '@haven/shared';
import canonicalize from 'canonicalize';
import type { SigningKey } from '../../crypto/signingKey';

/** What a checkpoint states, before it is signed. */
export interface CheckpointStatement {
  entries: number;
  head: string;
  /** ISO 8601 time of signing. */
  at: string;
}

/**
 * The bytes signed: the RFC 8785 JSON of `{v, entries, head, at}`, which anyone can rebuild
 * from the checkpoint file to check the signature with any Ed25519 tool.
 */
export function signedBytes(statement: CheckpointStatement & { v: 1 }): Buffer {
  return Buffer.from(
    canonicalize({
      v: statement.v,
      entries: statement.entries,
      head: statement.head,
      at: statement.at,
    })!,
  );
}

export function signCheckpoint(key: SigningKey, statement: CheckpointStatement): Checkpoint {
  const body = { v: 1 as const, ...statement };
  return { ...body, publicKey: key.publicKey, signature: key.sign(signedBytes(body)) };
}

/**
 * Whether this server signed the checkpoint, with its own key: the key the checkpoint names is
 * only a label, since anyone can sign with a key of their own.
 */
export function checkpointSignatureProblem(
  key: SigningKey,
  checkpoint: Checkpoint,
): CheckpointFailure | null {
  if (checkpoint.publicKey !== key.publicKey) return 'foreign_key';
  return key.verify(signedBytes(checkpoint), checkpoint.signature) ? null : 'bad_signature';
}
