import type { Storage } from '../../storage';
import type { PeopleLookup, Person } from './casePresenter';

/** Staff names by id, each looked up once per lookup (one request's worth). */
export function peopleLookup(storage: Pick<Storage, 'users'>): PeopleLookup {
  const known = new Map<string, Promise<Person | null>>();
  return (id) => {
    if (id === null) return Promise.resolve(null);
    let person = known.get(id);
    if (!person) {
      person = storage.users
        .get(id)
        .then((user) => (user ? { id: user.id, displayName: user.displayName } : null));
      known.set(id, person);
    }
    return person;
  };
}
