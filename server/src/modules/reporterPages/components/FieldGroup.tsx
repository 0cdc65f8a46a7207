import type { ReactNode } from 'react';
import { usePage } from '../PageContext';

/** A set of checkboxes or radio buttons under one legend, with a hint and an error. */
export function FieldGroup({
  name,
  legend,
  optional,
  hint,
  message,
  invalid,
  children,
}: {
  name: string;
  legend: string;
  optional?: boolean;
  hint?: string;
  message?: string;
  invalid?: boolean;
  children: ReactNode;
}) {
  const { t } = usePage();
  const hintId = hint ? `${name}-hint` : undefined;
  const errorId = invalid ? `${name}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset
      className={invalid ? 'field group field-invalid' : 'field group'}
      aria-describedby={describedBy}
      data-review-label={legend}
    >
      <legend>
        {legend}
        {optional && <span className="optional"> {t('report.optional')}</span>}
      </legend>
      {hint && (
        <p id={hintId} className="hint">
          {hint}
        </p>
      )}
      {invalid && (
        <p id={errorId} className="field-error">
          {message}
        </p>
      )}
      <div className="choices-list">{children}</div>
    </fieldset>
  );
}

/** One checkbox or radio button of a group, its label beside it. */
export function Choice({
  type,
  name,
  value,
  label,
  checked,
}: {
  type: 'checkbox' | 'radio';
  name: string;
  value: string;
  label: string;
  checked: boolean;
}) {
  const id = `${name}-${value}`;
  return (
    <div className="choice-item">
      <input type={type} id={id} name={name} value={value} defaultChecked={checked} />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}
