/**
 * Characters that continue a token: digits, `_` and the letters of alphabets that put spaces
 * between words (their letters are cased: Latin, Cyrillic, Greek …). A number glued to one of
 * these is part of a longer code, not a datum of its own. Letters of Chinese, Japanese or Arabic
 * (uncased) are left out on purpose: those scripts write a number straight after a word.
 */
export const TOKEN_CHAR = '[\\p{N}\\p{Lu}\\p{Ll}\\p{Lt}\\p{Lm}_]';

const TOKEN_CHAR_PATTERN = new RegExp(`^${TOKEN_CHAR}$`, 'u');

/** Whether the character just before `index` continues the token starting there. */
export function joinsBefore(text: string, index: number): boolean {
  if (index <= 0) return false;
  const previous = text.codePointAt(index - 1) ?? 0;
  // Step back over a surrogate pair so that an astral letter is seen whole.
  const low = previous >= 0xdc00 && previous <= 0xdfff && index >= 2;
  const char = low ? String.fromCodePoint(text.codePointAt(index - 2) ?? 0) : text[index - 1];
  return TOKEN_CHAR_PATTERN.test(char ?? '');
}

/** Whether the character at `index` continues the token ending there. */
export function joinsAfter(text: string, index: number): boolean {
  if (index >= text.length) return false;
  return TOKEN_CHAR_PATTERN.test(String.fromCodePoint(text.codePointAt(index) ?? 0));
}

/**
 * A global Unicode pattern for `body` that matches only as a whole token: not glued to a token
 * character, and not the tail or head of a longer number written with separators
 * (`2024-123-45-6789`, `1234 5678 9012 3456`).
 */
export function wholeToken(body: string, flags = ''): RegExp {
  return new RegExp(
    `(?<!${TOKEN_CHAR}|[0-9][ ./-])(?:${body})(?!${TOKEN_CHAR}|[ ./-][0-9])`,
    `gu${flags}`,
  );
}

/**
 * Whether one of `words` (lower case) starts a word in the `window` characters before `index`
 * ("tin" in "TIN:" counts, in "destination" it does not).
 */
export function hasWordBefore(
  text: string,
  index: number,
  words: readonly string[],
  window = 48,
): boolean {
  const before = text.slice(Math.max(0, index - window), index).toLowerCase();
  return words.some((word) => {
    for (let at = before.indexOf(word); at !== -1; at = before.indexOf(word, at + 1)) {
      if (!joinsBefore(before, at)) return true;
    }
    return false;
  });
}
