import { wholeToken } from '../../boundaries';
import { mod11_10CheckDigit } from '../../checksums';
import { compact, type NationalIdFormat } from './format';

/** In the first ten digits, exactly one digit occurs twice or three times, the others once. */
function hasTaxIdDigitPattern(digits: string): boolean {
  const counts = new Map<string, number>();
  for (const digit of digits.slice(0, 10)) counts.set(digit, (counts.get(digit) ?? 0) + 1);
  const repeated = [...counts.values()].filter((count) => count > 1);
  return repeated.length === 1 && (repeated[0] === 2 || repeated[0] === 3);
}

/** Steuerliche Identifikationsnummer: eleven digits, ISO 7064 MOD 11,10 check digit. */
export const GERMAN_TAX_ID: NationalIdFormat = {
  name: 'German tax identification number',
  pattern: wholeToken('[1-9][0-9] ?[0-9]{3} ?[0-9]{3} ?[0-9]{3}'),
  normalise(written) {
    const digits = compact(written);
    if (!hasTaxIdDigitPattern(digits)) return undefined;
    return mod11_10CheckDigit(digits.slice(0, 10)) === Number(digits.charAt(10))
      ? digits
      : undefined;
  },
  contextWords: ['steuer', 'idnr', 'identifikationsnummer', 'tax id', 'tin'],
};

/** Letters used in identity card serial numbers (no vowels, no B, D, Q, S). */
const SERIAL_CHAR = '[CFGHJKLMNPRTVWXYZ0-9]';
const WEIGHTS = [7, 3, 1];

function characterValue(char: string): number {
  const code = char.charCodeAt(0);
  return code <= 0x39 ? code - 0x30 : code - 0x41 + 10;
}

/** Personalausweis serial number (since 2010): authority letter, eight characters, check digit. */
export const GERMAN_ID_CARD: NationalIdFormat = {
  name: 'German identity card number',
  pattern: wholeToken(`[CFGHJKLMNPRTVWXYZ]${SERIAL_CHAR}{8}[0-9]`),
  normalise(written) {
    let sum = 0;
    for (let i = 0; i < 9; i++) sum += characterValue(written.charAt(i)) * (WEIGHTS[i % 3] ?? 0);
    return sum % 10 === Number(written.charAt(9)) ? written : undefined;
  },
  contextWords: ['ausweis', 'identity card', 'id card', 'id-card', 'passport', 'reisepass'],
};
