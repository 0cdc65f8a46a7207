import { wholeToken } from '../../boundaries';
import { compact, type NationalIdFormat } from './format';

/** Values of characters in odd positions (1st, 3rd …), digits and letters alike: 0/A, 1/B … */
const ODD_POSITION_VALUES = [
  1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23,
];

function characterIndex(char: string): number {
  const code = char.charCodeAt(0);
  return code <= 0x39 ? code - 0x30 : code - 0x41;
}

/**
 * Codice fiscale: surname, name, birth year, month letter, day (plus 40 for women), place, check
 * letter. Digits may be replaced by letters (omocodia) when two people would share a code.
 */
export const ITALIAN_CODICE_FISCALE: NationalIdFormat = {
  name: 'Italian codice fiscale',
  pattern: wholeToken(
    '[A-Z]{6}[0-9LMNPQRSTUV]{2}[ABCDEHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]',
    'i',
  ),
  normalise(written) {
    const code = compact(written);
    let sum = 0;
    for (let i = 0; i < 15; i++) {
      const index = characterIndex(code.charAt(i));
      sum += i % 2 === 0 ? (ODD_POSITION_VALUES[index] ?? 0) : index;
    }
    return String.fromCharCode(0x41 + (sum % 26)) === code.charAt(15) ? code : undefined;
  },
};
