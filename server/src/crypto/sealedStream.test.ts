import { createHash, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { pipeline } from 'node:stream/promises';
import type { DataKey } from './dataKey';
import { SealedDataError } from './SealedDataError';
import { createOpenStream, createSealStream, STREAM_CHUNK_BYTES } from './sealedStream';

const CHUNK = STREAM_CHUNK_BYTES;
const FRAME = CHUNK + 16;
const key: DataKey = { id: 'test-key-1', key: randomBytes(32) };
const HEADER = 4 + 1 + key.id.length + 8;
const findKey = async (id: string) => {
  if (id !== key.id) throw new SealedDataError('unknown_key', `There is no data key ${id}.`);
  return key;
};

async function seal(plaintext: Buffer, aad = 'attachment:1:original'): Promise<Buffer> {
  return buffer(Readable.from(pieces(plaintext)).pipe(createSealStream(key, aad)));
}

async function open(sealed: Buffer, aad = 'attachment:1:original'): Promise<Buffer> {
  const chunks: Buffer[] = [];
  await pipeline(Readable.from(pieces(sealed)), createOpenStream(findKey, aad), async (source) => {
    for await (const chunk of source) chunks.push(chunk as Buffer);
  });
  return Buffer.concat(chunks);
}

/** Uneven pieces, so no piece boundary lines up with a chunk boundary by luck. */
function* pieces(bytes: Buffer): Generator<Buffer> {
  for (
    let offset = 0, size = 1;
    offset < bytes.length;
    offset += size, size = ((size * 7) % 40_000) + 1
  ) {
    yield bytes.subarray(offset, offset + size);
  }
}

describe('sealed streams', () => {
  it.each([
    ['empty', 0],
    ['1 byte', 1],
    ['exactly one chunk', CHUNK],
    ['one chunk and one byte', CHUNK + 1],
    ['many chunks', 5 * CHUNK + 123],
    ['10 MB', 10 * 1024 * 1024],
  ])('when %s is sealed, then it opens to the same bytes', async (_name, size) => {
    const plaintext = randomBytes(size);
    const sealed = await seal(plaintext);

    expect(sealed.length).toBe(HEADER + size + 16 * Math.max(1, Math.ceil(size / CHUNK)));
    const opened = await open(sealed);
    expect(sha256(opened)).toBe(sha256(plaintext));
  });

  it('when sealed, then no 16-byte run of the plaintext shows in the output', async () => {
    const plaintext = Buffer.from('GPS 48.8584 N 2.2945 E '.repeat(5000));
    const sealed = await seal(plaintext);
    expect(sealed.includes(plaintext.subarray(0, 16))).toBe(false);
  });

  it('when any one bit is flipped, then opening fails', async () => {
    const sealed = await seal(randomBytes(2 * CHUNK + 10));
    const positions = [0, 4, 5, HEADER - 1, HEADER, HEADER + CHUNK, HEADER + FRAME - 1];
    positions.push(HEADER + FRAME + 7, HEADER + 2 * FRAME, sealed.length - 1);
    for (const position of positions) {
      const altered = Buffer.from(sealed);
      altered[position]! ^= 0x01;
      await expect(open(altered)).rejects.toBeInstanceOf(SealedDataError);
    }
  });

  it('when cut at a chunk boundary, then opening fails as truncated', async () => {
    const sealed = await seal(randomBytes(3 * CHUNK + 10));
    await expect(open(sealed.subarray(0, HEADER + 2 * FRAME))).rejects.toMatchObject({
      reason: 'truncated',
    });
    await expect(open(sealed.subarray(0, HEADER))).rejects.toMatchObject({ reason: 'truncated' });
    await expect(open(sealed.subarray(0, 3))).rejects.toMatchObject({ reason: 'truncated' });
  });

  it('when a chunk is dropped, then opening fails', async () => {
    const sealed = await seal(randomBytes(3 * CHUNK + 10));
    const withoutSecond = Buffer.concat([
      sealed.subarray(0, HEADER + FRAME),
      sealed.subarray(HEADER + 2 * FRAME),
    ]);
    await expect(open(withoutSecond)).rejects.toBeInstanceOf(SealedDataError);
  });

  it('when two chunks are swapped, then opening fails', async () => {
    const sealed = await seal(randomBytes(3 * CHUNK + 10));
    const frame = (index: number) =>
      sealed.subarray(HEADER + index * FRAME, HEADER + (index + 1) * FRAME);
    const swapped = Buffer.concat([
      sealed.subarray(0, HEADER),
      frame(1),
      frame(0),
      sealed.subarray(HEADER + 2 * FRAME),
    ]);
    await expect(open(swapped)).rejects.toBeInstanceOf(SealedDataError);
  });

  it('when bytes are appended after the last chunk, then opening fails', async () => {
    const sealed = await seal(randomBytes(CHUNK + 10));
    const again = await seal(randomBytes(100));
    await expect(open(Buffer.concat([sealed, again.subarray(HEADER)]))).rejects.toBeInstanceOf(
      SealedDataError,
    );
  });

  it('when opened for another place, then opening fails', async () => {
    const sealed = await seal(randomBytes(100), 'attachment:1:original');
    await expect(open(sealed, 'attachment:1:scrubbed')).rejects.toMatchObject({
      reason: 'not_authentic',
    });
  });

  it('when the header names an unknown key or is not a sealed stream, then opening fails', async () => {
    const foreign = await buffer(
      Readable.from([Buffer.from('x')]).pipe(
        createSealStream({ id: 'other-key', key: key.key }, 'a'),
      ),
    );
    await expect(open(foreign, 'a')).rejects.toMatchObject({ reason: 'unknown_key' });
    await expect(open(Buffer.from('%PDF-1.7 not sealed at all'))).rejects.toMatchObject({
      reason: 'malformed',
    });
  });

  it('when a stream fails to open, then no plaintext of the bad chunk is released', async () => {
    const plaintext = randomBytes(2 * CHUNK + 10);
    const sealed = await seal(plaintext);
    sealed[HEADER + FRAME + 5]! ^= 0x01;
    const released: Buffer[] = [];
    await expect(
      pipeline(
        Readable.from([sealed]),
        createOpenStream(findKey, 'attachment:1:original'),
        async (source) => {
          for await (const chunk of source) released.push(chunk as Buffer);
        },
      ),
    ).rejects.toBeInstanceOf(SealedDataError);
    const opened = Buffer.concat(released);
    expect(opened.length).toBeLessThanOrEqual(CHUNK);
    expect(opened).toEqual(plaintext.subarray(0, opened.length));
  });
});

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}
