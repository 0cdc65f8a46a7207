import { trusted } from 'mongoose';
import type { CursorPosition } from '../cursor';

/** The range of a JavaScript `Date`, in ms; a cursor's time is clamped into it. */
const MAX_TIME = 8.64e15;

/** A field a list is ordered by, and whether it holds dates (cursor keys are numbers). */
export interface KeyField {
  name: string;
  date: boolean;
}

const CREATED_AT: KeyField[] = [{ name: 'createdAt', date: true }];

/**
 * The filter for the documents after `position` in (fields…, _id) order, all ascending (1) or all
 * descending (-1): the same keyset as SQLite's `(a, b, id) > (?, ?, ?)`. Written as a range on
 * the first field narrowed by an `$or`, so that indexes leading with these fields bound the scan.
 */
export function keysetAfter(
  position: CursorPosition,
  direction: 1 | -1,
  fields: KeyField[] = CREATED_AT,
) {
  // A cursor is decoded from client input: any safe integers. Clamping keeps the comparison the
  // same for every stored time while giving MongoDB a valid date.
  const values = fields.map((field, index) => {
    const key = position.keys[index]!;
    return field.date ? new Date(Math.max(-MAX_TIME, Math.min(MAX_TIME, key))) : key;
  });
  const [strict, inclusive] = direction === 1 ? ['$gt', '$gte'] : ['$lt', '$lte'];
  const names = [...fields.map((field) => field.name), '_id'];
  const all = [...values, position.id];
  const branches = names.map((name, index) => {
    const branch: Record<string, unknown> = {};
    for (let before = 0; before < index; before += 1) branch[names[before]!] = all[before];
    branch[name] = trusted({ [strict]: all[index] });
    return branch;
  });
  return { [names[0]!]: trusted({ [inclusive]: all[0] }), $or: branches };
}
