import type { FormDefinition } from '@haven/shared';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../forms/fields';
import { categoryName, countriesByName } from './caseLabels';

interface FilterSelectProps {
  id: string;
  label: string;
  /** The first option's text, which leaves the filter off. */
  anyLabel: string;
  value: string;
  onChange(value: string): void;
  error?: string | undefined;
}

/**
 * The configured categories, by their translated names. A value no longer configured (from an
 * old address, say) stays selectable, so the filter in use is never silently dropped.
 */
export function CategorySelect({
  form,
  anyLabel,
  onChange,
  ...field
}: FilterSelectProps & { form: FormDefinition | null }) {
  const { i18n } = useTranslation();
  const known = form?.categories.some((item) => item.id === field.value);
  return (
    <SelectField {...field} onChange={(event) => onChange(event.target.value)}>
      <option value="">{anyLabel}</option>
      {field.value && !known ? (
        <option value={field.value}>{categoryName(i18n, form, field.value)}</option>
      ) : null}
      {form?.categories.map((category) => (
        <option key={category.id} value={category.id}>
          {categoryName(i18n, form, category.id)}
        </option>
      ))}
    </SelectField>
  );
}

/** Every country, sorted by its name in the console's language. */
export function CountrySelect({ anyLabel, onChange, ...field }: FilterSelectProps) {
  const { i18n } = useTranslation();
  const countries = useMemo(() => countriesByName(i18n.language), [i18n.language]);
  return (
    <SelectField {...field} onChange={(event) => onChange(event.target.value)}>
      <option value="">{anyLabel}</option>
      {countries.map(({ code, name }) => (
        <option key={code} value={code}>
          {name}
        </option>
      ))}
    </SelectField>
  );
}
