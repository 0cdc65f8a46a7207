import { createReadStream } from 'node:fs';

/**
 * Plain text has no magic bytes, so Haven decides it: valid UTF-8 throughout, no control
 * characters besides tab, line feed and carriage return (so no NUL, which binaries are full of),
 * and not a document a browser would sniff as HTML or XML.
 */
export type TextVerdict = 'plain' | 'markup' | 'not_text';

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const FORBIDDEN_CONTROL = /[\u0000-\u0008\u000B-\u000C\u000E-\u001F\u007F-\u009F]/;
// The HTML and XML patterns of the WHATWG MIME Sniffing Standard (§7.1), plus SVG.
const MARKUP_START =
  /^\uFEFF?[\t\n\f\r ]*(?:<(?:!DOCTYPE HTML|HTML|HEAD|SCRIPT|IFRAME|H1|DIV|FONT|TABLE|A|STYLE|TITLE|B|BODY|BR|P|!--|SVG)[ >]|<\?xml)/i;

export async function judgeText(path: string): Promise<TextVerdict> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let start = true;
  try {
    for await (const chunk of createReadStream(path)) {
      const text = decoder.decode(chunk as Buffer, { stream: true });
      if (FORBIDDEN_CONTROL.test(text)) return 'not_text';
      if (start && MARKUP_START.test(text)) return 'markup';
      start = false;
    }
    decoder.decode();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_ENCODING_INVALID_ENCODED_DATA') {
      return 'not_text';
    }
    throw error;
  }
  return 'plain';
}
