import { ATTACHMENT_LIMITS, type AcceptedMediaType, type RemovedMetadata } from '@haven/shared';
import sharp, { type Metadata } from 'sharp';
import { exifHasGps } from './exifGps';
import { refuse } from './refusals';

// Each upload is decoded once: libvips' operation cache would only hold on to memory.
sharp.cache(false);

const OUTPUT = {
  'image/jpeg': (image: sharp.Sharp) => image.jpeg({ quality: 90 }),
  'image/png': (image: sharp.Sharp) => image.png(),
  'image/webp': (image: sharp.Sharp) => image.webp({ quality: 90 }),
  'image/gif': (image: sharp.Sharp) => image.gif(),
} satisfies Partial<Record<AcceptedMediaType, (image: sharp.Sharp) => sharp.Sharp>>;

/**
 * Re-encodes the image in its own format from decoded pixels, turned upright first by its EXIF
 * orientation. Nothing of the original's metadata survives: sharp writes none unless asked
 * (no EXIF and its GPS, XMP, IPTC, ICC profile — colours are converted to sRGB — nor comments).
 * Animated GIF and WebP keep their frames and timing.
 */
export async function scrubImage(
  path: string,
  mediaType: AcceptedMediaType,
): Promise<{ bytes: Buffer; removed: RemovedMetadata[] }> {
  const encode = OUTPUT[mediaType as keyof typeof OUTPUT];
  if (!encode) throw new TypeError(`${mediaType} is not an image type.`);
  const image = sharp(path, {
    animated: mediaType === 'image/gif' || mediaType === 'image/webp',
    autoOrient: true,
    failOn: 'error',
    limitInputPixels: ATTACHMENT_LIMITS.maxImagePixels,
  });
  const metadata = await image.metadata().catch(() => {
    throw refuse.unreadable('an image');
  });
  // Checked here as well as by sharp, to answer with the reason. Animated: height spans all frames.
  if (metadata.width * metadata.height > ATTACHMENT_LIMITS.maxImagePixels) {
    throw refuse.tooManyPixels();
  }
  const bytes = await encode(image)
    .toBuffer()
    .catch(() => {
      throw refuse.unreadable('an image');
    });
  return { bytes, removed: metadataPresent(metadata) };
}

function metadataPresent(metadata: Metadata): RemovedMetadata[] {
  const removed: RemovedMetadata[] = [];
  if (metadata.exif) removed.push('exif');
  if (metadata.exif && exifHasGps(metadata.exif)) removed.push('gps');
  if (metadata.xmp) removed.push('xmp');
  if (metadata.iptc) removed.push('iptc');
  if (metadata.icc) removed.push('icc_profile');
  if (metadata.comments?.length) removed.push('comments');
  return removed;
}
