/**
 * Sealed bytes that cannot be opened: unreadable framing, a data key this server cannot find or
 * unwrap, or data that does not authenticate (tampered, truncated, or opened under another AAD).
 * It is never the caller's fault, so it stays outside the HTTP hierarchy and answers as a 500.
 */
export class SealedDataError extends Error {
  constructor(
    readonly reason: 'malformed' | 'unknown_key' | 'not_authentic' | 'truncated',
    message: string,
  ) {
    super(message);
    this.name = 'SealedDataError';
  }
}
