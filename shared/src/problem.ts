import { z } from 'zod';

/** One invalid field of a request, as the `errors` extension of a problem document. */
export const FieldIssueSchema = z.object({
  path: z
    .string()
    .describe('Dotted path to the field, e.g. `contact.email`; empty for the whole body.'),
  message: z.string(),
});

/**
 * Every error Haven answers is an RFC 9457 problem document (`application/problem+json`),
 * extended with a stable machine-readable `code`.
 */
export const ProblemSchema = z
  .object({
    type: z.string().describe('A URI naming the kind of problem: `urn:haven:problem:<code>`.'),
    title: z.string(),
    status: z.number().int().min(400).max(599),
    detail: z.string().optional(),
    instance: z.string().optional(),
    code: z.string().describe('Stable identifier of the error, e.g. `validation_failed`.'),
    errors: z.array(FieldIssueSchema).optional(),
  })
  .meta({ id: 'Problem' });

export type Problem = z.infer<typeof ProblemSchema>;
export type FieldIssue = z.infer<typeof FieldIssueSchema>;

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
