import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { link, mkdir, open, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import type { BlobStore } from './types';

/**
 * Blob ids are chosen by the server; this shape keeps them safe as file names. The GridFS store
 * checks the same shape, so both engines accept and refuse the same ids.
 */
export const BLOB_ID = /^[A-Za-z0-9_-]{8,128}$/;

/** Blobs as files under one directory, fanned out by the id's first two characters. */
export class FileBlobStore implements BlobStore {
  constructor(private readonly root: string) {}

  async put(id: string, source: Readable | Buffer): Promise<{ size: number }> {
    const target = this.pathOf(id);
    const directory = join(this.root, id.slice(0, 2));
    await mkdir(directory, { recursive: true, mode: 0o700 });
    const temporary = `${target}.${randomBytes(6).toString('hex')}.tmp`;
    let size = 0;
    try {
      const input = Buffer.isBuffer(source) ? Readable.from([source]) : source;
      const output = createWriteStream(temporary, { flags: 'wx', mode: 0o600, flush: true });
      await pipeline(
        input,
        async function* (chunks: AsyncIterable<Buffer>) {
          for await (const chunk of chunks) {
            size += chunk.length;
            yield chunk;
          }
        },
        output,
      );
      // link() refuses an existing target, atomically: no blob is ever overwritten.
      await link(temporary, target).catch((error: NodeJS.ErrnoException) => {
        throw error.code === 'EEXIST'
          ? new ConflictError(`Blob ${id} exists.`, 'duplicate')
          : error;
      });
      await syncDirectory(directory);
    } finally {
      await unlink(temporary).catch(() => undefined);
    }
    return { size };
  }

  async get(id: string): Promise<Readable> {
    const handle = await open(this.pathOf(id), 'r').catch((error: NodeJS.ErrnoException) => {
      throw error.code === 'ENOENT' ? new NotFoundError() : error;
    });
    return handle.createReadStream();
  }

  async delete(id: string): Promise<void> {
    await unlink(this.pathOf(id)).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
  }

  private pathOf(id: string): string {
    if (!BLOB_ID.test(id)) throw new ValidationError('Invalid blob id.');
    return join(this.root, id.slice(0, 2), id);
  }
}

async function syncDirectory(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
