import { foldDigits } from './digits';
import { detectCards } from './detectors/card';
import { detectEmails } from './detectors/email';
import { detectIbans } from './detectors/iban';
import { detectIPs } from './detectors/ip';
import { detectNationalIds } from './detectors/nationalId';
import { detectPhones, phoneRegion } from './detectors/phone';
import { detectReporterEmail, detectReporterPhone } from './detectors/reporterContact';
import { detectReporterName } from './detectors/reporterName';
import { detectUrlSecrets } from './detectors/urlSecret';
import { claimedBy, resolveOverlaps } from './overlaps';
import { PlaceholderBook, type RedactionState } from './state';
import type { Detection, PlaceholderType } from './types';

/** The reporter's own contact details, as they gave them; looked for wherever they recur. */
export interface ReporterContact {
  /** The name they gave (given name, or full name whose longer parts are looked for too). */
  name?: string;
  email?: string;
  phone?: string;
}

export interface DetectionContext {
  /** ISO 3166-1 alpha-2 code of the report's country: phone numbers in its national format. */
  defaultRegion?: string;
  reporter?: ReporterContact;
}

export interface RedactionContext extends DetectionContext {
  /** The server's key for the state's hashes (32 bytes or more), never stored with the case. */
  hmacKey: Buffer;
}

export interface Redaction {
  text: string;
  state: RedactionState;
  /** One entry per replaced span, in text order. */
  found: Array<{ type: PlaceholderType; placeholder: string }>;
}

const MIN_KEY_BYTES = 32;

/**
 * The personal data in `text`, each a span of the text with its type and normalised value,
 * non-overlapping, in text order. The result holds data in clear: keep it in memory.
 */
export function detectPersonalData(text: string, context: DetectionContext = {}): Detection[] {
  // Detectors read digits of any script as ASCII; offsets are unchanged.
  const folded = foldDigits(text);
  const region = phoneRegion(context.defaultRegion);
  const { name, email, phone } = context.reporter ?? {};
  // Phone numbers come after every more specific type: runs of digits those claimed (a card,
  // an IBAN …) would lose to them anyway, and libphonenumber is the slowest detector.
  const specific = [
    ...detectUrlSecrets(folded),
    ...detectEmails(folded),
    ...detectIbans(folded),
    ...detectCards(folded),
    ...detectNationalIds(folded),
    ...detectIPs(folded),
  ];
  const isClaimed = claimedBy(specific, text.length);
  const detections = [
    ...specific,
    ...detectPhones(folded, region, { isClaimed }),
    ...(email ? detectReporterEmail(folded, email) : []),
    ...(phone ? detectReporterPhone(folded, foldDigits(phone), region) : []),
    ...(name ? detectReporterName(text, name) : []),
  ];
  return resolveOverlaps(detections, text.length);
}

/**
 * `text` with its personal data replaced by typed placeholders (`[EMAIL-1]`), numbered per case:
 * a value met before in the case, as recorded in `state`, gets its earlier placeholder. Returns
 * the new state to store with the case; the given one is not modified.
 */
export function redact(text: string, context: RedactionContext, state: RedactionState): Redaction {
  if (context.hmacKey.length < MIN_KEY_BYTES) {
    throw new RangeError(`The redaction key must have at least ${MIN_KEY_BYTES} bytes.`);
  }
  const book = new PlaceholderBook(context.hmacKey, state);
  const found: Redaction['found'] = [];
  let redacted = '';
  let copiedUpTo = 0;
  for (const detection of detectPersonalData(text, context)) {
    const placeholder = `[${book.labelFor(detection.type, detection.value)}]`;
    redacted += text.slice(copiedUpTo, detection.start) + placeholder;
    copiedUpTo = detection.end;
    found.push({ type: detection.type, placeholder });
  }
  return { text: redacted + text.slice(copiedUpTo), state: book.state(), found };
}
