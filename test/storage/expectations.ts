import { entryHash, GENESIS_HASH } from '../../server/src/storage/auditChain';
import type { AuditEntry } from '../../server/src/storage/types';

/** The whole log from the start: numbered 1, 2, 3 …, each entry hashed over the one before. */
export function expectLinearChain(entries: AuditEntry[]): void {
  entries.forEach((entry, index) => {
    expect(entry.seq).toBe(index + 1);
    expect(entry.prevHash).toBe(index === 0 ? GENESIS_HASH : entries[index - 1]!.hash);
    expect(entry.hash).toBe(entryHash(entry));
  });
}
