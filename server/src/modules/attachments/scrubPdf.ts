import { readFile } from 'node:fs/promises';
import type { RemovedMetadata } from '@haven/shared';
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFName,
  PDFRawStream,
  PDFRef,
  PDFStream,
  type PDFContext,
  type PDFObject,
} from 'pdf-lib';
import { stripJpegMetadata } from './jpegMetadata';
import { refuse } from './refusals';

const METADATA = PDFName.of('Metadata');
const PIECE_INFO = PDFName.of('PieceInfo');
const FILTER = PDFName.of('Filter');
const DCT_DECODE = PDFName.of('DCTDecode');

/**
 * Writes the PDF anew without its metadata: the document information dictionary (author,
 * title, producer, dates), the document ID, every XMP metadata stream (the catalog's, pages',
 * images'), applications' private data (PieceInfo) and the EXIF/XMP segments of embedded JPEG
 * images. Objects nothing refers to any more, including those left over from earlier revisions
 * of the file, are dropped, so the removed data is really gone from the output bytes.
 */
export async function scrubPdf(
  path: string,
): Promise<{ bytes: Buffer; removed: RemovedMetadata[] }> {
  const document = await load(await readFile(path));
  if (document.isEncrypted) throw refuse.encrypted();
  if (countPages(document) === 0) throw refuse.unreadable('a PDF');
  try {
    const removed = removeMetadata(document.context);
    const bytes = await document.save({
      useObjectStreams: false,
      addDefaultPage: false,
      updateFieldAppearances: false,
    });
    return { bytes: Buffer.from(bytes), removed };
  } catch {
    throw refuse.unreadable('a PDF');
  }
}

async function load(bytes: Buffer): Promise<PDFDocument> {
  try {
    return await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false });
  } catch {
    throw refuse.unreadable('a PDF');
  }
}

/** A damaged page tree (a cycle, a missing node) counts as no pages. */
function countPages(document: PDFDocument): number {
  try {
    return document.getPageCount();
  } catch {
    return 0;
  }
}

function removeMetadata(context: PDFContext): RemovedMetadata[] {
  const removed = new Set<RemovedMetadata>();
  if (context.trailerInfo.Info) removed.add('document_info');
  if (context.trailerInfo.ID) removed.add('document_id');
  context.trailerInfo.Info = undefined;
  context.trailerInfo.ID = undefined;

  const reachable = new Set<PDFRef>();
  const pending: (PDFObject | undefined)[] = [context.trailerInfo.Root];
  while (pending.length) {
    const object = pending.pop();
    if (object instanceof PDFRef) {
      if (reachable.has(object)) continue;
      reachable.add(object);
      if (stripEmbeddedJpeg(context, object)) removed.add('embedded_image_metadata');
      pending.push(context.lookup(object));
    } else if (object instanceof PDFDict || object instanceof PDFStream) {
      const dict = object instanceof PDFStream ? object.dict : object;
      if (dict.delete(METADATA)) removed.add('xmp');
      if (dict.delete(PIECE_INFO)) removed.add('private_data');
      pending.push(...dict.values());
    } else if (object instanceof PDFArray) {
      pending.push(...object.asArray());
    }
  }

  for (const [ref] of context.enumerateIndirectObjects()) {
    if (!reachable.has(ref)) context.delete(ref);
  }
  return [...removed];
}

function stripEmbeddedJpeg(context: PDFContext, ref: PDFRef): boolean {
  const stream = context.lookup(ref);
  if (!(stream instanceof PDFRawStream) || !isJpeg(stream.dict)) return false;
  const stripped = stripJpegMetadata(stream.contents);
  if (!stripped) return false;
  context.assign(ref, PDFRawStream.of(stream.dict, stripped));
  return true;
}

function isJpeg(dict: PDFDict): boolean {
  const filter = dict.get(FILTER);
  return (
    filter === DCT_DECODE ||
    (filter instanceof PDFArray && filter.size() === 1 && filter.get(0) === DCT_DECODE)
  );
}
