import { useEffect, useId, useRef, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormError } from './formErrors';

interface ErrorSummaryProps {
  errors: readonly FormError[];
  /** The id of the control for each field name, so each error links to what to fix. */
  fieldIds?: Readonly<Record<string, string>>;
}

/**
 * What went wrong, above the form. It takes focus each time a submit fails (a new list of
 * errors), so a screen reader reads it first; each item moves focus to its field. Renders
 * nothing while there is no error.
 */
export function ErrorSummary({ errors, fieldIds = {} }: ErrorSummaryProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const ref = useRef<HTMLElement>(null);

  useEffect(() => {
    if (errors.length > 0) ref.current?.focus();
  }, [errors]);

  if (errors.length === 0) return null;

  // Focus moves in script: following a fragment link would change the address, which the
  // router takes for a navigation.
  function focusField(event: MouseEvent<HTMLAnchorElement>, id: string) {
    event.preventDefault();
    document.getElementById(id)?.focus();
  }

  return (
    <section className="error-summary" ref={ref} tabIndex={-1} aria-labelledby={titleId}>
      <h2 id={titleId}>{t('forms.errorSummaryTitle')}</h2>
      <ul>
        {errors.map((error, index) => {
          const id = error.field === undefined ? undefined : fieldIds[error.field];
          return (
            <li key={`${error.field ?? ''}-${index}`}>
              {id ? (
                <a href={`#${id}`} onClick={(event) => focusField(event, id)}>
                  {error.message}
                </a>
              ) : (
                error.message
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
