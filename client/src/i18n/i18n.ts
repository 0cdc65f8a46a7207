import { DEFAULT_LANGUAGE, isLanguageCode, LANGUAGES, type LanguageCode } from '@haven/shared';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { detectLanguage } from './languagePreference';
import { resources } from './resources';

/** Starts i18next in the detected language; the strings are bundled, so this completes at once. */
export function initI18n(): void {
  i18next.on('languageChanged', (language) => {
    applyToDocument(isLanguageCode(language) ? language : DEFAULT_LANGUAGE);
  });
  void i18next.use(initReactI18next).init({
    resources,
    lng: detectLanguage(),
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: LANGUAGES.map((language) => language.code),
    initAsync: false,
    // React escapes what it renders.
    interpolation: { escapeValue: false },
  });
}

/** Screen readers pick their voice from lang, and the layout's direction follows dir. */
function applyToDocument(language: LanguageCode): void {
  const root = document.documentElement;
  root.lang = language;
  root.dir = LANGUAGES.find((candidate) => candidate.code === language)?.dir ?? 'ltr';
}
