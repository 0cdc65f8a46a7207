import { randomBytes } from 'node:crypto';
import type { Transform } from 'node:stream';
import type { AuditStore, SettingsStore } from '../storage/types';
import { KEY_BYTES } from './aead';
import { DATA_KEY_ID, type DataKey } from './dataKey';
import { DataKeyRecords } from './dataKeyRecords';
import { masterKeyId, unwrapDataKey, wrapDataKey, wrappingMasterKeyId } from './dataKeyWrapping';
import { SealedDataError } from './SealedDataError';
import { createOpenStream, createSealStream } from './sealedStream';
import { openValue, parseSealedValue, sealValue } from './sealedValue';

export interface KeyRingOptions {
  masterKey: Buffer;
  /** Earlier master keys still unwrapping some data keys, held while they are re-wrapped. */
  previousMasterKeys?: Buffer[];
}

type KeyStorage = { settings: SettingsStore; audit: AuditStore };

/**
 * Envelope encryption (DESIGN §3.4): data is sealed with AES-256-GCM under random data keys,
 * which are stored wrapped by the master key and kept unwrapped only in memory. New data is
 * sealed under the active key; data sealed under any earlier key still opens.
 *
 * Several instances may share one database: a key id this instance has not seen (another one
 * rotated) is loaded on first use, and `refresh()` picks up another instance's active key.
 */
export class KeyRing {
  private readonly keys = new Map<string, Promise<DataKey>>();
  private readonly records: DataKeyRecords;
  private masterKeys: Buffer[];
  /** Set by `open` before the ring is handed out. */
  private active!: DataKey;

  private constructor(storage: KeyStorage, options: KeyRingOptions) {
    this.records = new DataKeyRecords(storage);
    this.masterKeys = [options.masterKey, ...(options.previousMasterKeys ?? [])];
  }

  /** Loads the active data key, creating the first one on a new database. */
  static async open(storage: KeyStorage, options: KeyRingOptions): Promise<KeyRing> {
    if (options.masterKey.length !== KEY_BYTES) throw new RangeError('The master key is 32 bytes.');
    const ring = new KeyRing(storage, options);
    const activeId = await ring.records.activeId();
    if (activeId) ring.active = await ring.keyFor(activeId);
    else await ring.rotateDataKey(null);
    return ring;
  }

  get activeKeyId(): string {
    return this.active.id;
  }

  /** Seals a small value for the place `aad` names, such as `case:<id>:narrative`. */
  seal(plaintext: Buffer | string, aad: string): string {
    return sealValue(this.active, plaintext, aad);
  }

  /** Throws `SealedDataError` for a value altered, moved to another AAD or under an unknown key. */
  async open(sealed: string, aad: string): Promise<Buffer> {
    const parsed = parseSealedValue(sealed);
    return openValue(await this.keyFor(parsed.keyId), parsed, aad);
  }

  sealStream(aad: string): Transform {
    return createSealStream(this.active, aad);
  }

  /** Emits only authenticated chunks; fails the stream at the first bad or missing one. */
  openStream(aad: string): Transform {
    return createOpenStream((keyId) => this.keyFor(keyId), aad);
  }

  /** Follows a rotation made by another instance sharing the database. */
  async refresh(): Promise<void> {
    const activeId = await this.records.activeId();
    if (activeId && activeId !== this.active.id) this.active = await this.keyFor(activeId);
  }

  /** Makes a new data key active; data sealed under earlier keys keeps opening. */
  async rotateDataKey(actorId: string | null = null): Promise<string> {
    const dataKey: DataKey = {
      id: randomBytes(9).toString('base64url'),
      key: randomBytes(KEY_BYTES),
    };
    await this.records.create(
      {
        id: dataKey.id,
        wrapped: wrapDataKey(this.masterKeys[0]!, dataKey),
        createdAt: new Date().toISOString(),
      },
      actorId,
    );
    this.keys.set(dataKey.id, Promise.resolve(dataKey));
    await this.records.activate(dataKey.id, actorId);
    this.active = dataKey;
    return dataKey.id;
  }

  /**
   * Re-wraps every data key under `newMasterKey`, which becomes this ring's master key; the data
   * itself is untouched. Keys already under it are skipped, so an interrupted run can be
   * repeated. While it runs, every instance should hold both master keys (the new one as
   * `masterKey`, the old in `previousMasterKeys`), so keys either side of it stay readable.
   */
  async rewrapDataKeys(
    newMasterKey: Buffer,
    actorId: string | null = null,
  ): Promise<{ keys: number; rewrapped: number }> {
    if (newMasterKey.length !== KEY_BYTES) throw new RangeError('The master key is 32 bytes.');
    const newId = masterKeyId(newMasterKey);
    const masterKeys = [
      newMasterKey,
      ...this.masterKeys.filter((key) => !key.equals(newMasterKey)),
    ];
    const ids = await this.records.allIds();
    let rewrapped = 0;
    for (const id of ids) {
      const record = await this.records.get(id);
      if (!record || wrappingMasterKeyId(record.wrapped) === newId) continue;
      const dataKey = unwrapDataKey(masterKeys, id, record.wrapped);
      await this.records.rewrap(
        { ...record, wrapped: wrapDataKey(newMasterKey, dataKey) },
        newId,
        actorId,
      );
      rewrapped += 1;
    }
    this.masterKeys = masterKeys;
    return { keys: ids.length, rewrapped };
  }

  /** The data key named `id`, unwrapped once and then kept; concurrent misses share one load. */
  private keyFor(id: string): Promise<DataKey> {
    let loading = this.keys.get(id);
    if (!loading) {
      loading = this.load(id);
      this.keys.set(id, loading);
      // A failed load is not remembered: the key may yet be written by another instance.
      loading.catch(() => this.keys.delete(id));
    }
    return loading;
  }

  private async load(id: string): Promise<DataKey> {
    const record = DATA_KEY_ID.test(id) ? await this.records.get(id) : null;
    if (!record) throw new SealedDataError('unknown_key', `There is no data key ${id}.`);
    return unwrapDataKey(this.masterKeys, id, record.wrapped);
  }
}
