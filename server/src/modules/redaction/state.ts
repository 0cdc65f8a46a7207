import { createHmac } from 'node:crypto';
import type { PlaceholderType } from './types';

/**
 * What a case remembers between redactions so that a value keeps its placeholder: for each value
 * seen, a keyed hash of it (never the value) and the placeholder it got; per type, the number the
 * next new value will get. Plain JSON, stored with the case.
 */
export interface RedactionState {
  v: 1;
  next: Partial<Record<PlaceholderType, number>>;
  /** base64url HMAC-SHA-256 of type and normalised value → placeholder label, e.g. "EMAIL-1". */
  seen: Record<string, string>;
}

export function emptyRedactionState(): RedactionState {
  return { v: 1, next: {}, seen: {} };
}

/** A state's key for a value: the type is hashed in so that equal strings of two types differ. */
export function stateKey(hmacKey: Buffer, type: PlaceholderType, value: string): string {
  return createHmac('sha256', hmacKey).update(`${type}\u0000${value}`).digest('base64url');
}

/**
 * Gives out placeholder labels for one redaction, starting from a case's state and leaving it
 * untouched: the labels given are collected in a new state.
 */
export class PlaceholderBook {
  private readonly next: Partial<Record<PlaceholderType, number>>;
  private readonly seen: Record<string, string>;

  constructor(
    private readonly hmacKey: Buffer,
    state: RedactionState,
  ) {
    this.next = { ...state.next };
    this.seen = { ...state.seen };
  }

  /** The label of a value: the one it had before in this case, or the type's next number. */
  labelFor(type: PlaceholderType, value: string): string {
    const key = stateKey(this.hmacKey, type, value);
    const known = Object.hasOwn(this.seen, key) ? this.seen[key] : undefined;
    if (known !== undefined) return known;
    const number = this.next[type] ?? 1;
    const label = `${type}-${number}`;
    this.seen[key] = label;
    this.next[type] = number + 1;
    return label;
  }

  state(): RedactionState {
    return { v: 1, next: { ...this.next }, seen: { ...this.seen } };
  }
}
