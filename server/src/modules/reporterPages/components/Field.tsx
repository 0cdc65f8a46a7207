import type { ReactNode } from 'react';
import { usePage } from '../PageContext';

/** What a form control needs from the field around it. */
export interface ControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
  /** The message the enhancement script shows when the browser finds the value invalid. */
  'data-error'?: string;
}

interface FieldProps {
  id: string;
  label: string;
  optional?: boolean;
  hint?: ReactNode;
  /** What is wrong when the value is not valid, in words the reporter can act on. */
  message?: string;
  /** Whether the server found the value invalid: the message is then shown. */
  invalid?: boolean;
  children: (control: ControlProps) => ReactNode;
}

/** A label, an optional hint and error, and the control they describe. */
export function Field({ id, label, optional, hint, message, invalid, children }: FieldProps) {
  const { t } = usePage();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = invalid ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={invalid ? 'field field-invalid' : 'field'} data-review-label={label}>
      <label htmlFor={id}>
        {label}
        {optional && <span className="optional"> {t('report.optional')}</span>}
      </label>
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
      {children({
        id,
        ...(describedBy ? { 'aria-describedby': describedBy } : {}),
        ...(invalid ? { 'aria-invalid': true } : {}),
        ...(message ? { 'data-error': message } : {}),
      })}
    </div>
  );
}
