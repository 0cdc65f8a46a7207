/**
 * A date and time in the reader's language, or `null` for a missing one. `medium` time shows the
 * seconds, for records whose order matters (the audit log).
 */
export function formatDateTime(
  iso: string | null,
  language: string,
  timeStyle: 'short' | 'medium' = 'short',
): string | null {
  if (!iso) return null;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle }).format(date);
}
