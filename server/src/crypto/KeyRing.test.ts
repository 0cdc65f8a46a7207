import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { enginesUnderTest, type TestDatabase } from '../../../test/support/engines';
import type { Storage } from '../storage/types';
import { ACTIVE_DATA_KEY_SETTING } from './dataKeyRecords';
import { KeyRing } from './KeyRing';
import { SealedDataError } from './SealedDataError';

describe.each(enginesUnderTest())('the key ring on the $name engine', (engine) => {
  let database: TestDatabase;
  let storage: Storage;
  const masterKey = randomBytes(32);

  beforeEach(async () => {
    database = await engine.fresh();
    storage = await database.open();
  });
  afterEach(() => database.dispose());

  const sealStream = async (ring: KeyRing, bytes: Buffer, aad: string) =>
    buffer(Readable.from([bytes]).pipe(ring.sealStream(aad)));
  const openStream = async (ring: KeyRing, sealed: Buffer, aad: string) =>
    buffer(Readable.from([sealed]).pipe(ring.openStream(aad)));

  it('when the database is new, then a first data key is created, stored only wrapped, and audited', async () => {
    const ring = await KeyRing.open(storage, { masterKey });

    const record = await storage.settings.get(`crypto.dataKey.${ring.activeKeyId}`);
    expect(record).toMatchObject({
      id: ring.activeKeyId,
      wrapped: expect.stringMatching(/^hv1\./),
    });
    expect(await storage.settings.get(ACTIVE_DATA_KEY_SETTING)).toEqual({ id: ring.activeKeyId });
    expect((await storage.audit.list({ limit: 10 })).map((entry) => entry.action)).toEqual([
      'crypto.data_key_created',
      'crypto.data_key_activated',
    ]);
  });

  it('when the server restarts, then the same key is active and earlier values open', async () => {
    const first = await KeyRing.open(storage, { masterKey });
    const sealed = first.seal('what happened', 'case:1:narrative');

    const second = await KeyRing.open(await database.open(), { masterKey });
    expect(second.activeKeyId).toBe(first.activeKeyId);
    expect((await second.open(sealed, 'case:1:narrative')).toString()).toBe('what happened');
  });

  it('when the data key is rotated, then earlier data still opens and new data uses the new key', async () => {
    const ring = await KeyRing.open(storage, { masterKey });
    const before = ring.seal('before', 'case:1:narrative');
    const streamBefore = await sealStream(
      ring,
      Buffer.from('file before'),
      'attachment:1:original',
    );
    const oldKeyId = ring.activeKeyId;

    const newKeyId = await ring.rotateDataKey('admin-1');
    const after = ring.seal('after', 'case:2:narrative');

    expect(newKeyId).not.toBe(oldKeyId);
    expect(before.split('.')[1]).toBe(oldKeyId);
    expect(after.split('.')[1]).toBe(newKeyId);
    expect((await ring.open(before, 'case:1:narrative')).toString()).toBe('before');
    expect((await ring.open(after, 'case:2:narrative')).toString()).toBe('after');
    expect((await openStream(ring, streamBefore, 'attachment:1:original')).toString()).toBe(
      'file before',
    );
  });

  it('when another instance rotates, then this one opens its data and follows on refresh', async () => {
    const one = await KeyRing.open(storage, { masterKey });
    const two = await KeyRing.open(await database.open(), { masterKey });

    await one.rotateDataKey();
    const sealed = one.seal('sealed by one', 'case:1:narrative');
    const file = await sealStream(one, Buffer.from('file by one'), 'attachment:1:original');

    expect((await two.open(sealed, 'case:1:narrative')).toString()).toBe('sealed by one');
    expect((await openStream(two, file, 'attachment:1:original')).toString()).toBe('file by one');
    expect(two.activeKeyId).not.toBe(one.activeKeyId);
    await two.refresh();
    expect(two.activeKeyId).toBe(one.activeKeyId);
  });

  it('when two instances start together on a new database, then each opens what the other seals', async () => {
    const [one, two] = await Promise.all([
      KeyRing.open(storage, { masterKey }),
      KeyRing.open(await database.open(), { masterKey }),
    ]);
    const fromOne = one.seal('one', 'aad');
    const fromTwo = two.seal('two', 'aad');
    expect((await two.open(fromOne, 'aad')).toString()).toBe('one');
    expect((await one.open(fromTwo, 'aad')).toString()).toBe('two');
  });

  it('when the server starts with another master key, then it refuses with a clear reason', async () => {
    await KeyRing.open(storage, { masterKey });
    await expect(
      KeyRing.open(await database.open(), { masterKey: randomBytes(32) }),
    ).rejects.toThrow(/wrapped by master key .*which this server does not hold/);
  });

  it('when a sealed value names a key that does not exist, then opening fails as unknown key', async () => {
    const ring = await KeyRing.open(storage, { masterKey });
    const sealed = ring.seal('secret', 'aad').replace(ring.activeKeyId, 'no-such-key');
    await expect(ring.open(sealed, 'aad')).rejects.toMatchObject({ reason: 'unknown_key' });
    await expect(ring.open(sealed, 'aad')).rejects.toBeInstanceOf(SealedDataError);
  });

  it('when data keys are re-wrapped under a new master key, then old data opens with the new one only', async () => {
    const newMasterKey = randomBytes(32);
    const one = await KeyRing.open(storage, { masterKey });
    const two = await KeyRing.open(await database.open(), { masterKey });
    const first = one.seal('under the first key', 'aad');
    await two.rotateDataKey(); // a key `one` has never seen
    const second = two.seal('under the second key', 'aad');

    expect(await one.rewrapDataKeys(newMasterKey, 'admin-1')).toEqual({ keys: 2, rewrapped: 2 });
    expect(await one.rewrapDataKeys(newMasterKey, 'admin-1')).toEqual({ keys: 2, rewrapped: 0 });

    const restarted = await KeyRing.open(await database.open(), { masterKey: newMasterKey });
    expect((await restarted.open(first, 'aad')).toString()).toBe('under the first key');
    expect((await restarted.open(second, 'aad')).toString()).toBe('under the second key');
    await expect(KeyRing.open(await database.open(), { masterKey })).rejects.toMatchObject({
      reason: 'unknown_key',
    });
  });

  it('when an instance holds both master keys during re-wrapping, then keys on either side open', async () => {
    const newMasterKey = randomBytes(32);
    const old = await KeyRing.open(storage, { masterKey });
    const underOld = old.seal('old', 'aad');
    const both = await KeyRing.open(await database.open(), {
      masterKey: newMasterKey,
      previousMasterKeys: [masterKey],
    });
    await both.rotateDataKey(); // wrapped under the new master key
    const underNew = both.seal('new', 'aad');

    const fresh = await KeyRing.open(await database.open(), {
      masterKey: newMasterKey,
      previousMasterKeys: [masterKey],
    });
    expect((await fresh.open(underOld, 'aad')).toString()).toBe('old');
    expect((await fresh.open(underNew, 'aad')).toString()).toBe('new');
    expect(await fresh.rewrapDataKeys(newMasterKey)).toEqual({ keys: 2, rewrapped: 1 });
  });
});
