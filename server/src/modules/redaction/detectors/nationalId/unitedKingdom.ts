import { wholeToken } from '../../boundaries';
import { compact, type NationalIdFormat } from './format';

/** Prefixes that HMRC does not allocate (besides those with D, F, I, Q, U, V, or O second). */
const UNALLOCATED_PREFIXES = new Set(['BG', 'GB', 'KN', 'NK', 'NT', 'TN', 'ZZ']);

export const UK_NATIONAL_INSURANCE: NationalIdFormat = {
  name: 'UK National Insurance number',
  pattern: wholeToken('[A-Z]{2} ?[0-9]{2} ?[0-9]{2} ?[0-9]{2} ?[A-D]', 'i'),
  normalise(written) {
    const number = compact(written);
    const prefix = number.slice(0, 2);
    if (!/^[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]$/.test(prefix)) return undefined;
    return UNALLOCATED_PREFIXES.has(prefix) ? undefined : number;
  },
};
