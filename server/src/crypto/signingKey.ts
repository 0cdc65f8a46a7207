import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';
import type { SettingsStore } from '../storage/types';
import type { KeyRing } from './KeyRing';

const SETTINGS_KEY = 'crypto.signingKey.auditCheckpoint';
const AAD = 'signingKey:auditCheckpoint';

/**
 * The server's Ed25519 key for signing audit checkpoints. The private key never leaves this
 * object; the public key is given out raw (32 bytes, base64url) and as PEM.
 */
export class SigningKey {
  /** The raw public key, base64url: what checkpoints carry and auditors keep. */
  readonly publicKey: string;
  readonly publicKeyPem: string;
  private readonly publicKeyObject: KeyObject;

  constructor(private readonly privateKey: KeyObject) {
    this.publicKeyObject = createPublicKey(privateKey);
    this.publicKey = rawPublicKey(this.publicKeyObject);
    this.publicKeyPem = this.publicKeyObject.export({ type: 'spki', format: 'pem' }).toString();
  }

  /** Ed25519 signature of `data`, base64url. */
  sign(data: Buffer | string): string {
    return sign(null, Buffer.from(data), this.privateKey).toString('base64url');
  }

  /** Whether `signature` (base64url) is this key's signature of `data`. */
  verify(data: Buffer | string, signature: string): boolean {
    return verifyEd25519(this.publicKeyObject, data, signature);
  }
}

function verifyEd25519(key: KeyObject, data: Buffer | string, signature: string): boolean {
  const bytes = Buffer.from(signature, 'base64url');
  if (bytes.length !== 64) return false;
  return verify(null, Buffer.from(data), key, bytes);
}

function rawPublicKey(key: KeyObject): string {
  return (key.export({ format: 'jwk' }) as { x: string }).x;
}

/**
 * Loads the checkpoint signing key, creating it on first start. Like the secrets
 * (`secrets.ts`), the private key is stored sealed under the key ring, so master-key rotation
 * keeps it, and it is created insert-if-absent, so instances starting together share one key.
 * The public key is derived from the private one, never stored beside it: whoever can edit the
 * database but lacks the master key cannot substitute a key of their own.
 */
export async function loadSigningKey(
  settings: SettingsStore,
  keyRing: KeyRing,
): Promise<SigningKey> {
  const { privateKey } = generateKeyPairSync('ed25519');
  const pkcs8 = privateKey.export({ type: 'pkcs8', format: 'der' });
  await settings.putIfAbsent(SETTINGS_KEY, keyRing.seal(pkcs8, AAD), {
    action: 'crypto.signing_key_created',
    actorId: null,
    details: { purpose: 'auditCheckpoint', publicKey: rawPublicKey(createPublicKey(privateKey)) },
  });
  const sealed = await settings.get(SETTINGS_KEY);
  const stored = await keyRing.open(String(sealed), AAD);
  return new SigningKey(createPrivateKey({ key: stored, format: 'der', type: 'pkcs8' }));
}
