import type { LanguageCode } from '@haven/shared';
import ar from './locales/ar.json';
import en from './locales/en.json';
import es from './locales/es.json';
import fr from './locales/fr.json';
import ru from './locales/ru.json';
import zh from './locales/zh.json';

/** English is the reference: every other language must translate each of its keys. */
export type Translation = typeof en;

// All six languages are bundled: they are small, and the console then never waits on a fetch.
export const resources = {
  ar: { translation: ar },
  en: { translation: en },
  es: { translation: es },
  fr: { translation: fr },
  ru: { translation: ru },
  zh: { translation: zh },
} satisfies Record<LanguageCode, { translation: Translation }>;
