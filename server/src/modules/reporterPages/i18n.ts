import { DEFAULT_LANGUAGE, LANGUAGES, type LanguageCode } from '@haven/shared';
import i18next from 'i18next';
import ar from './locales/ar.json';
import en from './locales/en.json';
import es from './locales/es.json';
import fr from './locales/fr.json';
import ru from './locales/ru.json';
import zh from './locales/zh.json';

/** English is the reference: every other language must translate each of its keys. */
export type Translation = typeof en;

const resources = {
  ar: { translation: ar },
  en: { translation: en },
  es: { translation: es },
  fr: { translation: fr },
  ru: { translation: ru },
  zh: { translation: zh },
} satisfies Record<LanguageCode, { translation: Translation }>;

/** The dotted path of every string: `report.what.title`. */
type Leaves<T> = {
  [K in keyof T & string]: T[K] extends string ? K : `${K}.${Leaves<T[K]>}`;
}[keyof T & string];

export type TranslationKey = Leaves<Translation>;

export interface Translator {
  (key: TranslationKey, values?: Record<string, string | number>): string;
  /** For keys built from configurable data (category ids): `undefined` when there is none. */
  ifExists(key: string): string | undefined;
}

// One instance for the server, apart from any other i18next use; the strings are bundled, so
// initialisation completes at once.
const i18n = i18next.createInstance();
void i18n.init({
  resources,
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: LANGUAGES.map((language) => language.code),
  initAsync: false,
  // React escapes what it renders.
  interpolation: { escapeValue: false },
  // Nothing but the server's own structured logs goes to the console.
  showSupportNotice: false,
});

export function translatorFor(language: LanguageCode): Translator {
  const fixed = i18n.getFixedT(language);
  const translate = (key: string, values?: Record<string, string | number>): string =>
    String(fixed(key, values));
  return Object.assign(
    (key: TranslationKey, values?: Record<string, string | number>) => translate(key, values),
    {
      ifExists: (key: string) => (i18n.exists(key, { lng: language }) ? translate(key) : undefined),
    },
  );
}
