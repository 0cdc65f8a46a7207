import type { TFunction } from 'i18next';
import { isApiError } from '../api/ApiError';

/** One thing wrong with a form: about one field (by its name in the request), or the whole. */
export interface FormError {
  field?: string;
  message: string;
}

/** What zod reports of an issue; the console reads only these fields. */
export interface SchemaIssue {
  code: string;
  path: PropertyKey[];
  message: string;
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  expected?: string;
}

/** A field name as the request names it: `slaHours.high`, `categories.2.id`. */
export function fieldName(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

/** Errors of a client-side check against a shared schema, in the reader's language. */
export function schemaErrors(
  t: TFunction,
  issues: readonly SchemaIssue[],
  overrides: Record<string, string> = {},
): FormError[] {
  const seen = new Set<string>();
  const errors: FormError[] = [];
  for (const issue of issues) {
    const field = fieldName(issue.path);
    // One message per field is enough: the first is what to fix first.
    if (seen.has(field)) continue;
    seen.add(field);
    errors.push({ field, message: overrides[field] ?? issueMessage(t, issue) });
  }
  return errors;
}

function issueMessage(t: TFunction, issue: SchemaIssue): string {
  const min = Number(issue.minimum);
  const max = Number(issue.maximum);
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string' && min <= 1) return t('validation.required');
      if (issue.origin === 'string') return t('validation.tooShort', { min });
      if (issue.origin === 'array') return t('validation.tooFewItems', { min });
      return t('validation.tooSmall', { min });
    case 'too_big':
      if (issue.origin === 'string') return t('validation.tooLong', { max });
      if (issue.origin === 'array') return t('validation.tooManyItems', { max });
      return t('validation.tooBig', { max });
    case 'invalid_type':
      if (issue.expected === 'number' || issue.expected === 'int')
        return t('validation.wholeNumber');
      return t('validation.missingOrWrongType');
    case 'not_multiple_of':
      return t('validation.wholeNumber');
    case 'invalid_format':
      return t('validation.format');
    case 'invalid_value':
      return t('validation.notAllowedValue');
    case 'unrecognized_keys':
      return t('validation.unknownField');
    default:
      // Custom checks (a category used twice, say) carry their own words.
      return issue.message;
  }
}

/**
 * Messages the server gives about fields, by their text, in the reader's language. The server
 * speaks English; anything not listed here is shown as it came.
 */
const SERVER_MESSAGES = {
  'not the right password': 'validation.wrongPassword',
  'same as the current password': 'validation.sameAsCurrent',
  'a password may not contain the username': 'validation.containsUsername',
  'this password is on a list of common or breached passwords; choose another':
    'validation.commonPassword',
  required: 'validation.required',
  'at least one role': 'validation.rolesRequired',
} as const;

/**
 * The errors to show for a failed request: the server's field issues when it named fields,
 * else one message for the whole form, from `general` for the statuses the form expects.
 */
export function requestErrors(
  t: TFunction,
  error: unknown,
  general: (status: number, code: string) => string | undefined = () => undefined,
): FormError[] {
  if (!isApiError(error)) return [{ message: t('errors.unexpected') }];
  if (error.status === 0) return [{ message: t('errors.network') }];
  const fieldIssues = error.issues.filter((issue) => issue.path !== '');
  if (error.status === 400 && fieldIssues.length > 0) {
    return fieldIssues.map((issue) => ({
      field: issue.path,
      message: Object.hasOwn(SERVER_MESSAGES, issue.message)
        ? t(SERVER_MESSAGES[issue.message as keyof typeof SERVER_MESSAGES])
        : issue.message,
    }));
  }
  const specific = general(error.status, error.code);
  if (specific) return [{ message: specific }];
  if (error.status === 429) return [{ message: t('errors.tooManyAttempts') }];
  if (error.status === 403) return [{ message: t('errors.forbidden') }];
  if (error.status === 409 && error.code === 'stale_version') {
    return [{ message: t('errors.staleVersion') }];
  }
  if (error.status >= 500) return [{ message: t('errors.server') }];
  // A refusal the form did not foresee: the server's own words are the best there are.
  return [{ message: error.detail ?? error.title }];
}
