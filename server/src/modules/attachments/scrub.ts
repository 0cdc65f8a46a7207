import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import type { RemovedMetadata } from '@haven/shared';
import { applyPatches } from './bytePatches';
import type { ContentType } from './detectContentType';
import { scrubImage } from './scrubImage';
import { planMp4Scrub } from './scrubMp4';
import { scrubPdf } from './scrubPdf';
import { chain } from './streams';

/** The copy staff see: readable as often as needed, and what it leaves out. */
export interface Scrubbed {
  removed: RemovedMetadata[];
  open(): Readable;
}

/** Makes the scrubbed copy of an accepted file, or refuses the file when it cannot be parsed. */
export async function scrub(path: string, type: ContentType): Promise<Scrubbed> {
  switch (type.kind) {
    case 'image':
      return inMemory(await scrubImage(path, type.mediaType));
    case 'pdf':
      return inMemory(await scrubPdf(path));
    case 'video': {
      const { patches, removed } = await planMp4Scrub(path);
      return { removed, open: () => chain(createReadStream(path), applyPatches(patches)) };
    }
    case 'text':
      return { removed: [], open: () => createReadStream(path) };
  }
}

function inMemory({ bytes, removed }: { bytes: Buffer; removed: RemovedMetadata[] }): Scrubbed {
  return { removed, open: () => Readable.from([bytes]) };
}
