import mongoose from 'mongoose';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ConflictError, NotFoundError, ValidationError } from '../../errors';
import { BLOB_ID } from '../FileBlobStore';
import type { BlobStore } from '../types';
import { isDuplicateKey } from './writes';

type Db = mongoose.mongo.Db;
type ObjectId = mongoose.mongo.ObjectId;

/**
 * Blobs in GridFS, bucket `blobs`. The blob id is the file's `filename`, unique by index; the
 * file's `_id` is a fresh ObjectId per upload. An upload writes its chunks under its own `_id`
 * and the file document last, so two uploads of one id never mix chunks: the second file
 * document is refused by the unique index (its chunks are then removed), and readers, who look
 * up the file document, never see a blob before it is complete.
 */
export class GridFsBlobStore implements BlobStore {
  private readonly bucket: mongoose.mongo.GridFSBucket;

  constructor(private readonly db: Db) {
    this.bucket = new mongoose.mongo.GridFSBucket(db, { bucketName: BUCKET });
  }

  /** The indexes GridFS needs, with the file name unique: the id's one guard against a race. */
  async createIndexes(): Promise<void> {
    await this.files.createIndex({ filename: 1 }, { unique: true });
    await this.chunks.createIndex({ files_id: 1, n: 1 }, { unique: true });
  }

  async put(id: string, source: Readable | Buffer): Promise<{ size: number }> {
    checkId(id);
    // Fails fast in the common case; the unique index decides a race.
    if (await this.find(id)) throw exists(id);
    const upload = this.bucket.openUploadStream(id);
    let size = 0;
    try {
      await pipeline(
        Buffer.isBuffer(source) ? Readable.from([source]) : source,
        async function* (chunks: AsyncIterable<Buffer>) {
          for await (const chunk of chunks) {
            size += chunk.length;
            yield chunk;
          }
        },
        upload,
      );
    } catch (error) {
      await this.chunks.deleteMany({ files_id: upload.id });
      throw isDuplicateKey(error) ? exists(id) : error;
    }
    return { size };
  }

  async get(id: string): Promise<Readable> {
    checkId(id);
    const file = await this.find(id);
    if (!file) throw new NotFoundError();
    return this.bucket.openDownloadStream(file._id);
  }

  async delete(id: string): Promise<void> {
    checkId(id);
    const file = await this.find(id);
    if (!file) return;
    // The file document first, so that readers stop finding the blob before its chunks go.
    await this.files.deleteOne({ _id: file._id });
    await this.chunks.deleteMany({ files_id: file._id });
  }

  private find(id: string) {
    return this.files.findOne<{ _id: ObjectId }>({ filename: id }, { projection: { _id: 1 } });
  }

  private get files() {
    return this.db.collection(`${BUCKET}.files`);
  }

  private get chunks() {
    return this.db.collection(`${BUCKET}.chunks`);
  }
}

const BUCKET = 'blobs';

function checkId(id: string): void {
  if (!BLOB_ID.test(id)) throw new ValidationError('Invalid blob id.');
}

function exists(id: string): ConflictError {
  return new ConflictError(`Blob ${id} exists.`, 'duplicate');
}
