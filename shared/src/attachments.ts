/**
 * What a reporter may attach (DESIGN §3.5): the server enforces these, the reporter's pages show
 * them before upload, and the multipart parser is configured from them.
 */
export const ATTACHMENT_LIMITS = {
  /** One file, before scrubbing. */
  maxFileBytes: 25 * 1024 * 1024,
  /** Files in one submission or one later addition. */
  maxFiles: 5,
  /** Decoded pixels of one image (all frames of an animation), against decompression bombs. */
  maxImagePixels: 100_000_000,
} as const;

export const ATTACHMENT_KINDS = ['image', 'pdf', 'text', 'video'] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];

/** The allow-list, decided from a file's content, never from its name or declared type. */
export const ACCEPTED_MEDIA_TYPES = {
  'image/jpeg': 'image',
  'image/png': 'image',
  'image/webp': 'image',
  'image/gif': 'image',
  'application/pdf': 'pdf',
  'text/plain': 'text',
  'video/mp4': 'video',
  'video/quicktime': 'video',
} as const satisfies Record<string, AttachmentKind>;
export type AcceptedMediaType = keyof typeof ACCEPTED_MEDIA_TYPES;

/**
 * What the copy staff see leaves out, per kind, as codes the pages turn into words: the reporter
 * reads this before uploading, and each stored attachment lists those it actually carried.
 */
export const REMOVABLE_METADATA = {
  image: ['exif', 'gps', 'xmp', 'iptc', 'icc_profile', 'comments'],
  pdf: ['document_info', 'xmp', 'document_id', 'private_data', 'embedded_image_metadata'],
  video: ['user_data', 'gps', 'xmp', 'timestamps'],
  text: [],
} as const satisfies Record<AttachmentKind, readonly string[]>;
export type RemovedMetadata = (typeof REMOVABLE_METADATA)[AttachmentKind][number];

/** `code` of the problem answered when a file is refused, beside 413 and 415. */
export const ATTACHMENT_REFUSALS = {
  empty: 'attachment_empty',
  unreadable: 'attachment_unreadable',
  encrypted: 'attachment_encrypted',
} as const;
