import 'i18next';
import type { Translation } from './resources';

// Makes t() accept only keys that exist in the English strings, checked at compile time.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Translation };
  }
}
