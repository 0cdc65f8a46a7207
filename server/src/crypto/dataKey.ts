/** An unwrapped data-encryption key and the id that sealed data names it by. */
export interface DataKey {
  /** base64url, so it is safe inside sealed strings, stream headers and setting names. */
  readonly id: string;
  readonly key: Buffer;
}

export const DATA_KEY_ID = /^[A-Za-z0-9_-]{1,64}$/;
