/** The kinds of personal data that redaction replaces, each with its own placeholder series. */
export const PLACEHOLDER_TYPES = [
  'EMAIL',
  'PHONE',
  'IP',
  'CARD',
  'IBAN',
  'NATIONAL_ID',
  'SECRET',
  'NAME',
] as const;

export type PlaceholderType = (typeof PLACEHOLDER_TYPES)[number];

/**
 * A piece of personal data found in a text: where it is (UTF-16 offsets, end exclusive) and its
 * normalised value, which decides when two spellings are the same datum (an e-mail lower-cased,
 * a phone number in E.164 …). It holds data in clear, so it lives in memory only.
 */
export interface Detection {
  type: PlaceholderType;
  start: number;
  end: number;
  value: string;
}
