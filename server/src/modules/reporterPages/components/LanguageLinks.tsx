import { LANGUAGES } from '@haven/shared';
import { withLanguage } from '../language';
import { usePage } from '../PageContext';

/** This page in each of Haven's languages, each named in its own language. */
export function LanguageLinks() {
  const { t, language, path } = usePage();
  return (
    <nav aria-label={t('app.language')} className="language-links">
      <ul>
        {LANGUAGES.map(({ code, name, dir }) => (
          <li key={code}>
            <a
              href={withLanguage(path, { code, dir, explicit: true })}
              lang={code}
              hrefLang={code}
              aria-current={code === language.code ? 'true' : undefined}
            >
              {name}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
