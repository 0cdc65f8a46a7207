import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { ConflictError, NotFoundError } from '../../server/src/errors';
import { enginesUnderTest, freshDatabaseEachTest } from '../support/engines';

describe.each(enginesUnderTest())('blobs on the $name engine', (engine) => {
  const db = freshDatabaseEachTest(engine);

  it('when bytes are written from a buffer or a stream, then they read back exactly', async () => {
    const small = randomBytes(100);
    const large = randomBytes(3 * 1024 * 1024 + 17);

    expect(await db.storage.blobs.put('blob-small-1', small)).toEqual({ size: small.length });
    expect(
      await db.storage.blobs.put(
        'blob-large-1',
        Readable.from([large.subarray(0, 1000), large.subarray(1000)]),
      ),
    ).toEqual({
      size: large.length,
    });

    // Buffer.equals: jest's deep equality takes seconds on megabytes.
    expect((await buffer(await db.storage.blobs.get('blob-small-1'))).equals(small)).toBe(true);
    expect((await buffer(await db.storage.blobs.get('blob-large-1'))).equals(large)).toBe(true);
  });

  it('when an id exists, then a second write is refused and the first bytes stay', async () => {
    await db.storage.blobs.put('blob-taken-1', Buffer.from('first'));
    await expect(
      db.storage.blobs.put('blob-taken-1', Buffer.from('second')),
    ).rejects.toBeInstanceOf(ConflictError);
    expect((await buffer(await db.storage.blobs.get('blob-taken-1'))).toString()).toBe('first');
  });

  it('when a blob is deleted, then reading it is refused and deleting again is harmless', async () => {
    await db.storage.blobs.put('blob-gone-1', Buffer.from('bytes'));
    await db.storage.blobs.delete('blob-gone-1');
    await expect(db.storage.blobs.get('blob-gone-1')).rejects.toBeInstanceOf(NotFoundError);
    await expect(db.storage.blobs.delete('blob-gone-1')).resolves.toBeUndefined();
  });

  it('when an id could escape its directory, then it is refused', async () => {
    await expect(db.storage.blobs.put('../../etc/passwd', Buffer.from('x'))).rejects.toMatchObject({
      status: 400,
    });
  });
});
