import { wholeToken } from '../../boundaries';
import { compact, type NationalIdFormat } from './format';

/** SNILS check number: digits weighted 9 down to 1, reduced modulo 101, 100 counting as 0. */
function snilsCheck(digits: string): number {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(digits.charAt(i)) * (9 - i);
  return (sum % 101) % 100;
}

function normaliseSnils(written: string): string | undefined {
  const digits = compact(written);
  return snilsCheck(digits) === Number(digits.slice(9)) ? digits : undefined;
}

/** SNILS (pension insurance number), printed 123-456-789 01. */
export const RUSSIAN_SNILS: NationalIdFormat = {
  name: 'Russian SNILS',
  pattern: wholeToken('[0-9]{3}-[0-9]{3}-[0-9]{3}[ -][0-9]{2}'),
  normalise: normaliseSnils,
};

export const RUSSIAN_SNILS_UNFORMATTED: NationalIdFormat = {
  name: 'Russian SNILS without separators',
  pattern: wholeToken('[0-9]{11}'),
  normalise: normaliseSnils,
  contextWords: ['снилс', 'snils'],
};

const INN_WEIGHTS = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8];

/** A check digit of the INN: the weights' tail that fits `digits`, sum modulo 11, modulo 10. */
function innCheckDigit(digits: string): number {
  const weights = INN_WEIGHTS.slice(INN_WEIGHTS.length - digits.length);
  let sum = 0;
  for (let i = 0; i < digits.length; i++) sum += Number(digits.charAt(i)) * (weights[i] ?? 0);
  return (sum % 11) % 10;
}

/** A person's INN (taxpayer number): twelve digits, the last two check digits. */
export const RUSSIAN_PERSONAL_INN: NationalIdFormat = {
  name: 'Russian personal INN',
  pattern: wholeToken('[0-9]{12}'),
  normalise(written) {
    const digits = compact(written);
    const valid =
      innCheckDigit(digits.slice(0, 10)) === Number(digits.charAt(10)) &&
      innCheckDigit(digits.slice(0, 11)) === Number(digits.charAt(11));
    return valid ? digits : undefined;
  },
  contextWords: ['инн', 'inn'],
};
