import { ATTACHMENT_LIMITS, ATTACHMENT_REFUSALS, ACCEPTED_MEDIA_TYPES } from '@haven/shared';
import { PayloadTooLargeError, UnprocessableError, UnsupportedMediaTypeError } from '../../errors';

/** The 4xx answers for a refused file; the details are safe to show the reporter. */
export const refuse = {
  empty: () => new UnprocessableError('The file is empty.', ATTACHMENT_REFUSALS.empty),

  tooLarge: () =>
    new PayloadTooLargeError(
      `A file may be at most ${ATTACHMENT_LIMITS.maxFileBytes / (1024 * 1024)} MB.`,
    ),

  tooManyPixels: () =>
    new PayloadTooLargeError(
      `An image may have at most ${ATTACHMENT_LIMITS.maxImagePixels / 1_000_000} million pixels.`,
    ),

  tooMany: () =>
    new PayloadTooLargeError(
      `At most ${ATTACHMENT_LIMITS.maxFiles} files may be attached at once.`,
    ),

  notAccepted: (why: string) =>
    new UnsupportedMediaTypeError(
      `${why} Accepted: ${Object.keys(ACCEPTED_MEDIA_TYPES).join(', ')}.`,
    ),

  unreadable: (what: string) =>
    new UnprocessableError(
      `The file looks like ${what} but cannot be read; it may be damaged.`,
      ATTACHMENT_REFUSALS.unreadable,
    ),

  encrypted: () =>
    new UnprocessableError(
      'The PDF is encrypted or password-protected, so its metadata cannot be removed. Save it without protection and try again.',
      ATTACHMENT_REFUSALS.encrypted,
    ),
};
