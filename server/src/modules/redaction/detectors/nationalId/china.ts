import { wholeToken } from '../../boundaries';
import { mod11_2CheckCharacter } from '../../checksums';
import { compact, type NationalIdFormat } from './format';

function isCalendarDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * Resident identity card number (GB 11643-1999): six-digit region code, birth date YYYYMMDD,
 * sequence number, ISO 7064 MOD 11-2 check character.
 */
export const CHINESE_RESIDENT_ID: NationalIdFormat = {
  name: 'Chinese resident identity card number',
  pattern: wholeToken('[1-8][0-9]{5}(?:19|20)[0-9]{2}[01][0-9][0-3][0-9][0-9]{3}[0-9X]', 'i'),
  normalise(written) {
    const number = compact(written);
    const birth = number.slice(6, 14);
    const valid =
      isCalendarDate(
        Number(birth.slice(0, 4)),
        Number(birth.slice(4, 6)),
        Number(birth.slice(6)),
      ) && mod11_2CheckCharacter(number) === number.charAt(17);
    return valid ? number : undefined;
  },
};
