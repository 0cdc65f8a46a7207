import type { Request } from 'express';
import { DEFAULT_LANGUAGE, isLanguageCode, LANGUAGES, type LanguageCode } from '@haven/shared';

export interface PageLanguage {
  code: LanguageCode;
  dir: 'ltr' | 'rtl';
  /** Chosen with `?lang=`: links and forms carry it on, since no cookie remembers it. */
  explicit: boolean;
}

const CODES = LANGUAGES.map((language) => language.code);

/** `?lang=` if it names one of Haven's languages, else the browser's preference, else English. */
export function pageLanguage(req: Request): PageLanguage {
  const asked = req.query.lang;
  if (typeof asked === 'string' && isLanguageCode(asked)) return withDirection(asked, true);
  // Without the header, `acceptsLanguages` would answer the first language offered.
  const accepted = req.get('Accept-Language') ? req.acceptsLanguages(...CODES) : false;
  return withDirection(accepted && isLanguageCode(accepted) ? accepted : DEFAULT_LANGUAGE, false);
}

function withDirection(code: LanguageCode, explicit: boolean): PageLanguage {
  const dir = LANGUAGES.find((language) => language.code === code)?.dir ?? 'ltr';
  return { code, dir, explicit };
}

/** A local path that keeps the language chosen with `?lang=`. */
export function withLanguage(path: string, language: PageLanguage): string {
  if (!language.explicit) return path;
  return `${path}${path.includes('?') ? '&' : '?'}lang=${language.code}`;
}
