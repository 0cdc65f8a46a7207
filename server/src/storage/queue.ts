import { SEVERITIES } from '@haven/shared';
import type { CaseRecord, CaseSort, JsonValue } from './types';

/**
 * What both engines share about the triage queue: how its orders are keyed, and which text of a
 * case the free-text filter searches.
 */

/** Position in priority order, stored beside the severity: critical 0 … low 3, none 4. */
export function severityRank(severity: string | null): number {
  const index = severity === null ? -1 : (SEVERITIES as readonly string[]).indexOf(severity);
  return index < 0 ? SEVERITIES.length : SEVERITIES.length - 1 - index;
}

/**
 * The SLA due time as the engines store it: a case without one sorts after every real time (the
 * largest JavaScript date), so each order is one ascending or descending run of plain values.
 */
export const NO_SLA = 8.64e15;

export function slaKey(slaDueAt: Date | null): number {
  return slaDueAt === null ? NO_SLA : slaDueAt.getTime();
}

export function slaFromKey(key: number): Date | null {
  return key >= NO_SLA ? null : new Date(key);
}

/** The values a case is ordered by under `sort`, before its id (what a cursor carries). */
export function sortKeys(record: CaseRecord, sort: CaseSort): number[] {
  switch (sort) {
    case 'priority':
      return [severityRank(record.severity), slaKey(record.slaDueAt), record.createdAt.getTime()];
    case 'slaDue':
      return [slaKey(record.slaDueAt)];
    default:
      return [record.createdAt.getTime()];
  }
}

/** How many keys precede the id in a cursor of `sort`. */
export function sortKeyCount(sort: CaseSort): number {
  return sort === 'priority' ? 3 : 1;
}

/** The searchable text of a case: every string inside `body.text`, space separated. */
export function searchTextOf(body: { [key: string]: JsonValue }): string {
  const parts: string[] = [];
  const collect = (value: JsonValue | undefined): void => {
    if (typeof value === 'string') parts.push(value);
    else if (Array.isArray(value)) value.forEach(collect);
    else if (value && typeof value === 'object') Object.values(value).forEach(collect);
  };
  collect(body.text);
  return parts.join(' ');
}

/**
 * The words of a free-text filter, as the full-text indexes cut them (letters and digits);
 * punctuation and operators are dropped, so user input is never query syntax.
 */
export function searchTerms(text: string): string[] {
  return [...new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [])].slice(0, 16);
}
