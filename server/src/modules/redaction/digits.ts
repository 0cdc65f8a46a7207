/**
 * Unicode decimal digits of the Basic Multilingual Plane (Arabic-Indic, Devanagari, full-width …)
 * mapped to their ASCII digit. Unicode allots each script's digits as a run 0–9, so a digit's
 * value is its distance from the start of its run, modulo 10 where runs adjoin.
 */
const ASCII_DIGIT_OF = buildDigitTable();

function buildDigitTable(): Map<number, string> {
  const table = new Map<number, string>();
  const isDigit = /^\p{Nd}$/u;
  let runStart = -1;
  for (let code = 0x80; code <= 0xffff; code++) {
    // Surrogates are halves of other characters, never digits themselves.
    if (code >= 0xd800 && code <= 0xdfff) {
      runStart = -1;
      continue;
    }
    if (!isDigit.test(String.fromCharCode(code))) {
      runStart = -1;
      continue;
    }
    if (runStart === -1) runStart = code;
    table.set(code, String((code - runStart) % 10));
  }
  return table;
}

/**
 * The text with every BMP decimal digit written as its ASCII digit and a full-width plus as `+`.
 * Each replaced character is one UTF-16 unit, as is its replacement, so offsets into the result
 * are offsets into the original: detectors read this copy and cut spans out of the original.
 */
export function foldDigits(text: string): string {
  let folded = '';
  let copiedUpTo = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) continue;
    const replacement = code === 0xff0b ? '+' : ASCII_DIGIT_OF.get(code);
    if (replacement === undefined) continue;
    folded += text.slice(copiedUpTo, i) + replacement;
    copiedUpTo = i + 1;
  }
  return copiedUpTo === 0 ? text : folded + text.slice(copiedUpTo);
}
