import { wholeToken } from '../../boundaries';
import { isVerhoeffValid } from '../../checksums';
import { compact, type NationalIdFormat } from './format';

function normaliseAadhaar(written: string): string | undefined {
  const digits = compact(written);
  // UIDAI issues no palindromes.
  if (digits === [...digits].reverse().join('')) return undefined;
  return isVerhoeffValid(digits) ? digits : undefined;
}

/** Aadhaar: twelve digits, never starting with 0 or 1, Verhoeff check digit, printed 4-4-4. */
export const INDIAN_AADHAAR: NationalIdFormat = {
  name: 'Indian Aadhaar number',
  pattern: wholeToken('[2-9][0-9]{3}([ -])[0-9]{4}\\1[0-9]{4}'),
  normalise: normaliseAadhaar,
};

export const INDIAN_AADHAAR_UNFORMATTED: NationalIdFormat = {
  name: 'Indian Aadhaar number without spaces',
  pattern: wholeToken('[2-9][0-9]{11}'),
  normalise: normaliseAadhaar,
  contextWords: ['aadhaar', 'aadhar', 'आधार', 'uidai'],
};
