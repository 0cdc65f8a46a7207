/** One kind of national identity number: how it is written and how to tell a valid one. */
export interface NationalIdFormat {
  /** Which number this is, for readers and test names. */
  name: string;
  /** A global pattern for the written forms, built with `wholeToken`. */
  pattern: RegExp;
  /** The number without separators, upper case, when valid; otherwise undefined. */
  normalise(written: string): string | undefined;
  /**
   * For unformatted numbers too common to stand alone (any 11 digits could be a German tax ID):
   * one of these words (lower case) must appear shortly before.
   */
  contextWords?: readonly string[];
}

/** The number without the spaces, dots, dashes and slashes it is printed with, upper case. */
export function compact(written: string): string {
  return written.replace(/[\s./-]/g, '').toUpperCase();
}

/** Whether every character is the same, as in placeholder numbers like 111.111.111-11. */
export function isRepetition(value: string): boolean {
  return /^(.)\1*$/.test(value);
}
