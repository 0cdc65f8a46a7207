import type { Storage } from '../../storage';
import type { PeopleLookup } from './casePresenter';
import { memoise } from './memoise';

/** Staff names by id, each looked up once per lookup (one request's worth). */
export function peopleLookup(storage: Pick<Storage, 'users'>): PeopleLookup {
  const person = memoise(async (id) => {
    const user = await storage.users.get(id);
    return user ? { id: user.id, displayName: user.displayName } : null;
  });
  return (id) => (id === null ? Promise.resolve(null) : person(id));
}
