import { open, type FileHandle } from 'node:fs/promises';
import type { RemovedMetadata } from '@haven/shared';
import type { BytePatch } from './bytePatches';
import { MalformedBoxesError, readBoxes, readBytes, type Box } from './isoBoxes';
import { refuse } from './refusals';

/** Boxes whose children are walked: where metadata and time stamps live in a movie. */
const CONTAINERS = new Set([
  'moov',
  'trak',
  'mdia',
  'minf',
  'edts',
  'dinf',
  'stbl',
  'mvex',
  'moof',
  'traf',
]);
/** User data and metadata: camera model, owner, title, ©xyz and Apple's location keys. */
const METADATA = new Set(['udta', 'meta']);
/** Padding: ignored by players, but editors leave stale metadata in it. */
const PADDING = new Set(['free', 'skip']);
/** Headers with creation and modification times: movie, track, media. */
const TIMED_HEADERS = new Set(['mvhd', 'tkhd', 'mdhd']);
const XMP_UUID = Buffer.from('be7acfcb97a942e89c71999491e3afac', 'hex');
const FREE = Buffer.from('free', 'latin1');
const LOCATION_MARKERS = [Buffer.from('\u00a9xyz', 'latin1'), Buffer.from('location', 'latin1')];
/** Metadata boxes larger than this are blanked without being searched for location markers. */
const SEARCHED_BYTES = 1024 * 1024;

/**
 * Plans the scrubbed copy of an MP4 or QuickTime movie as patches over the original bytes, so
 * nothing moves and every offset in the file (chunk tables into `mdat`) stays right: metadata
 * boxes become `free` boxes full of zeros, padding is zeroed, and creation and modification
 * times are set to zero. What it cannot reach is metadata carried as media samples inside
 * `mdat`, such as a camera's GPS track (GoPro GPMF) or subtitles.
 */
export async function planMp4Scrub(
  path: string,
): Promise<{ patches: BytePatch[]; removed: RemovedMetadata[] }> {
  const file = await open(path, 'r');
  try {
    const plan = new Plan(file);
    const top = await readBoxes(file, 0, (await file.stat()).size);
    if (top[0]?.type !== 'ftyp' || !top.some((box) => box.type === 'moov')) {
      throw new MalformedBoxesError('no ftyp or moov box');
    }
    await plan.walk(top);
    return { patches: plan.patches, removed: [...plan.removed] };
  } catch (error) {
    if (error instanceof MalformedBoxesError) throw refuse.unreadable('a video');
    throw error;
  } finally {
    await file.close();
  }
}

class Plan {
  readonly patches: BytePatch[] = [];
  readonly removed = new Set<RemovedMetadata>();

  constructor(private readonly file: FileHandle) {}

  async walk(boxes: Box[]): Promise<void> {
    for (const box of boxes) {
      if (METADATA.has(box.type)) await this.blank(box, 'user_data');
      else if (box.type === 'uuid' && (await this.isXmp(box))) await this.blank(box, 'xmp');
      else if (PADDING.has(box.type)) this.zero(box.payload, box.end);
      else if (TIMED_HEADERS.has(box.type)) await this.zeroTimes(box);
      else if (CONTAINERS.has(box.type)) {
        await this.walk(await readBoxes(this.file, box.payload, box.end));
      }
    }
  }

  private async blank(box: Box, what: RemovedMetadata): Promise<void> {
    this.removed.add(what);
    if (box.end - box.payload <= SEARCHED_BYTES) {
      const payload = await readBytes(this.file, box.payload, box.end - box.payload);
      if (LOCATION_MARKERS.some((marker) => payload.includes(marker))) this.removed.add('gps');
    }
    this.patches.push({ start: box.start + 4, end: box.start + 8, bytes: FREE });
    // A uuid box's 16-byte user type goes too: the header now ends at size and type.
    this.zero(box.type === 'uuid' ? box.payload - 16 : box.payload, box.end);
  }

  private async isXmp(box: Box): Promise<boolean> {
    return (await readBytes(this.file, box.payload - 16, 16)).equals(XMP_UUID);
  }

  /** Version 0 holds two 32-bit times after version and flags; version 1 two 64-bit times. */
  private async zeroTimes(box: Box): Promise<void> {
    const [version] = await readBytes(this.file, box.payload, 1);
    const start = box.payload + 4;
    const end = start + (version === 1 ? 16 : 8);
    if (end > box.end) throw new MalformedBoxesError(`${box.type} is too short`);
    if ((await readBytes(this.file, start, end - start)).some((byte) => byte !== 0)) {
      this.removed.add('timestamps');
      this.zero(start, end);
    }
  }

  private zero(start: number, end: number): void {
    if (end > start) this.patches.push({ start, end });
  }
}
