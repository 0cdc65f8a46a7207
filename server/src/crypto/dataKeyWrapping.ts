import { createHmac } from 'node:crypto';
import { KEY_BYTES } from './aead';
import type { DataKey } from './dataKey';
import { SealedDataError } from './SealedDataError';
import { openValue, parseSealedValue, sealValue } from './sealedValue';

/**
 * Data keys are wrapped by a master key in the same sealed-value format as any small value, the
 * master key named by a fingerprint that reveals nothing about it. The AAD binds each wrapped
 * key to its own id, so a wrapped key copied onto another id does not open.
 */
export function masterKeyId(masterKey: Buffer): string {
  return createHmac('sha256', masterKey)
    .update('haven master key id')
    .digest()
    .subarray(0, 12)
    .toString('base64url');
}

export function wrapDataKey(masterKey: Buffer, dataKey: DataKey): string {
  return sealValue(
    { id: masterKeyId(masterKey), key: masterKey },
    dataKey.key,
    wrapAad(dataKey.id),
  );
}

/** The fingerprint of the master key that wrapped `wrapped`. */
export function wrappingMasterKeyId(wrapped: string): string {
  return parseSealedValue(wrapped).keyId;
}

/** Unwraps with whichever of `masterKeys` wrapped it. */
export function unwrapDataKey(masterKeys: Buffer[], keyId: string, wrapped: string): DataKey {
  const parsed = parseSealedValue(wrapped);
  const masterKey = masterKeys.find((candidate) => masterKeyId(candidate) === parsed.keyId);
  if (!masterKey) {
    throw new SealedDataError(
      'unknown_key',
      `Data key ${keyId} is wrapped by master key ${parsed.keyId}, which this server does not hold.`,
    );
  }
  const key = openValue({ id: parsed.keyId, key: masterKey }, parsed, wrapAad(keyId));
  if (key.length !== KEY_BYTES) {
    throw new SealedDataError('malformed', `Data key ${keyId} is not ${KEY_BYTES} bytes.`);
  }
  return { id: keyId, key };
}

function wrapAad(keyId: string): string {
  return `haven:data-key:${keyId}`;
}
