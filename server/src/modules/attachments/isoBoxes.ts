import type { FileHandle } from 'node:fs/promises';

/**
 * The boxes (atoms) of an ISO base media file — MP4, QuickTime — read from their headers alone,
 * so a large file is never loaded whole. ISO/IEC 14496-12 §4.2.
 */
export interface Box {
  type: string;
  start: number;
  /** Where the payload starts: after size, type, any 64-bit size and any uuid. */
  payload: number;
  end: number;
}

export class MalformedBoxesError extends Error {}

/** The boxes that exactly fill `[from, to)` of the file. */
export async function readBoxes(file: FileHandle, from: number, to: number): Promise<Box[]> {
  const boxes: Box[] = [];
  const header = Buffer.alloc(16);
  for (let start = from; start < to;) {
    if (to - start < 8) throw new MalformedBoxesError(`stray bytes at ${start}`);
    await file.read(header, 0, 16, start);
    const type = header.toString('latin1', 4, 8);
    let size = header.readUInt32BE(0);
    let payload = start + 8;
    if (size === 1) {
      size = Number(header.readBigUInt64BE(8));
      payload += 8;
    } else if (size === 0) {
      size = to - start; // to the end of the enclosing space
    }
    if (type === 'uuid') payload += 16;
    const end = start + size;
    if (!Number.isSafeInteger(end) || end > to || payload > end) {
      throw new MalformedBoxesError(`box ${JSON.stringify(type)} at ${start} overruns its parent`);
    }
    boxes.push({ type, start, payload, end });
    start = end;
  }
  return boxes;
}

export async function readBytes(file: FileHandle, start: number, length: number): Promise<Buffer> {
  const bytes = Buffer.alloc(length);
  const { bytesRead } = await file.read(bytes, 0, length, start);
  return bytes.subarray(0, bytesRead);
}
