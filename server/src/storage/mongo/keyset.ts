import { trusted } from 'mongoose';
import type { CursorPosition } from '../cursor';

/** The range of a JavaScript `Date`, in ms; a cursor's time is clamped into it. */
const MAX_TIME = 8.64e15;

/**
 * The filter for the rows after `position` in (createdAt, _id) order, ascending (1) or
 * descending (-1): the same keyset as SQLite's `(created_at, id) > (?, ?)`. Written as a range on
 * `createdAt` narrowed by an `$or`, so that the {createdAt, _id} indexes bound the scan.
 */
export function keysetAfter(position: CursorPosition, direction: 1 | -1) {
  // A cursor is decoded from client input: any safe integer. Clamping keeps the comparison the
  // same for every stored time while giving MongoDB a valid date.
  const at = new Date(Math.max(-MAX_TIME, Math.min(MAX_TIME, position.at)));
  const [strict, inclusive] = direction === 1 ? ['$gt', '$gte'] : ['$lt', '$lte'];
  return {
    createdAt: trusted({ [inclusive]: at }),
    $or: [{ createdAt: trusted({ [strict]: at }) }, { _id: trusted({ [strict]: position.id }) }],
  };
}
