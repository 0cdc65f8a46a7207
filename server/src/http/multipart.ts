import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Request, RequestHandler } from 'express';
import multer, { MulterError } from 'multer';
import { ATTACHMENT_LIMITS } from '@haven/shared';
import { MalformedRequestError, PayloadTooLargeError } from '../errors';
import { JSON_BODY_LIMIT_BYTES } from './jsonBody';

/** Uploads land here, under names of the server's choosing; the client's file name is ignored. */
const UPLOAD_DIR = join(tmpdir(), 'haven-uploads');

/**
 * Parses `multipart/form-data` with files streamed to temp files, within limits on size, count,
 * parts and fields. Files go in the `files` field; other fields are text. Any violation is a
 * 4xx problem, and multer removes what it had written.
 */
export function multipartUpload(maxTextFields: number): RequestHandler {
  mkdirSync(UPLOAD_DIR, { recursive: true, mode: 0o700 });
  const upload = multer({
    storage: multer.diskStorage({
      destination: UPLOAD_DIR,
      filename: (_req, _file, done) => done(null, randomUUID()),
    }),
    limits: {
      fileSize: ATTACHMENT_LIMITS.maxFileBytes,
      files: ATTACHMENT_LIMITS.maxFiles,
      fields: maxTextFields,
      parts: ATTACHMENT_LIMITS.maxFiles + maxTextFields,
      fieldSize: JSON_BODY_LIMIT_BYTES,
      fieldNameSize: 100,
      headerPairs: 50,
    },
  }).array('files', ATTACHMENT_LIMITS.maxFiles);
  return (req, res, next) => {
    if (!req.is('multipart/form-data')) return next();
    upload(req, res, (error: unknown) => next(error ? translate(error) : undefined));
  };
}

/** Temp paths of the files of a parsed multipart request, in the order sent. */
export function uploadedFiles(req: Request): string[] {
  return Array.isArray(req.files) ? req.files.map((file) => file.path) : [];
}

function translate(error: unknown): unknown {
  // A file-system failure is the server's; anything else the parser raises is a bad request.
  if ((error as NodeJS.ErrnoException).syscall) return error;
  if (!(error instanceof MulterError))
    return new MalformedRequestError('The form could not be read.');
  switch (error.code) {
    case 'LIMIT_FILE_SIZE':
      return new PayloadTooLargeError('A file is larger than allowed.');
    case 'LIMIT_FILE_COUNT':
      return new PayloadTooLargeError(
        `At most ${ATTACHMENT_LIMITS.maxFiles} files can be sent at once.`,
      );
    case 'LIMIT_FIELD_VALUE':
      return new PayloadTooLargeError('A form field is longer than allowed.');
    case 'LIMIT_PART_COUNT':
    case 'LIMIT_FIELD_COUNT':
    case 'LIMIT_FIELD_KEY':
      return new PayloadTooLargeError('The form has more fields than allowed.');
    case 'LIMIT_UNEXPECTED_FILE':
      return new MalformedRequestError('Files must be sent in the "files" field.');
    default:
      return new MalformedRequestError('The form could not be read.');
  }
}
