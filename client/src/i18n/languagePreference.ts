import { DEFAULT_LANGUAGE, isLanguageCode, type LanguageCode } from '@haven/shared';

// The language is not sensitive, so it may be remembered on the device.
const STORAGE_KEY = 'haven.lang';

/** The language to start in: the one chosen before, else the browser's, else the default. */
export function detectLanguage(): LanguageCode {
  return readSavedLanguage() ?? matchBrowserLanguage() ?? DEFAULT_LANGUAGE;
}

export function saveLanguage(language: LanguageCode): void {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Storage can be disabled or full; the choice then lasts only for this visit.
  }
}

function readSavedLanguage(): LanguageCode | undefined {
  let saved: string | null = null;
  try {
    saved = localStorage.getItem(STORAGE_KEY);
  } catch {
    return undefined;
  }
  return saved !== null && isLanguageCode(saved) ? saved : undefined;
}

/** Matches on the primary subtag, so "ar-EG" and "zh-Hans-CN" find Arabic and Chinese. */
function matchBrowserLanguage(): LanguageCode | undefined {
  for (const tag of navigator.languages) {
    const primary = tag.split('-')[0]?.toLowerCase() ?? '';
    if (isLanguageCode(primary)) return primary;
  }
  return undefined;
}
