import { COUNTRY_CODES, type LanguageCode } from '@haven/shared';

// Dates are shown in UTC: without JavaScript the page cannot know the reader's time zone.

/** A calendar day, `2026-03-14`, in words. */
export function formatDay(day: string, language: LanguageCode): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${day.slice(0, 10)}T00:00:00Z`),
  );
}

/** A moment, to the minute, with its time zone named. */
export function formatMoment(iso: string, language: LanguageCode): string {
  return new Intl.DateTimeFormat(language, {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZone: 'UTC',
    timeZoneName: 'short',
  }).format(new Date(iso));
}

export function formatSize(bytes: number, language: LanguageCode): string {
  const megabytes = bytes >= 1_000_000;
  return new Intl.NumberFormat(language, {
    style: 'unit',
    unit: megabytes ? 'megabyte' : 'kilobyte',
    maximumFractionDigits: 1,
  }).format(megabytes ? bytes / 1_000_000 : Math.max(bytes / 1_000, 0.1));
}

export function formatList(items: string[], language: LanguageCode): string {
  return new Intl.ListFormat(language, { type: 'conjunction' }).format(items);
}

/** "in 5 minutes", in the reader's language. */
export function inMinutes(seconds: number, language: LanguageCode): string {
  return new Intl.RelativeTimeFormat(language, { numeric: 'always' }).format(
    Math.max(1, Math.ceil(seconds / 60)),
    'minute',
  );
}

const countryLists = new Map<LanguageCode, { code: string; name: string }[]>();

/** Every country, named in the reader's language and sorted the way they would expect. */
export function countriesByName(language: LanguageCode): { code: string; name: string }[] {
  let list = countryLists.get(language);
  if (!list) {
    const names = new Intl.DisplayNames([language], { type: 'region' });
    const collator = new Intl.Collator(language);
    list = COUNTRY_CODES.map((code) => ({ code, name: names.of(code) ?? code })).sort((a, b) =>
      collator.compare(a.name, b.name),
    );
    countryLists.set(language, list);
  }
  return list;
}
