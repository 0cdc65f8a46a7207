/**
 * The one error hierarchy of Haven. Services and storage throw these; the HTTP layer maps them to
 * problem+json in one place (`http/problem.ts`). `code` is stable and documented; `detail` is
 * safe to show to the caller and never carries personal data.
 */
export class HavenError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    detail?: string,
    options?: { cause?: unknown },
  ) {
    super(detail ?? title, options);
    this.name = new.target.name;
  }

  get detail(): string {
    return this.message;
  }
}

export interface FieldIssue {
  /** Dotted path to the offending field, e.g. `contact.email`; empty for the whole body. */
  path: string;
  message: string;
}

export class ValidationError extends HavenError {
  constructor(
    detail: string,
    readonly issues: FieldIssue[] = [],
  ) {
    super(400, 'validation_failed', 'The request is not valid', detail);
  }
}

export class MalformedRequestError extends HavenError {
  constructor(detail: string) {
    super(400, 'malformed_request', 'The request could not be read', detail);
  }
}

export class UnauthorizedError extends HavenError {
  constructor(detail = 'Authentication is required.') {
    super(401, 'unauthorized', 'Not signed in', detail);
  }
}

export class ForbiddenError extends HavenError {
  constructor(detail = 'You are not allowed to do this.', code = 'forbidden') {
    super(403, code, 'Not allowed', detail);
  }
}

export class NotFoundError extends HavenError {
  constructor(detail = 'There is nothing here.') {
    super(404, 'not_found', 'Not found', detail);
  }
}

export class ConflictError extends HavenError {
  constructor(detail: string, code = 'conflict') {
    super(409, code, 'Conflict', detail);
  }
}

/** An update named a version that is no longer the stored one; nothing was written. */
export class VersionConflictError extends ConflictError {
  constructor(readonly currentVersion: number) {
    super(
      `This record changed since it was read (now at version ${currentVersion}). Reload and try again.`,
      'stale_version',
    );
  }
}

export class PayloadTooLargeError extends HavenError {
  constructor(detail = 'The request body is too large.') {
    super(413, 'payload_too_large', 'Request too large', detail);
  }
}

export class UnsupportedMediaTypeError extends HavenError {
  constructor(detail: string) {
    super(415, 'unsupported_media_type', 'Unsupported content type', detail);
  }
}

export class UnprocessableError extends HavenError {
  constructor(detail: string, code = 'unprocessable') {
    super(422, code, 'Request cannot be processed', detail);
  }
}

export class TooManyRequestsError extends HavenError {
  constructor(readonly retryAfterSeconds: number) {
    super(429, 'rate_limited', 'Too many requests', 'Too many requests. Wait and try again.');
  }
}

export class ServiceUnavailableError extends HavenError {
  constructor(detail: string, options?: { cause?: unknown }) {
    super(503, 'unavailable', 'Service unavailable', detail, options);
  }
}

/** Bad configuration found at start-up; the process reports every problem and exits. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}
