import { useState } from 'react';
import type { FormError } from './formErrors';

/** A form's errors: all of them for its `ErrorSummary`, and each field's own. */
export function useFormErrors() {
  const [errors, setErrors] = useState<FormError[]>([]);

  function fieldError(field: string): string | undefined {
    return errors.find((error) => error.field === field)?.message;
  }

  return { errors, setErrors, fieldError, clearErrors: () => setErrors([]) };
}
