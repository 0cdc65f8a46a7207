/** How the console shows a case's dates and deadlines. */

const DAY_MS = 86_400_000;

/** Within this long of its due time, a deadline is flagged as close. */
export const DUE_SOON_MS = 2 * DAY_MS;

export type DueState = 'met' | 'overdue' | 'soon' | 'later';

/**
 * Where a deadline stands at `now`: `met` once done, else by how far off it is. A day
 * (`YYYY-MM-DD`) is due at the end of that day, UTC.
 */
export function dueState(due: string, now: number, doneAt: string | null = null): DueState {
  if (doneAt) return 'met';
  const dueAt = due.length === 10 ? Date.parse(`${due}T23:59:59.999Z`) : Date.parse(due);
  if (dueAt < now) return 'overdue';
  return dueAt - now <= DUE_SOON_MS ? 'soon' : 'later';
}

/** A calendar day (`YYYY-MM-DD`, UTC) in the reader's language. */
export function formatDay(day: string, language: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

/** How long ago `iso` was, in words: "3 days ago", "5 hours ago". */
export function formatAge(iso: string, now: number, language: string): string {
  const elapsed = Math.max(0, now - Date.parse(iso));
  const format = new Intl.RelativeTimeFormat(language, { numeric: 'auto' });
  if (elapsed < 3_600_000) return format.format(-Math.floor(elapsed / 60_000), 'minute');
  if (elapsed < DAY_MS) return format.format(-Math.floor(elapsed / 3_600_000), 'hour');
  return format.format(-Math.floor(elapsed / DAY_MS), 'day');
}
