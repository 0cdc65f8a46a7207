import { DEFAULT_LANGUAGE, isLanguageCode, LANGUAGES } from '@haven/shared';
import { useId, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { saveLanguage } from './languagePreference';

export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const selectId = useId();
  const current = i18n.resolvedLanguage ?? DEFAULT_LANGUAGE;

  function handleChange(event: ChangeEvent<HTMLSelectElement>) {
    const chosen = event.target.value;
    if (!isLanguageCode(chosen)) return;
    saveLanguage(chosen);
    void i18n.changeLanguage(chosen);
  }

  return (
    <div className="language-switcher">
      <label htmlFor={selectId}>{t('app.language')}</label>
      <select id={selectId} value={current} onChange={handleChange}>
        {/* Each language is named in itself, so a reader finds theirs whatever is shown now. */}
        {LANGUAGES.map((language) => (
          <option key={language.code} value={language.code} lang={language.code} dir={language.dir}>
            {language.name}
          </option>
        ))}
      </select>
    </div>
  );
}
