const EXIF_HEADER = Buffer.from('Exif\0\0', 'latin1');
const GPS_IFD_POINTER = 0x8825;

/**
 * Whether an EXIF block carries a GPS section: the pointer to it sits among the first image
 * directory's entries (TIFF 6.0 layout). Used only to tell what scrubbing removed; the scrubbed
 * copy drops the whole block either way.
 */
export function exifHasGps(exif: Buffer): boolean {
  const tiff = exif.subarray(0, EXIF_HEADER.length).equals(EXIF_HEADER)
    ? exif.subarray(EXIF_HEADER.length)
    : exif;
  if (tiff.length < 8) return false;
  const order = tiff.toString('latin1', 0, 2);
  if (order !== 'II' && order !== 'MM') return false;
  const little = order === 'II';
  const u16 = (at: number) => (little ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at));
  const u32 = (at: number) => (little ? tiff.readUInt32LE(at) : tiff.readUInt32BE(at));

  const directory = u32(4);
  if (directory + 2 > tiff.length) return false;
  const entries = u16(directory);
  for (let index = 0; index < entries; index += 1) {
    const entry = directory + 2 + index * 12;
    if (entry + 12 > tiff.length) return false;
    if (u16(entry) === GPS_IFD_POINTER) return true;
  }
  return false;
}
