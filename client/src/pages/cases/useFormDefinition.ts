import type { FormDefinition } from '@haven/shared';
import { useEffect, useState } from 'react';
import { fetchFormDefinition } from '../../api/cases';

/**
 * The report form's categories, for names and the classify form. While it loads, or if it cannot
 * be had, `null`: the pages then show category ids, and work on.
 */
export function useFormDefinition(): FormDefinition | null {
  const [form, setForm] = useState<FormDefinition | null>(null);
  useEffect(() => {
    let cancelled = false;
    fetchFormDefinition().then(
      (definition) => {
        if (!cancelled) setForm(definition);
      },
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, []);
  return form;
}
