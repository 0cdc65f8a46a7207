import { type CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { joinsAfter, joinsBefore } from '../boundaries';
import type { Detection, PlaceholderType } from '../types';
import { detectPhones } from './phone';

const MIN_LITERAL_DIGITS = 6;

function lowerAscii(text: string): string {
  return text.replace(/[A-Z]+/g, (letters) => letters.toLowerCase());
}

/** Every whole-token occurrence of `literal` in `text`, ignoring ASCII case. */
function findLiteral(
  text: string,
  literal: string,
  type: PlaceholderType,
  value: string,
): Detection[] {
  const found: Detection[] = [];
  if (literal === '') return found;
  const haystack = lowerAscii(text);
  const needle = lowerAscii(literal);
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) {
    const end = at + needle.length;
    if (!joinsBefore(text, at) && !joinsAfter(text, end))
      found.push({ type, start: at, end, value });
  }
  return found;
}

/**
 * The reporter's own e-mail address wherever it recurs, even written in a form the e-mail
 * detector would not take for an address. Normalised as that detector does, so both agree.
 */
export function detectReporterEmail(text: string, email: string): Detection[] {
  const literal = email.trim();
  // Something short of an address ("@", "n/a") would match all over the text.
  if (!/^[^@\s]+@[^@\s]+$/.test(literal)) return [];
  return findLiteral(text, literal, 'EMAIL', literal.toLowerCase());
}

/**
 * The reporter's own phone number wherever it recurs, including in the national format of its
 * own country when that is not the report's region (a French reporter writing 06 … in a report
 * about Germany). A number libphonenumber cannot read is looked for as written.
 * `text` must have its digits folded.
 */
export function detectReporterPhone(
  text: string,
  phone: string,
  region: CountryCode | undefined,
): Detection[] {
  const parsed = parsePhoneNumberFromString(phone, region ? { defaultCountry: region } : {});
  if (!parsed?.isValid()) {
    const literal = phone.trim();
    const digits = literal.replace(/[^0-9]/g, '');
    // Too few digits to be a number of its own: "+", "112" would match all over the text.
    if (digits.length < MIN_LITERAL_DIGITS) return [];
    return findLiteral(text, literal, 'PHONE', digits);
  }
  // Every written form of the number contains its national number's digits in a row.
  const search = { containing: parsed.nationalNumber };
  return detectPhones(text, parsed.country ?? region, search).filter(
    (found) => found.value === parsed.number,
  );
}
