import { wholeToken } from '../../boundaries';
import { compact, type NationalIdFormat } from './format';

/** Numbers published in advertising and on sample cards, never issued to a person. */
const PUBLISHED_SAMPLES = new Set(['078051120', '457555462', '219099999']);

function normaliseSsn(written: string): string | undefined {
  const digits = compact(written);
  const area = digits.slice(0, 3);
  // Area 000, 666 and 9xx, group 00 and serial 0000 are never issued.
  if (area === '000' || area === '666' || area.startsWith('9')) return undefined;
  if (digits.slice(3, 5) === '00' || digits.slice(5) === '0000') return undefined;
  return PUBLISHED_SAMPLES.has(digits) ? undefined : digits;
}

export const US_SSN: NationalIdFormat = {
  name: 'US Social Security number',
  pattern: wholeToken('[0-9]{3}-[0-9]{2}-[0-9]{4}'),
  normalise: normaliseSsn,
};

export const US_SSN_UNFORMATTED: NationalIdFormat = {
  name: 'US Social Security number without dashes',
  pattern: wholeToken('[0-9]{3} ?[0-9]{2} ?[0-9]{4}'),
  normalise: normaliseSsn,
  contextWords: ['ssn', 'social security'],
};
