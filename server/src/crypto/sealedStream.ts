import { randomBytes } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { decrypt, encrypt, TAG_BYTES } from './aead';
import { ByteQueue } from './byteQueue';
import type { DataKey } from './dataKey';
import { SealedDataError } from './SealedDataError';

/**
 * Large data (attachments) sealed in chunks, after the STREAM construction (Hoang, Reyhanitabar,
 * Rogaway, Vizár, 2015), so both directions run in constant memory and nothing is released
 * before it is authenticated. One GCM over a whole file could not do that.
 *
 *   header  'HVS' · version 0x01 · key id length (1 byte) · key id · nonce prefix (8 bytes, random)
 *   chunks  AES-256-GCM(64 KiB of plaintext; the last one shorter, possibly empty) · 16-byte tag
 *   nonce   nonce prefix · chunk number (uint32, big-endian)
 *   AAD     header · last-chunk flag (0 or 1) · the caller's AAD
 *
 * The chunk number in the nonce catches dropped and reordered chunks; the last-chunk flag
 * catches truncation at a chunk boundary and bytes appended after the end; the header in every
 * AAD binds the key id and prefix.
 */
export const STREAM_CHUNK_BYTES = 64 * 1024;

const MAGIC = Buffer.from([0x48, 0x56, 0x53, 0x01]);
const PREFIX_BYTES = 8;
const FRAME_BYTES = STREAM_CHUNK_BYTES + TAG_BYTES;
const MAX_CHUNKS = 2 ** 32;

export function createSealStream(dataKey: DataKey, aad: string): Transform {
  const chunks = new ChunkSequence(dataKey, encodeHeader(dataKey.id), aad);
  const pending = new ByteQueue();
  const stream = new Transform({
    transform(piece: Buffer, _encoding, done: TransformCallback) {
      settle(done, () => {
        pending.push(piece);
        // One byte at least stays queued: only the end of the input tells which chunk is last.
        while (pending.length > STREAM_CHUNK_BYTES) {
          this.push(chunks.seal(pending.take(STREAM_CHUNK_BYTES), false));
        }
      });
    },
    flush(done: TransformCallback) {
      settle(done, () => this.push(chunks.seal(pending.takeAll(), true)));
    },
  });
  stream.push(chunks.header);
  return stream;
}

/** Opens what `createSealStream` wrote; `findKey` resolves the key id read from the header. */
export function createOpenStream(
  findKey: (keyId: string) => Promise<DataKey>,
  aad: string,
): Transform {
  const pending = new ByteQueue();
  let chunks: ChunkSequence | null = null;
  return new Transform({
    transform(piece: Buffer, _encoding, done: TransformCallback) {
      pending.push(piece);
      const openFullFrames = async () => {
        chunks ??= await readHeader(pending, findKey, aad);
        while (chunks && pending.length > FRAME_BYTES) {
          this.push(chunks.open(pending.take(FRAME_BYTES), false));
        }
      };
      openFullFrames().then(() => done(), done);
    },
    flush(done: TransformCallback) {
      settle(done, () => {
        if (!chunks || pending.length < TAG_BYTES) throw truncated();
        this.push(chunks.openLast(pending.takeAll()));
      });
    },
  });
}

class ChunkSequence {
  private next = 0;
  private readonly prefix: Buffer;
  private readonly aad: Buffer;

  constructor(
    private readonly dataKey: DataKey,
    readonly header: Buffer,
    aad: string,
  ) {
    this.prefix = header.subarray(header.length - PREFIX_BYTES);
    this.aad = Buffer.concat([header, Buffer.from([0]), Buffer.from(aad, 'utf8')]);
  }

  seal(plaintext: Buffer, last: boolean): Buffer {
    const frame = encrypt(this.dataKey.key, this.nonce(), plaintext, this.aadFor(last));
    this.next += 1;
    return frame;
  }

  open(frame: Buffer, last: boolean): Buffer {
    const plaintext = this.tryOpen(frame, last);
    if (!plaintext) throw notAuthentic();
    return plaintext;
  }

  /** The final frame; one that opens only as a middle chunk means the stream was cut short. */
  openLast(frame: Buffer): Buffer {
    const plaintext = this.tryOpen(frame, true);
    if (plaintext) return plaintext;
    throw this.tryOpen(frame, false) ? truncated() : notAuthentic();
  }

  private tryOpen(frame: Buffer, last: boolean): Buffer | null {
    const plaintext = decrypt(this.dataKey.key, this.nonce(), frame, this.aadFor(last));
    if (plaintext) this.next += 1;
    return plaintext;
  }

  private nonce(): Buffer {
    if (this.next >= MAX_CHUNKS) throw new RangeError('A sealed stream holds at most 2^32 chunks.');
    const nonce = Buffer.alloc(PREFIX_BYTES + 4);
    this.prefix.copy(nonce);
    nonce.writeUInt32BE(this.next, PREFIX_BYTES);
    return nonce;
  }

  /** The AAD buffer is reused; only its flag byte changes, and GCM reads it synchronously. */
  private aadFor(last: boolean): Buffer {
    this.aad[this.header.length] = last ? 1 : 0;
    return this.aad;
  }
}

function encodeHeader(keyId: string): Buffer {
  const id = Buffer.from(keyId, 'ascii');
  return Buffer.concat([MAGIC, Buffer.from([id.length]), id, randomBytes(PREFIX_BYTES)]);
}

/** The header once it has fully arrived, or `null` while more bytes are needed. */
async function readHeader(
  pending: ByteQueue,
  findKey: (keyId: string) => Promise<DataKey>,
  aad: string,
): Promise<ChunkSequence | null> {
  if (pending.length < MAGIC.length + 1) return null;
  const start = pending.peek(MAGIC.length + 1);
  if (!start.subarray(0, MAGIC.length).equals(MAGIC)) {
    throw new SealedDataError('malformed', 'This is not a sealed stream Haven can read.');
  }
  const headerLength = MAGIC.length + 1 + start[MAGIC.length]! + PREFIX_BYTES;
  if (pending.length < headerLength) return null;
  const header = pending.take(headerLength);
  const keyId = header.subarray(MAGIC.length + 1, headerLength - PREFIX_BYTES).toString('ascii');
  return new ChunkSequence(await findKey(keyId), header, aad);
}

function settle(done: TransformCallback, work: () => void): void {
  try {
    work();
    done();
  } catch (error) {
    done(error as Error);
  }
}

function notAuthentic(): SealedDataError {
  return new SealedDataError(
    'not_authentic',
    'The sealed stream does not authenticate: it was altered, or it belongs elsewhere.',
  );
}

function truncated(): SealedDataError {
  return new SealedDataError('truncated', 'The sealed stream ends early.');
}
