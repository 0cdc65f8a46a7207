/**
 * The queue's query string travels to a case page in the history state, so "back to the queue"
 * returns to the same tab and filters.
 */
export interface QueueLinkState {
  queueSearch: string;
}

export function queueLinkState(search: string): QueueLinkState {
  return { queueSearch: search };
}

export function readQueueSearch(state: unknown): string {
  if (typeof state !== 'object' || state === null) return '';
  const search = (state as Partial<QueueLinkState>).queueSearch;
  return typeof search === 'string' && (search === '' || search.startsWith('?')) ? search : '';
}
