import { hasWordBefore } from '../../boundaries';
import type { Detection } from '../../types';
import { BRAZILIAN_CPF, BRAZILIAN_CPF_UNFORMATTED } from './brazil';
import { CHINESE_RESIDENT_ID } from './china';
import type { NationalIdFormat } from './format';
import { FRENCH_NIR } from './france';
import { GERMAN_ID_CARD, GERMAN_TAX_ID } from './germany';
import { INDIAN_AADHAAR, INDIAN_AADHAAR_UNFORMATTED } from './india';
import { ITALIAN_CODICE_FISCALE } from './italy';
import { RUSSIAN_PERSONAL_INN, RUSSIAN_SNILS, RUSSIAN_SNILS_UNFORMATTED } from './russia';
import { SPANISH_DNI, SPANISH_NIE } from './spain';
import { UK_NATIONAL_INSURANCE } from './unitedKingdom';
import { EMIRATES_ID } from './unitedArabEmirates';
import { US_SSN, US_SSN_UNFORMATTED } from './unitedStates';

export const NATIONAL_ID_FORMATS: readonly NationalIdFormat[] = [
  US_SSN,
  US_SSN_UNFORMATTED,
  UK_NATIONAL_INSURANCE,
  FRENCH_NIR,
  SPANISH_DNI,
  SPANISH_NIE,
  ITALIAN_CODICE_FISCALE,
  GERMAN_TAX_ID,
  GERMAN_ID_CARD,
  BRAZILIAN_CPF,
  BRAZILIAN_CPF_UNFORMATTED,
  INDIAN_AADHAAR,
  INDIAN_AADHAAR_UNFORMATTED,
  CHINESE_RESIDENT_ID,
  RUSSIAN_SNILS,
  RUSSIAN_SNILS_UNFORMATTED,
  RUSSIAN_PERSONAL_INN,
  EMIRATES_ID,
];

/** National identity numbers whose check digits (or allocation rules) hold; `text` digit-folded. */
export function detectNationalIds(text: string): Detection[] {
  const found: Detection[] = [];
  for (const format of NATIONAL_ID_FORMATS) {
    for (const match of text.matchAll(format.pattern)) {
      const value = format.normalise(match[0]);
      if (value === undefined) continue;
      if (format.contextWords && !hasWordBefore(text, match.index, format.contextWords)) continue;
      found.push({
        type: 'NATIONAL_ID',
        start: match.index,
        end: match.index + match[0].length,
        value,
      });
    }
  }
  return found;
}
