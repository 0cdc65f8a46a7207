import { useEffect, useRef, type RefObject } from 'react';
import { useLocation } from 'react-router';

/**
 * After moving to another page, puts focus on its main heading, so a screen reader announces the
 * new page and the next Tab starts from its content. The first page of a visit is left alone:
 * there the browser's own order applies, starting with the skip link. A change of the query string
 * alone (a filter, a tab of the same page) is no new page: focus stays where the user is.
 */
export function useFocusHeadingOnNavigation(mainRef: RefObject<HTMLElement | null>): void {
  const { pathname } = useLocation();
  const focusedForPath = useRef(pathname);

  useEffect(() => {
    if (focusedForPath.current === pathname) return;
    focusedForPath.current = pathname;
    // The page's effects have run before this one, so its heading is already in place.
    mainRef.current?.querySelector<HTMLElement>('h1')?.focus();
  }, [pathname, mainRef]);
}
