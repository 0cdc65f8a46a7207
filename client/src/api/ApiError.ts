import { ProblemSchema, type FieldIssue } from '@haven/shared';

/**
 * A request that did not succeed, read from the server's problem+json answer (RFC 9457). A
 * request that never reached the server has status 0 and code `network`; an answer the console
 * cannot read has code `bad_response`.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    /** Safe to show: the server never puts personal data or internals here. */
    readonly detail: string | undefined,
    /** The invalid fields of a 400, by dotted path (`roles`, `slaHours.high`). */
    readonly issues: FieldIssue[] = [],
  ) {
    super(detail ?? title);
    this.name = 'ApiError';
  }

  static network(cause: unknown): ApiError {
    const error = new ApiError(0, 'network', 'Network error', undefined);
    error.cause = cause;
    return error;
  }

  static badResponse(status: number): ApiError {
    return new ApiError(status, 'bad_response', 'Unexpected answer', undefined);
  }

  /** Reads a failed response; anything that is not a problem document still gives its status. */
  static async fromResponse(response: Response): Promise<ApiError> {
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      body = undefined;
    }
    const problem = ProblemSchema.safeParse(body);
    if (!problem.success) {
      return new ApiError(
        response.status,
        'http_' + response.status,
        response.statusText,
        undefined,
      );
    }
    const { status, code, title, detail, errors } = problem.data;
    return new ApiError(status, code, title, detail, errors ?? []);
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}
