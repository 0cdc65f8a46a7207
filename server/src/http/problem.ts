import type { ErrorRequestHandler, RequestHandler } from 'express';
import { PROBLEM_CONTENT_TYPE, type Problem } from '@haven/shared';
import {
  HavenError,
  MalformedRequestError,
  NotFoundError,
  PayloadTooLargeError,
  TooManyRequestsError,
  UnsupportedMediaTypeError,
  ValidationError,
} from '../errors';
import type { Logger } from '../logger';

/** Unknown routes answer a 404 problem like any other error. */
export const notFound: RequestHandler = (_req, _res, next) => next(new NotFoundError());

/**
 * The one place errors become HTTP responses: `application/problem+json` (RFC 9457). Known
 * errors keep their status and safe detail; anything else is logged and answered with a bare
 * 500, so no internal detail reaches the client.
 */
export function problemHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    const known = toHavenError(error);
    if (!known) logger.error({ err: error, reqId: req.id }, 'unhandled error');
    const problem = known ? toProblem(known) : internalProblem();
    if (known instanceof TooManyRequestsError) {
      res.setHeader('Retry-After', String(known.retryAfterSeconds));
    }
    if (res.headersSent) {
      res.destroy();
      return;
    }
    res.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
  };
}

function toProblem(error: HavenError): Problem {
  const problem: Problem = {
    type: `urn:haven:problem:${error.code}`,
    title: error.title,
    status: error.status,
    detail: error.detail,
    code: error.code,
  };
  if (error instanceof ValidationError && error.issues.length) problem.errors = error.issues;
  return problem;
}

function internalProblem(): Problem {
  return {
    type: 'urn:haven:problem:internal',
    title: 'Something went wrong',
    status: 500,
    detail: 'The server could not complete the request.',
    code: 'internal',
  };
}

/** Errors raised by Express and its body parsers (http-errors) mapped into Haven's hierarchy. */
export function toHavenError(error: unknown): HavenError | null {
  if (error instanceof HavenError) return error;
  if (typeof error !== 'object' || error === null) return null;
  const { type, status } = error as { type?: string; status?: number };
  switch (type) {
    case 'entity.parse.failed':
      return new MalformedRequestError('The body is not valid JSON.');
    case 'entity.too.large':
      return new PayloadTooLargeError();
    case 'parameters.too.many':
      return new PayloadTooLargeError('The request has too many parameters.');
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new UnsupportedMediaTypeError('Send the body as UTF-8 without a content encoding.');
    case 'request.aborted':
    case 'request.size.invalid':
      return new MalformedRequestError('The body did not arrive whole.');
  }
  // Other client errors raised by Express, the router or static files (e.g. a missing asset).
  if (status === 404) return new NotFoundError();
  if (status && status >= 400 && status < 500) {
    return new MalformedRequestError('The request could not be read.');
  }
  return null;
}
