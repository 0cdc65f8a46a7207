import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { ATTACHMENT_LIMITS } from '@haven/shared';
import type { KeyRing } from '../../crypto/KeyRing';
import type { BlobStore } from '../../storage/types';
import { perceptualHash } from '../duplicates/perceptualHash';
import { detectContentType } from './detectContentType';
import { digestTap } from './digestTap';
import { refuse } from './refusals';
import { scrub, type Scrubbed } from './scrub';
import type { IngestedAttachment, StoredAttachment } from './StoredAttachment';
import { chain } from './streams';
import { removeTempFiles } from './tempFiles';

/**
 * Attachments (DESIGN §3.5): each uploaded file is typed by its content, scrubbed, and kept
 * twice, both sealed — the original as evidence and the scrubbed copy staff see. A refused file
 * leaves no blob behind. Knows nothing of HTTP: it takes the paths of uploaded temp files.
 */
export class AttachmentService {
  constructor(
    private readonly storage: { blobs: BlobStore },
    private readonly keyRing: KeyRing,
  ) {}

  /**
   * A request's files, all or none: when one is refused, those already stored are removed and
   * the refusal is thrown. The temp files are removed in every case.
   */
  async ingestAll(tempPaths: readonly string[]): Promise<IngestedAttachment[]> {
    const stored: IngestedAttachment[] = [];
    try {
      if (tempPaths.length > ATTACHMENT_LIMITS.maxFiles) throw refuse.tooMany();
      for (const path of tempPaths) stored.push(await this.ingest(path));
      return stored;
    } catch (error) {
      await this.discard(stored);
      throw error;
    } finally {
      await removeTempFiles(tempPaths);
    }
  }

  /** One file; its temp file stays where it is (see `ingestAll`, `removeTempFiles`). */
  async ingest(tempPath: string): Promise<IngestedAttachment> {
    const { size } = await stat(tempPath);
    if (size === 0) throw refuse.empty();
    if (size > ATTACHMENT_LIMITS.maxFileBytes) throw refuse.tooLarge();
    const type = await detectContentType(tempPath);
    const scrubbed = await scrub(tempPath, type);
    const imageHash = type.kind === 'image' ? await perceptualHashOf(scrubbed) : null;

    const id = newId();
    const originalBlobId = newId();
    const scrubbedBlobId = newId();
    try {
      const original = await this.seal(
        originalBlobId,
        createReadStream(tempPath),
        aad(id, 'original'),
      );
      const copy = await this.seal(scrubbedBlobId, scrubbed.open(), aad(id, 'scrubbed'));
      return {
        id,
        kind: type.kind,
        mediaType: type.mediaType,
        size: original.size,
        scrubbedSize: copy.size,
        sha256: original.sha256,
        scrubbedSha256: copy.sha256,
        originalBlobId,
        scrubbedBlobId,
        removed: scrubbed.removed,
        perceptualHash: imageHash,
      };
    } catch (error) {
      await this.deleteBlobs([originalBlobId, scrubbedBlobId]);
      throw error;
    }
  }

  /** Removes stored attachments, e.g. when the case that was to hold them was not written. */
  async discard(attachments: readonly StoredAttachment[]): Promise<void> {
    await this.deleteBlobs(attachments.flatMap((a) => [a.originalBlobId, a.scrubbedBlobId]));
  }

  /** The copy staff download. Fails the stream, rather than ending it, if the blob was altered. */
  async readScrubbed(
    attachment: Pick<StoredAttachment, 'id' | 'scrubbedBlobId'>,
  ): Promise<Readable> {
    return this.open(attachment.scrubbedBlobId, aad(attachment.id, 'scrubbed'));
  }

  /** The evidence as received, for a reveal with a stated reason. */
  async readOriginal(
    attachment: Pick<StoredAttachment, 'id' | 'originalBlobId'>,
  ): Promise<Readable> {
    return this.open(attachment.originalBlobId, aad(attachment.id, 'original'));
  }

  private async seal(
    blobId: string,
    source: Readable,
    aadText: string,
  ): Promise<{ size: number; sha256: string }> {
    const digest = digestTap();
    await this.storage.blobs.put(
      blobId,
      chain(source, digest.tap, this.keyRing.sealStream(aadText)),
    );
    return digest.result();
  }

  private async open(blobId: string, aadText: string): Promise<Readable> {
    return chain(await this.storage.blobs.get(blobId), this.keyRing.openStream(aadText));
  }

  /** Best effort: a failure here must not hide the error that called for it. */
  private async deleteBlobs(ids: string[]): Promise<void> {
    await Promise.allSettled(ids.map((id) => this.storage.blobs.delete(id)));
  }
}

/**
 * Of the scrubbed copy, turned upright as staff see it. The image was just decoded and encoded
 * without fault, so this fails only on a fault of ours: the file is then kept without a hash
 * rather than refused.
 */
async function perceptualHashOf(scrubbed: Scrubbed): Promise<string | null> {
  try {
    return await perceptualHash(await buffer(scrubbed.open()));
  } catch {
    return null;
  }
}

/** Server-chosen ids: 144 random bits, safe as blob names. */
function newId(): string {
  return randomBytes(18).toString('base64url');
}

/** Binds each sealed blob to its attachment and role, so blobs cannot be swapped unnoticed. */
function aad(attachmentId: string, role: 'original' | 'scrubbed'): string {
  return `attachment:${attachmentId}:${role}`;
}
