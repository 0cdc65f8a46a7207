import { Fragment, type ReactNode } from 'react';
import type { TranslationKey } from '../i18n';
import { usePage } from '../PageContext';

/** A translated string with elements in it: each `{{name}}` of `parts` becomes its node. */
export function Translated({
  id,
  parts,
}: {
  id: TranslationKey;
  parts: Record<string, ReactNode>;
}) {
  const { t } = usePage();
  // Marks no translation contains, so the string can be cut where the parts go.
  const marked = t(
    id,
    Object.fromEntries(Object.keys(parts).map((name) => [name, `\u0000${name}\u0000`])),
  );
  return (
    <>
      {marked
        .split('\u0000')
        .map((piece, index) =>
          index % 2 ? <Fragment key={index}>{parts[piece]}</Fragment> : piece,
        )}
    </>
  );
}
