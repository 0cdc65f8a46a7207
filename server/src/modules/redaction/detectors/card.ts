import { joinsAfter, joinsBefore } from '../boundaries';
import { isLuhnValid } from '../checksums';
import type { Detection } from '../types';

/** Groups of digits joined by single spaces or dashes, as card numbers are written. */
const DIGIT_GROUPS = /[0-9]+(?:[ \-\u00a0\u202f][0-9]+)*/g;
const GROUP = /[0-9]+/g;

interface IssuerRange {
  from: number;
  to: number;
  /** How many leading digits `from` and `to` describe. */
  digits: number;
  lengths: readonly number[];
}

const ANY_LENGTH = [13, 14, 15, 16, 17, 18, 19];
const SIXTEEN_TO_NINETEEN = [16, 17, 18, 19];

/** Issuer identification number ranges of the card schemes in use (ISO/IEC 7812). */
const ISSUER_RANGES: readonly IssuerRange[] = [
  { from: 4, to: 4, digits: 1, lengths: [13, 16, 19] }, // Visa
  { from: 51, to: 55, digits: 2, lengths: [16] }, // Mastercard
  { from: 2221, to: 2720, digits: 4, lengths: [16] }, // Mastercard 2-series
  { from: 34, to: 34, digits: 2, lengths: [15] }, // American Express
  { from: 37, to: 37, digits: 2, lengths: [15] },
  { from: 300, to: 305, digits: 3, lengths: [14, 16, 17, 18, 19] }, // Diners Club
  { from: 36, to: 36, digits: 2, lengths: [14, 16, 17, 18, 19] },
  { from: 38, to: 39, digits: 2, lengths: [14, 16, 17, 18, 19] },
  { from: 3528, to: 3589, digits: 4, lengths: SIXTEEN_TO_NINETEEN }, // JCB
  { from: 2200, to: 2204, digits: 4, lengths: SIXTEEN_TO_NINETEEN }, // Mir
  { from: 6011, to: 6011, digits: 4, lengths: SIXTEEN_TO_NINETEEN }, // Discover
  { from: 644, to: 649, digits: 3, lengths: SIXTEEN_TO_NINETEEN },
  { from: 65, to: 65, digits: 2, lengths: SIXTEEN_TO_NINETEEN }, // Discover, RuPay
  { from: 62, to: 62, digits: 2, lengths: SIXTEEN_TO_NINETEEN }, // UnionPay
  { from: 60, to: 60, digits: 2, lengths: [16] }, // RuPay
  { from: 81, to: 82, digits: 2, lengths: [16] },
  { from: 50, to: 50, digits: 2, lengths: ANY_LENGTH }, // Maestro
  { from: 56, to: 69, digits: 2, lengths: ANY_LENGTH },
];

export function hasPlausibleIssuer(digits: string): boolean {
  return ISSUER_RANGES.some((range) => {
    const prefix = Number(digits.slice(0, range.digits));
    return prefix >= range.from && prefix <= range.to && range.lengths.includes(digits.length);
  });
}

/**
 * Whether group lengths are a way card numbers are printed: one block, blocks of four (the last
 * may be shorter), or American Express and Diners 4-6-5 and 4-6-4.
 */
function isCardGrouping(lengths: readonly number[]): boolean {
  if (lengths.length === 1) return true;
  if (lengths.length === 3 && lengths[0] === 4 && lengths[1] === 6) {
    return lengths[2] === 5 || lengths[2] === 4;
  }
  return lengths.every((length, i) => length === 4 || (i === lengths.length - 1 && length < 4));
}

interface Group {
  start: number;
  end: number;
}

/**
 * Payment card numbers: 13–19 digits, Luhn-valid, with an issuer prefix and length that a card
 * scheme uses. Within a run of digit groups (a card number followed by an expiry date, say), every
 * window of whole groups is tried, the longest valid one kept. `text` must have its digits folded.
 */
export function detectCards(text: string): Detection[] {
  const found: Detection[] = [];
  for (const run of text.matchAll(DIGIT_GROUPS)) {
    const runEnd = run.index + run[0].length;
    if (joinsBefore(text, run.index) || joinsAfter(text, runEnd)) continue;
    const groups: Group[] = [...run[0].matchAll(GROUP)].map((group) => ({
      start: run.index + group.index,
      end: run.index + group.index + group[0].length,
    }));
    for (let first = 0; first < groups.length; first++) {
      let longest: Detection | undefined;
      let longestLast = first;
      let digits = '';
      const lengths: number[] = [];
      for (let last = first; last < groups.length && digits.length <= 19; last++) {
        const group = groups[last] as Group;
        digits += text.slice(group.start, group.end);
        lengths.push(group.end - group.start);
        if (digits.length < 13 || digits.length > 19) continue;
        if (!isCardGrouping(lengths) || !hasPlausibleIssuer(digits) || !isLuhnValid(digits)) {
          continue;
        }
        longest = {
          type: 'CARD',
          start: (groups[first] as Group).start,
          end: group.end,
          value: digits,
        };
        longestLast = last;
      }
      if (longest) {
        found.push(longest);
        first = longestLast;
      }
    }
  }
  return found;
}
