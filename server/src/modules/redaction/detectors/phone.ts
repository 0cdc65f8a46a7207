import {
  type CountryCode,
  type PhoneNumber,
  findPhoneNumbersInText,
  isSupportedCountry,
  parsePhoneNumberFromString,
} from 'libphonenumber-js/max';
import { joinsAfter, joinsBefore } from '../boundaries';
import type { Detection } from '../types';

/**
 * Digits joined by the separators people write in phone numbers: spaces, dots, dashes and
 * parentheses (`+44 (0)20 7946 0018`, `(202) 555-0199`, `8 (912) 345-67-89`). Each separator is
 * followed by a digit, so the pattern cannot backtrack over a run more than once.
 */
const PHONE_RUN = /\+?\(?[0-9]+(?:(?:[ .\-\u00a0\u2009\u202f]|\)[ \u00a0]?|[ \u00a0]?\()[0-9]+)*/g;

/**
 * Fewer digits make at best a local number without its area code (a few very small countries
 * aside), not worth a call to libphonenumber.
 */
const MIN_DIGITS = 7;
/**
 * libphonenumber's matcher costs tens of microseconds per character of a digit-dense run and finds
 * nothing in a long one; a run this long is a table of figures, not a phone number.
 */
const MAX_RUN_LENGTH = 48;

/**
 * The end of a phrase announcing a reference number ("order no. ", "commande n° ", "заказа № ",
 * "رقم الطلب: ", "订单号："), which a national-format phone number may look like.
 */
const REFERENCE_BEFORE = new RegExp(
  [
    '(?:^|[^\\p{L}\\p{N}])(?:order|invoice|ticket|tracking|parcel|ref|reference|id|transaction',
    '|txn|booking|reservation|confirmation|receipt|commande|facture',
    '|colis|suivi|dossier|pedido|factura|env[ií]o|seguimiento|bestellung|rechnung|sendung',
    '|заказ\\p{L}*|сч[её]т\\p{L}*|накладн\\p{L}*|трек\\p{L}*|(?:ال)?(?:طلب|فاتورة|شحنة|تتبع))',
    '[^\\p{L}\\p{N}]*(?:(?:no|nr|n°|nº|number|num[ée]ro|nummer|номер)[^\\p{L}\\p{N}]*)?$',
    '|(?:订单|单号|运单|快递|编号)号?[^\\p{L}\\p{N}]*$',
    '|[#№][^\\p{L}\\p{N}]*$',
  ].join(''),
  'u',
);

/** A date written with one separator throughout (03.05.2024, 15/03/24, 2024-03-15). */
const DATE =
  /^(?:[0-9]{1,2}([./-])[0-9]{1,2}\1(?:[0-9]{2}|[0-9]{4})|[0-9]{4}([./-])[0-9]{1,2}\2[0-9]{1,2})$/;

function announcesReference(text: string, index: number): boolean {
  return REFERENCE_BEFORE.test(text.slice(Math.max(0, index - 32), index).toLowerCase());
}

/** A region libphonenumber knows, from an ISO 3166-1 alpha-2 code in any case. */
export function phoneRegion(code: string | undefined): CountryCode | undefined {
  const upper = code?.trim().toUpperCase() ?? '';
  return isSupportedCountry(upper) ? upper : undefined;
}

function digitsOf(run: string): string {
  return run.replace(/[^0-9]/g, '');
}

interface RunMatch {
  /** Offsets within the run. */
  startsAt: number;
  endsAt: number;
  number: PhoneNumber;
  international: boolean;
}

/**
 * The phone numbers in a run: the whole run read as one number, or else, when the run has more
 * than one group (a year written after the number …), what libphonenumber's matcher finds inside.
 * Reading the whole run first costs a fraction of the matcher's search.
 */
function numbersInRun(written: string, region: CountryCode | undefined): RunMatch[] {
  // `00` is the international prefix in most of the world: read it as `+` even when the region
  // is unknown or dials abroad otherwise.
  const dialledAbroad = /^00[1-9]/.test(written);
  const international = dialledAbroad ? `+${written.slice(2)}` : written;
  const defaults = region ? { defaultCountry: region } : {};
  const whole = parsePhoneNumberFromString(international, { ...defaults, extract: false });
  if (whole?.isValid()) {
    return [
      {
        startsAt: 0,
        endsAt: written.length,
        number: whole,
        international: international.startsWith('+'),
      },
    ];
  }
  if (/^[+(]?[0-9]+$/.test(written)) return [];
  // The same length as the run, so the matcher's offsets are the run's.
  const candidate = dialledAbroad ? ` +${written.slice(2)}` : written;
  return findPhoneNumbersInText(candidate, defaults).map((match) => ({
    startsAt: dialledAbroad && match.startsAt === 1 ? 0 : match.startsAt,
    endsAt: match.endsAt,
    number: match.number,
    international: candidate.charAt(match.startsAt) === '+',
  }));
}

export interface PhoneSearch {
  /** Only numbers whose digits contain these: a national number being looked for. */
  containing?: string;
  /** Whether a more specific detector claimed part of a span: such runs are left to it. */
  isClaimed?: (start: number, end: number) => boolean;
}

/**
 * Valid phone numbers (libphonenumber's full metadata), normalised to E.164: international ones
 * (`+…`, or `00…`) anywhere, national ones when the region is known. A national-format number
 * right after words like "order no." or "#" is taken for the reference it is announced as, and a
 * run shaped like a date for a date. `text` must have its digits folded to ASCII.
 */
export function detectPhones(
  text: string,
  region: CountryCode | undefined,
  search: PhoneSearch = {},
): Detection[] {
  const found: Detection[] = [];
  for (const run of text.matchAll(PHONE_RUN)) {
    const runStart = run.index;
    const written = run[0];
    const runEnd = runStart + written.length;
    const digits = digitsOf(written);
    if (written.length > MAX_RUN_LENGTH || digits.length < MIN_DIGITS) continue;
    if (DATE.test(written)) continue;
    if (joinsBefore(text, runStart) || joinsAfter(text, runEnd)) continue;
    if (search.containing !== undefined && !digits.includes(search.containing)) continue;
    if (search.isClaimed?.(runStart, runEnd)) continue;

    for (const match of numbersInRun(written, region)) {
      const start = runStart + match.startsAt;
      if (!match.international && announcesReference(text, start)) continue;
      found.push({
        type: 'PHONE',
        start,
        end: runStart + match.endsAt,
        value: match.number.number,
      });
    }
  }
  return found;
}
