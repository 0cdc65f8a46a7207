import { wholeToken } from '../../boundaries';
import { compact, type NationalIdFormat } from './format';

const CHECK_LETTERS = 'TRWAGMYFPDXBNJZSQVHLCKE';

function hasCheckLetter(digits: string, letter: string): boolean {
  return CHECK_LETTERS.charAt(Number(digits) % 23) === letter;
}

export const SPANISH_DNI: NationalIdFormat = {
  name: 'Spanish DNI',
  pattern: wholeToken('[0-9]{8}[ -]?[A-Z]', 'i'),
  normalise(written) {
    const number = compact(written);
    return hasCheckLetter(number.slice(0, 8), number.charAt(8)) ? number : undefined;
  },
};

/** NIE (foreigners' number): X, Y or Z stand for 0, 1 or 2 in the check. */
export const SPANISH_NIE: NationalIdFormat = {
  name: 'Spanish NIE',
  pattern: wholeToken('[XYZ][ -]?[0-9]{7}[ -]?[A-Z]', 'i'),
  normalise(written) {
    const number = compact(written);
    const digits = String('XYZ'.indexOf(number.charAt(0))) + number.slice(1, 8);
    return hasCheckLetter(digits, number.charAt(8)) ? number : undefined;
  },
};
