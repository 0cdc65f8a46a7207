import { ConflictError } from '../../errors';

/**
 * Runs the engine's conditional writes (updates, pulls, conditional deletes) one at a time per
 * database when the server is FerretDB v1, and straight away on MongoDB.
 *
 * MongoDB applies an update to one document atomically. FerretDB v1 does not: it reads the
 * document, applies the update in Go and writes the whole document back, so two concurrent
 * `findOneAndUpdate({_id, version: 3})` can both succeed and a concurrent `$push` can be lost.
 * Inserts are safe there (unique indexes hold). Queueing the writes makes FerretDB correct for
 * every `MongoStorage` in this process, which is what it is for here: development and tests.
 * Several processes sharing one FerretDB v1 database are not safe; production runs on MongoDB.
 */
export class WriteGate {
  private static readonly queues = new Map<string, Promise<unknown>>();

  /** `key` names the database to serialise on, or `null` for a server that needs none. */
  constructor(private readonly key: string | null) {}

  get serialised(): boolean {
    return this.key !== null;
  }

  run<T>(write: () => Promise<T>): Promise<T> {
    const key = this.key;
    if (key === null) return write();
    const previous = WriteGate.queues.get(key) ?? Promise.resolve();
    const result = previous.then(write);
    const settled = result.then(
      () => undefined,
      () => undefined,
    );
    WriteGate.queues.set(key, settled);
    void settled.then(() => {
      if (WriteGate.queues.get(key) === settled) WriteGate.queues.delete(key);
    });
    return result;
  }
}

export function isDuplicateKey(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 11000;
}

/** Turns a unique-index violation into `ConflictError('duplicate')`, naming the field if known. */
export async function translateDuplicate<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    // MongoDB names the index's keys; FerretDB v1 does not.
    const keys = Object.keys((error as { keyPattern?: object }).keyPattern ?? {});
    const field = keys[0] === '_id' ? 'id' : keys[0];
    throw new ConflictError(
      field ? `The ${field} is already taken.` : 'A unique value is already taken.',
      'duplicate',
    );
  }
}

/**
 * The value as JSON would carry it, which is what the SQLite engine stores: `undefined` members
 * dropped, dates as strings, and no `undefined` for BSON to turn into `null`.
 */
export function asJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
