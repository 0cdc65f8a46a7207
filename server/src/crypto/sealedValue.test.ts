import { randomBytes } from 'node:crypto';
import type { DataKey } from './dataKey';
import { SealedDataError } from './SealedDataError';
import { openValue, parseSealedValue, sealValue } from './sealedValue';

const aKey = (): DataKey => ({ id: randomBytes(9).toString('base64url'), key: randomBytes(32) });
const open = (key: DataKey, sealed: string, aad: string) =>
  openValue(key, parseSealedValue(sealed), aad);

describe('sealed values', () => {
  const key = aKey();

  it.each([
    ['empty', ''],
    ['one byte', 'x'],
    ['unicode', 'Он написал мне: «ты следующий» — 他威胁我'],
    ['2 KB', 'a'.repeat(2048)],
  ])('when %s text is sealed, then it opens to the same bytes', (_name, text) => {
    const sealed = sealValue(key, text, 'case:1:narrative');
    expect(open(key, sealed, 'case:1:narrative').toString('utf8')).toBe(text);
  });

  it('when a buffer is sealed, then the string names version and key and carries no plaintext', () => {
    const sealed = sealValue(key, Buffer.from('secret@example.org'), 'case:1:contact');
    expect(sealed).toMatch(new RegExp(`^hv1\\.${key.id}\\.[A-Za-z0-9_-]{16}\\.[A-Za-z0-9_-]+$`));
    expect(sealed).not.toContain('secret');
    expect(open(key, sealed, 'case:1:contact')).toEqual(Buffer.from('secret@example.org'));
  });

  it('when the same value is sealed twice, then the results differ (fresh nonce)', () => {
    expect(sealValue(key, 'same', 'a')).not.toBe(sealValue(key, 'same', 'a'));
  });

  it('when a sealed value is opened for another place, then it is refused', () => {
    const sealed = sealValue(key, 'narrative', 'case:1:narrative');
    expect(() => open(key, sealed, 'case:2:narrative')).toThrow(SealedDataError);
  });

  it('when a sealed value is opened with another key of the same id, then it is refused', () => {
    const sealed = sealValue(key, 'narrative', 'aad');
    expect(() => open({ id: key.id, key: randomBytes(32) }, sealed, 'aad')).toThrow(
      expect.objectContaining({ reason: 'not_authentic' }),
    );
  });

  it('when any character of a sealed value is changed, then it is refused, never garbage', () => {
    const sealed = sealValue(key, 'a narrative of some length', 'aad');
    for (let index = sealed.indexOf('.', 4) + 1; index < sealed.length; index += 1) {
      const altered = sealed.slice(0, index) + flipChar(sealed[index]!) + sealed.slice(index + 1);
      expect(() => open(key, altered, 'aad')).toThrow(SealedDataError);
    }
  });

  it('when the base64url is spelled another way for the same bytes, then it is refused', () => {
    const sealed = sealValue(key, 'x', 'aad'); // 17 bytes: the last character has spare bits
    const respelled =
      sealed.slice(0, -1) + String.fromCharCode(sealed.charCodeAt(sealed.length - 1) + 1);
    expect(() => parseSealedValue(respelled)).toThrow(SealedDataError);
  });

  it('when the text is not a sealed value, then it is refused as malformed', () => {
    for (const text of [
      '',
      'hv1',
      'hv2.abc.AAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA',
      'plain text',
    ]) {
      expect(() => parseSealedValue(text)).toThrow(
        expect.objectContaining({ reason: 'malformed' }),
      );
    }
  });
});

/** Another base64url character, so the string keeps its shape and only its meaning changes. */
function flipChar(char: string): string {
  return char === 'A' ? 'B' : 'A';
}
