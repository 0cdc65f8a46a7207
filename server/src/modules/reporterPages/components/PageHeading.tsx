import type { ReactNode } from 'react';

/** A page's one h1; the script focuses it when it swaps a page in place. */
export function PageHeading({ children }: { children: ReactNode }) {
  return <h1 tabIndex={-1}>{children}</h1>;
}
