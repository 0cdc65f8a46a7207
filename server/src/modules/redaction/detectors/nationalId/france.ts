import { wholeToken } from '../../boundaries';
import { remainder } from '../../checksums';
import { compact, type NationalIdFormat } from './format';

/**
 * NIR (numéro de sécurité sociale): sex, year, month, département (2A/2B for Corsica), commune,
 * order number, then a key of 97 minus the first 13 digits modulo 97.
 */
export const FRENCH_NIR: NationalIdFormat = {
  name: 'French social security number (NIR)',
  pattern: wholeToken(
    '[1-478] ?[0-9]{2} ?[0-9]{2} ?(?:[0-9]{2}|2[AB]) ?[0-9]{3} ?[0-9]{3} ?[0-9]{2}',
    'i',
  ),
  normalise(written) {
    const number = compact(written);
    // Corsica's 2A and 2B count as 19 and 18 in the key.
    const numeric = number.slice(0, 5) + number.slice(5, 7).replace('2A', '19').replace('2B', '18');
    const key = 97 - remainder(numeric + number.slice(7, 13), 97);
    return key === Number(number.slice(13)) ? number : undefined;
  },
};
