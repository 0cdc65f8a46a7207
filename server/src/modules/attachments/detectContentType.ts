import { open } from 'node:fs/promises';
import { ACCEPTED_MEDIA_TYPES, type AcceptedMediaType, type AttachmentKind } from '@haven/shared';
import { filetypeinfo } from 'magic-bytes.js';
import { judgeText } from './plainText';
import { refuse } from './refusals';

export interface ContentType {
  kind: AttachmentKind;
  mediaType: AcceptedMediaType;
}

const SNIFF_BYTES = 4096;

/**
 * Decides a file's type from its content alone, against the allow-list: magic bytes for the
 * binary formats, Haven's own test for plain text (which has none). The name and type the
 * client declared play no part. Each scrubber then parses the file fully, so content that
 * merely starts like an accepted type is refused there.
 */
export async function detectContentType(path: string): Promise<ContentType> {
  const head = await readHead(path);
  const binary = filetypeinfo(head)
    .map((guess) => guess.mime)
    .find((mime): mime is AcceptedMediaType => isAccepted(mime) && mime !== 'text/plain');
  if (binary) return { kind: ACCEPTED_MEDIA_TYPES[binary], mediaType: binary };

  switch (await judgeText(path)) {
    case 'plain':
      return { kind: 'text', mediaType: 'text/plain' };
    case 'markup':
      throw refuse.notAccepted('HTML and XML documents are not accepted.');
    case 'not_text':
      throw refuse.notAccepted("The file's content is not an accepted type.");
  }
}

function isAccepted(mime: string | undefined): mime is AcceptedMediaType {
  return mime !== undefined && Object.hasOwn(ACCEPTED_MEDIA_TYPES, mime);
}

async function readHead(path: string): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(SNIFF_BYTES), 0, SNIFF_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}
