import { z } from 'zod';
import type { AuditStore, SettingsStore } from '../storage/types';
import { DATA_KEY_ID } from './dataKey';

/**
 * Where data keys live, through the settings store. Each wrapped key has a setting of its own,
 * written once under its random id, so two instances creating keys at the same moment cannot
 * overwrite each other's (the store has no compare-and-set). A separate setting names the
 * active key; when two instances rotate at once the last write wins, and both keys stay usable.
 * The audit log, append-only, is the complete list of keys ever created.
 */
export const ACTIVE_DATA_KEY_SETTING = 'crypto.activeDataKey';
export const DATA_KEY_CREATED = 'crypto.data_key_created';

const record = z.object({
  id: z.string().regex(DATA_KEY_ID),
  /** The data key sealed under a master key (see `dataKeyWrapping.ts`). */
  wrapped: z.string(),
  createdAt: z.iso.datetime(),
});
const activePointer = z.object({ id: z.string().regex(DATA_KEY_ID) });

export type DataKeyRecord = z.infer<typeof record>;

type Actor = string | null;

export class DataKeyRecords {
  constructor(private readonly storage: { settings: SettingsStore; audit: AuditStore }) {}

  async get(id: string): Promise<DataKeyRecord | null> {
    const value = await this.storage.settings.get(recordSetting(id));
    return value === null ? null : record.parse(value);
  }

  async create(entry: DataKeyRecord, actorId: Actor): Promise<void> {
    await this.storage.settings.put(recordSetting(entry.id), entry, {
      action: DATA_KEY_CREATED,
      actorId,
      subject: { type: 'data_key', id: entry.id },
    });
  }

  async rewrap(entry: DataKeyRecord, masterKeyId: string, actorId: Actor): Promise<void> {
    await this.storage.settings.put(recordSetting(entry.id), entry, {
      action: 'crypto.data_key_rewrapped',
      actorId,
      subject: { type: 'data_key', id: entry.id },
      details: { masterKeyId },
    });
  }

  async activeId(): Promise<string | null> {
    const value = await this.storage.settings.get(ACTIVE_DATA_KEY_SETTING);
    return value === null ? null : activePointer.parse(value).id;
  }

  async activate(id: string, actorId: Actor): Promise<void> {
    await this.storage.settings.put(
      ACTIVE_DATA_KEY_SETTING,
      { id },
      { action: 'crypto.data_key_activated', actorId, subject: { type: 'data_key', id } },
    );
  }

  /** Every key id ever created, oldest first, read from the audit log. */
  async allIds(): Promise<string[]> {
    const ids: string[] = [];
    const pageSize = 1000;
    for (let afterSeq = 0; ;) {
      const page = await this.storage.audit.list({ afterSeq, limit: pageSize });
      for (const entry of page) {
        if (entry.action === DATA_KEY_CREATED && entry.subject) ids.push(entry.subject.id);
      }
      if (page.length < pageSize) return ids;
      afterSeq = page[page.length - 1]!.seq;
    }
  }
}

function recordSetting(id: string): string {
  return `crypto.dataKey.${id}`;
}
