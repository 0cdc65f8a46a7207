import type { z } from 'zod';
import { ValidationError } from '../errors';

/**
 * Validates input against its shared schema and returns the typed value, or throws
 * `ValidationError` naming every invalid field. Handlers never touch unvalidated input.
 */
export function parseRequest<Schema extends z.ZodType>(
  schema: Schema,
  input: unknown,
  what: string,
): z.infer<Schema> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
  const first = issues[0]!;
  throw new ValidationError(
    issues.length === 1
      ? `${first.path || what}: ${first.message}`
      : `The ${what} has ${issues.length} invalid fields.`,
    issues,
  );
}
