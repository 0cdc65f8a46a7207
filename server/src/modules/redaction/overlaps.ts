import type { Detection, PlaceholderType } from './types';

/**
 * Which type wins where detections overlap, most specific first: a credential in a URL before the
 * e-mail address it may contain, an IBAN or card number before the phone number its digits could
 * also spell, and any structured datum before a name inside it.
 */
const PRECEDENCE: Record<PlaceholderType, number> = {
  SECRET: 0,
  EMAIL: 1,
  IBAN: 2,
  CARD: 3,
  NATIONAL_ID: 4,
  IP: 5,
  PHONE: 6,
  NAME: 7,
};

/** Whether a span overlaps one of the detections, answered in time proportional to its length. */
export function claimedBy(
  detections: readonly Detection[],
  textLength: number,
): (start: number, end: number) => boolean {
  const claimed = new Uint8Array(textLength);
  for (const detection of detections) claimed.fill(1, detection.start, detection.end);
  return (start, end) => claimed.subarray(start, end).includes(1);
}

/**
 * Non-overlapping detections in text order. Candidates are taken by precedence, then longest,
 * then leftmost; one is kept only if none of its characters is already taken. The marks cost one
 * byte per character of text, and each candidate is checked over its own length only.
 */
export function resolveOverlaps(detections: readonly Detection[], textLength: number): Detection[] {
  const candidates = detections
    .filter((detection) => detection.end > detection.start)
    .sort(
      (a, b) =>
        PRECEDENCE[a.type] - PRECEDENCE[b.type] ||
        b.end - b.start - (a.end - a.start) ||
        a.start - b.start,
    );
  const taken = new Uint8Array(textLength);
  const kept: Detection[] = [];
  for (const candidate of candidates) {
    if (taken.subarray(candidate.start, candidate.end).includes(1)) continue;
    taken.fill(1, candidate.start, candidate.end);
    kept.push(candidate);
  }
  return kept.sort((a, b) => a.start - b.start);
}
