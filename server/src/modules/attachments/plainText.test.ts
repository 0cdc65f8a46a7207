import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { makeTempDir } from '../../../../test/support/tempDir';
import { judgeText } from './plainText';

describe('deciding plain text', () => {
  let dir: ReturnType<typeof makeTempDir>;
  beforeEach(() => (dir = makeTempDir()));
  afterEach(() => dir.cleanup());

  async function judge(bytes: Buffer | string): Promise<string> {
    const path = join(dir.path, 'upload');
    await writeFile(path, bytes);
    return judgeText(path);
  }

  it.each([
    ['UTF-8 with tabs and both line ends', 'Line one\r\n\tLine two\nЛиния три 第四行'],
    ['a byte-order mark', '\uFEFFHello'],
    ['markup later in the text', 'They sent me this: <html><script>…</script>'],
    ['JSON', '{"handle": "@someone"}'],
  ])('when a file is %s, then it is plain text', async (_name, text) => {
    expect(await judge(text)).toBe('plain');
  });

  it('when a multi-byte character straddles two read chunks, then it is still plain text', async () => {
    expect(await judge(`${'a'.repeat(64 * 1024 - 1)}é${'b'.repeat(100)}`)).toBe('plain');
  });

  it.each([
    ['a NUL', Buffer.from('abc\0def')],
    ['an escape character', Buffer.from('abc\x1b[31mred')],
    ['a C1 control character', Buffer.from('abc\u0085def')],
    ['invalid UTF-8', Buffer.from([0x61, 0xc3, 0x28])],
    ['UTF-8 cut in the middle of a character', Buffer.from([0x61, 0xe4, 0xbb])],
  ])('when a file holds %s, then it is not text', async (_name, bytes) => {
    expect(await judge(bytes)).toBe('not_text');
  });

  it.each([
    '<!DOCTYPE html><p>hi</p>',
    '  \n<HTML>',
    '<script>alert(1)</script>',
    '<?xml version="1.0"?><svg/>',
    '<svg xmlns="http://www.w3.org/2000/svg">',
    '<!-- comment --><p>',
  ])('when a file starts as markup (%s), then it is refused as markup', async (text) => {
    expect(await judge(text)).toBe('markup');
  });
});
