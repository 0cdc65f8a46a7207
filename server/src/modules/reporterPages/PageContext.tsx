import { createContext, useContext } from 'react';
import type { ReporterAssets } from './assets';
import type { Translator } from './i18n';
import { withLanguage, type PageLanguage } from './language';

/** What every component of a page needs to know about the request it answers. */
export interface Page {
  language: PageLanguage;
  t: Translator;
  /** This page's path, for the links to it in other languages. */
  path: string;
  /**
   * Whether to offer the other languages: not on the answer to a form, where following a link
   * would lose what the page shows (a receipt, the answers typed).
   */
  languageLinks: boolean;
  assets: ReporterAssets | null;
}

const PageContext = createContext<Page | null>(null);

export const PageProvider = PageContext.Provider;

export function usePage() {
  const page = useContext(PageContext);
  if (!page) throw new Error('A reporter page component was rendered outside sendPage');
  return { ...page, href: (path: string) => withLanguage(path, page.language) };
}
