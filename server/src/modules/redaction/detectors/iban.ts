import { countrySpecs, isValidIBAN } from 'ibantools';
import { TOKEN_CHAR } from '../boundaries';
import type { Detection } from '../types';

/** A country code and two check digits, where an IBAN starts. */
const IBAN_START = new RegExp(`(?<!${TOKEN_CHAR})[A-Z]{2}[0-9]{2}`, 'giu');

function isAlphanumeric(code: number): boolean {
  return (
    (code >= 0x30 && code <= 0x39) ||
    (code >= 0x41 && code <= 0x5a) ||
    (code >= 0x61 && code <= 0x7a)
  );
}

/**
 * IBANs, printed in groups or as one block: the characters after a country code are read, single
 * spaces skipped, up to that country's IBAN length; the result must pass ibantools' validation
 * (the ISO 13616 mod-97 check and the country's BBAN format).
 */
export function detectIbans(text: string): Detection[] {
  const found: Detection[] = [];
  for (const match of text.matchAll(IBAN_START)) {
    const length = countrySpecs[match[0].slice(0, 2).toUpperCase()]?.chars;
    if (length === undefined) continue;
    let electronic = match[0].toUpperCase();
    let end = match.index + match[0].length;
    while (electronic.length < length && end < text.length) {
      const code = text.charCodeAt(end);
      const skipsSpace = code === 0x20 && isAlphanumeric(text.charCodeAt(end + 1));
      if (skipsSpace) end++;
      else if (!isAlphanumeric(code)) break;
      else {
        electronic += text.charAt(end).toUpperCase();
        end++;
      }
    }
    // An IBAN ends at a boundary: more characters glued on make it some other code.
    if (electronic.length !== length || isAlphanumeric(text.charCodeAt(end))) continue;
    if (!isValidIBAN(electronic)) continue;
    found.push({ type: 'IBAN', start: match.index, end, value: electronic });
  }
  return found;
}
