import { createPublicKey, randomBytes, verify } from 'node:crypto';
import { enginesUnderTest, type TestDatabase } from '../../../test/support/engines';
import type { Storage } from '../storage/types';
import { KeyRing } from './KeyRing';
import { loadSigningKey } from './signingKey';

describe.each(enginesUnderTest())('the checkpoint signing key on the $name engine', (engine) => {
  let database: TestDatabase;
  let storage: Storage;
  const masterKey = randomBytes(32);

  beforeEach(async () => {
    database = await engine.fresh();
    storage = await database.open();
  });
  afterEach(() => database.dispose());

  const signingActions = async () =>
    (await storage.audit.list({ limit: 100 })).filter(
      (entry) => entry.action === 'crypto.signing_key_created',
    );

  it('when first loaded, then a key is created once, stored sealed, and its creation audited with the public key', async () => {
    const ring = await KeyRing.open(storage, { masterKey });
    const key = await loadSigningKey(storage.settings, ring);
    const again = await loadSigningKey(storage.settings, ring);

    expect(again.publicKey).toBe(key.publicKey);
    expect(key.publicKey).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const stored = await storage.settings.get('crypto.signingKey.auditCheckpoint');
    expect(stored).toMatch(/^hv1\./);
    expect(await signingActions()).toEqual([
      expect.objectContaining({
        actorId: null,
        details: { purpose: 'auditCheckpoint', publicKey: key.publicKey },
      }),
    ]);
  });

  it('when two instances start together, then they share one key', async () => {
    const other = await database.open();
    const ring = await KeyRing.open(storage, { masterKey });
    const [mine, theirs] = await Promise.all([
      loadSigningKey(storage.settings, ring),
      loadSigningKey(other.settings, await KeyRing.open(other, { masterKey })),
    ]);
    expect(theirs.publicKey).toBe(mine.publicKey);
    expect(await signingActions()).toHaveLength(1);
  });

  it('when it signs, then the signature verifies under its PEM key with any Ed25519 tool, and only for that data', async () => {
    const key = await loadSigningKey(storage.settings, await KeyRing.open(storage, { masterKey }));
    const signature = key.sign('{"entries":3}');
    const pem = createPublicKey(key.publicKeyPem);
    expect(
      verify(null, Buffer.from('{"entries":3}'), pem, Buffer.from(signature, 'base64url')),
    ).toBe(true);
    expect(key.verify('{"entries":3}', signature)).toBe(true);
    expect(key.verify('{"entries":4}', signature)).toBe(false);
    expect(key.verify('{"entries":3}', 'AAAA')).toBe(false);
  });
});
