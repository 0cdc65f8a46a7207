import type { AcceptedMediaType, AttachmentKind, RemovedMetadata } from '@haven/shared';

/**
 * An attachment as the case keeps it: plain metadata, the bytes being in two sealed blobs. The
 * blob ids and digests are for the server; staff and reporters get a presented subset.
 */
export interface StoredAttachment {
  id: string;
  kind: AttachmentKind;
  /** Decided from the content. */
  mediaType: AcceptedMediaType;
  /** Bytes of the original, and of the scrubbed copy staff download. */
  size: number;
  scrubbedSize: number;
  /** SHA-256 of the plaintexts, hex. */
  sha256: string;
  scrubbedSha256: string;
  originalBlobId: string;
  scrubbedBlobId: string;
  /** Metadata the original carried that the scrubbed copy leaves out. */
  removed: RemovedMetadata[];
}

/**
 * A file as `AttachmentService` has just stored it: with what duplicate detection needs of its
 * content. The case keeps that only as blind indexes and sealed, never in clear.
 */
export interface IngestedAttachment extends StoredAttachment {
  /** 64-bit perceptual hash of the scrubbed image, hex (`perceptualHash`); `null` if no image. */
  perceptualHash: string | null;
}
