import { CASE_STATUSES, CLOSED_STATUSES } from '@haven/shared';
import type { CaseRecord, CaseStore } from '../../storage';
import { BLIND_INDEX_KINDS, kindOf, type BlindIndexKind } from './blindIndexes';

/** An open case that shares something with the case at hand, and what it shares. */
export interface DuplicateCandidate {
  caseId: string;
  reference: string;
  status: string;
  createdAt: Date;
  /** In the order of `BLIND_INDEX_KINDS`. */
  shared: BlindIndexKind[];
}

/** Suggestions, not verdicts: an officer looks before merging. */
const MAX_CANDIDATES = 10;

/** Finished cases are not suggested, nor duplicates: those are merged into another already. */
const OPEN_STATUSES: string[] = CASE_STATUSES.filter(
  (status) => !CLOSED_STATUSES.includes(status) && status !== 'duplicate',
);

/**
 * Finds the open cases that may be the same matter as a case, by the blind indexes intake stored
 * (see `blindIndexesOf`): nothing is decrypted, and only the kinds of what matched are told.
 */
export class DuplicateFinder {
  constructor(private readonly cases: Pick<CaseStore, 'listSharingBlindIndexes'>) {}

  /**
   * At most ten open cases sharing a blind index with `record`: those sharing an address, a
   * handle or a file first, then those sharing only a look-alike image, each group newest first.
   * Images come last because a 64-bit hash tells less: screenshots of text on a plain page, say,
   * often share a band, and must not push an exact match off the list.
   */
  async candidatesFor(
    record: Pick<CaseRecord, 'id' | 'blindIndexes'>,
  ): Promise<DuplicateCandidate[]> {
    const keys = new Set(record.blindIndexes);
    const exact = [...keys].filter((key) => kindOf(key) !== 'image');
    const images = [...keys].filter((key) => kindOf(key) === 'image');
    const find = (sharing: string[], limit: number) =>
      this.cases.listSharingBlindIndexes(sharing, {
        excludeId: record.id,
        statuses: OPEN_STATUSES,
        limit,
      });
    const exactMatches = await find(exact, MAX_CANDIDATES);
    const left = MAX_CANDIDATES - exactMatches.length;
    // The whole list's worth, not just what is left: the exact matches may come back among them.
    const imageMatches = left > 0 ? await find(images, MAX_CANDIDATES) : [];
    const seen = new Set(exactMatches.map((match) => match.id));
    const matches = [
      ...exactMatches,
      ...imageMatches.filter((match) => !seen.has(match.id)).slice(0, left),
    ];
    return matches.map((match) => {
      const kinds = new Set(match.blindIndexes.filter((key) => keys.has(key)).map(kindOf));
      return {
        caseId: match.id,
        reference: match.reference,
        status: match.status,
        createdAt: match.createdAt,
        shared: BLIND_INDEX_KINDS.filter((kind) => kinds.has(kind)),
      };
    });
  }
}
