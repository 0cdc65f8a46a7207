/**
 * Text folded for matching a name however it is typed: compatibility-decomposed (full-width
 * letters, ligatures, presentation forms), accents and Arabic vowel marks dropped, lower-cased,
 * Arabic letter variants unified. Each folded UTF-16 unit remembers the original character it
 * came from, so a match in the folded text maps back to a span of the original.
 */
export interface FoldedText {
  text: string;
  /** For each unit of `text`, where its original character starts. */
  startOf: number[];
  /** For each unit of `text`, where its original character ends. */
  endOf: number[];
}

/**
 * Letters Arabic writers use interchangeably: alef wasla, ta marbuta, alef maqsura, Persian yeh
 * and kaf (alef with hamza decomposes to alef and a dropped mark).
 */
const ARABIC_VARIANTS: Record<string, string> = { ٱ: 'ا', ة: 'ه', ى: 'ي', ی: 'ي', ک: 'ك' };
const TATWEEL = '\u0640';
const MARKS = /\p{M}/gu;
/** Letters whose mark makes another letter, not an accent: Russian й is not и. */
const KEPT_WHOLE: Record<string, string> = { й: 'й', Й: 'й' };

function foldCharacter(char: string): string {
  const whole = KEPT_WHOLE[char];
  if (whole !== undefined) return whole;
  const folded = char.normalize('NFKD').replace(MARKS, '').toLowerCase();
  let result = '';
  for (const part of folded) {
    if (part !== TATWEEL) result += ARABIC_VARIANTS[part] ?? part;
  }
  return result;
}

export function foldName(name: string): string {
  return foldText(name).text.trim().replace(/\s+/g, ' ');
}

export function foldText(text: string): FoldedText {
  const cache = new Map<string, string>();
  const startOf: number[] = [];
  const endOf: number[] = [];
  let folded = '';
  let index = 0;
  for (const char of text) {
    let replacement: string;
    const code = char.charCodeAt(0);
    if (code < 0x80) {
      replacement = code >= 0x41 && code <= 0x5a ? String.fromCharCode(code + 32) : char;
    } else {
      replacement = cache.get(char) ?? foldCharacter(char);
      cache.set(char, replacement);
    }
    for (let i = 0; i < replacement.length; i++) {
      startOf.push(index);
      endOf.push(index + char.length);
    }
    folded += replacement;
    index += char.length;
  }
  return { text: folded, startOf, endOf };
}
