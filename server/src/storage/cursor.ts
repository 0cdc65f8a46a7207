import { ValidationError } from '../errors';

/**
 * Position after the last item of a page, for keyset paging: the values the list is ordered by
 * (numbers: times, ranks) and then the id that breaks ties.
 */
export interface CursorPosition {
  keys: number[];
  id: string;
}

export function encodeCursor(position: CursorPosition): string {
  return Buffer.from(JSON.stringify([...position.keys, position.id])).toString('base64url');
}

/** Reads a cursor of `keyCount` keys; anything else is refused as invalid. */
export function decodeCursor(cursor: string, keyCount = 1): CursorPosition {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(value) &&
      value.length === keyCount + 1 &&
      value.slice(0, keyCount).every((key) => Number.isSafeInteger(key)) &&
      typeof value[keyCount] === 'string'
    ) {
      return { keys: value.slice(0, keyCount) as number[], id: value[keyCount] as string };
    }
  } catch {
    // fall through to the uniform error below
  }
  throw new ValidationError('The cursor is not valid.', [{ path: 'cursor', message: 'invalid' }]);
}

/**
 * Builds a page from `limit + 1` fetched rows: the extra row only tells that more exist.
 * `keysOf` gives a row's ordering values (by default its creation time).
 */
export function toPage<T extends { createdAt: Date; id: string }>(
  rows: T[],
  limit: number,
  keysOf: (row: T) => number[] = (row) => [row.createdAt.getTime()],
): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  const nextCursor =
    rows.length > limit && last ? encodeCursor({ keys: keysOf(last), id: last.id }) : null;
  return { items, nextCursor };
}
