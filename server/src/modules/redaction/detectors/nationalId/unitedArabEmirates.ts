import { wholeToken } from '../../boundaries';
import { isLuhnValid } from '../../checksums';
import { compact, type NationalIdFormat } from './format';

/** Emirates ID: 784 (the country's ISO numeric code), birth year, serial, Luhn check digit. */
export const EMIRATES_ID: NationalIdFormat = {
  name: 'Emirates ID number',
  pattern: wholeToken('784-?(?:19|20)[0-9]{2}-?[0-9]{7}-?[0-9]'),
  normalise(written) {
    const digits = compact(written);
    return isLuhnValid(digits) ? digits : undefined;
  },
};
