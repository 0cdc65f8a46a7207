import { createHmac } from 'node:crypto';
import type { IngestedAttachment } from '../attachments/StoredAttachment';
import { canonicalHandle } from './canonicalHandle';
import { canonicalUrl } from './canonicalUrl';

/** What two cases can share, named in clear at the head of each key. */
export const BLIND_INDEX_KINDS = ['url', 'handle', 'file', 'image'] as const;
export type BlindIndexKind = (typeof BLIND_INDEX_KINDS)[number];

/** What a report (or a reporter's later files) holds that another report may repeat. */
export interface BlindIndexSources {
  /** As the reporter wrote them, before redaction. */
  urls?: readonly string[];
  handles?: readonly string[];
  /** The report's free-text platform, for handles written without one. */
  platform?: string | null;
  attachments?: readonly Pick<IngestedAttachment, 'sha256' | 'perceptualHash'>[];
}

/**
 * The blind indexes of a report: `url:<hex>`, `handle:<hex>`, `file:<hex>` (the original's
 * SHA-256) and `image:<band>:<hex>`, each hex an HMAC under `secret` of the canonical value, so
 * that equal values meet without any being stored in clear. A profile's address gives a handle
 * key as well, so `https://x.com/name` meets the handle `@name`; a handle written as an address
 * gives a URL key as well.
 *
 * An image's 64-bit perceptual hash is split into four 16-bit bands, each its own key: images
 * within 3 bits of each other differ in at most three bands and so share a key. Bands without an
 * edge (all 0 or all 1: sky, a blank page) are left out, as every such image would share them.
 */
export function blindIndexesOf(sources: BlindIndexSources, secret: Buffer): string[] {
  const keys = new Set<string>();
  const add = (label: string, value: string | null) => {
    if (value !== null) keys.add(`${label}:${keyedHash(secret, label, value)}`);
  };
  for (const text of sources.urls ?? []) {
    const url = canonicalUrl(text);
    add('url', url);
    if (url !== null) add('handle', canonicalHandle(text));
  }
  for (const text of sources.handles ?? []) {
    add('handle', canonicalHandle(text, sources.platform));
    add('url', canonicalUrl(text));
  }
  for (const attachment of sources.attachments ?? []) {
    add('file', attachment.sha256.toLowerCase());
    if (attachment.perceptualHash === null) continue;
    bandsOf(attachment.perceptualHash).forEach((band, index) => {
      if (band !== '0000' && band !== 'ffff') add(`image:${index}`, band);
    });
  }
  return [...keys];
}

/** The kind a key names, or `null` for a key this module did not make. */
export function kindOf(key: string): BlindIndexKind | null {
  const kind = key.slice(0, key.indexOf(':'));
  return (BLIND_INDEX_KINDS as readonly string[]).includes(kind) ? (kind as BlindIndexKind) : null;
}

function bandsOf(perceptualHash: string): string[] {
  return [0, 4, 8, 12].map((start) => perceptualHash.slice(start, start + 4).toLowerCase());
}

/**
 * Truncated to 128 bits: collisions stay out of reach, at half the index size. The label is
 * hashed with the value, so a value of one kind never meets another kind's.
 */
function keyedHash(secret: Buffer, label: string, value: string): string {
  return createHmac('sha256', secret).update(`${label}\0${value}`).digest('hex').slice(0, 32);
}
