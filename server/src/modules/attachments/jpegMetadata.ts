const APP1 = 0xe1; // EXIF (with GPS and a thumbnail), XMP
const APP13 = 0xed; // Photoshop: IPTC
const COM = 0xfe;
const SOS = 0xda;
const DROPPED = new Set([APP1, APP13, COM]);

/**
 * Removes the metadata segments of a JPEG without re-encoding it, for JPEGs embedded in PDFs.
 * The segments that decoding needs (JFIF, ICC, Adobe colour transform, tables) stay. Answers
 * `null` when there is nothing to remove or the layout is not understood (then it is left as is).
 */
export function stripJpegMetadata(jpeg: Uint8Array): Uint8Array | null {
  if (jpeg[0] !== 0xff || jpeg[1] !== 0xd8) return null;
  const kept: Uint8Array[] = [jpeg.subarray(0, 2)];
  let changed = false;
  let at = 2;
  while (at + 4 <= jpeg.length) {
    if (jpeg[at] !== 0xff) return null;
    const marker = jpeg[at + 1]!;
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    if (marker === SOS) {
      kept.push(jpeg.subarray(at));
      return changed ? Buffer.concat(kept) : null;
    }
    const length = (jpeg[at + 2]! << 8) | jpeg[at + 3]!;
    const end = at + 2 + length;
    if (length < 2 || end > jpeg.length) return null;
    if (DROPPED.has(marker)) changed = true;
    else kept.push(jpeg.subarray(at, end));
    at = end;
  }
  return null;
}
