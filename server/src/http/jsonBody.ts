import express, { type RequestHandler } from 'express';
import { UnsupportedMediaTypeError } from '../errors';

/** Largest JSON body (or multipart text field) the API reads; files have their own limits. */
export const JSON_BODY_LIMIT_BYTES = 256 * 1024;

const JSON_TYPES = ['application/json', 'application/*+json'];

/**
 * Parses JSON bodies and refuses any body of another type with 415, except `multipart/form-data`,
 * which routes that take files parse themselves.
 */
export function jsonBody(): RequestHandler[] {
  return [
    express.json({ limit: JSON_BODY_LIMIT_BYTES, type: JSON_TYPES, strict: true }),
    (req, _res, next) => {
      // `req.is` is null without a body and false for a body of another type. An empty body
      // (`Content-Length: 0`, as browsers send with a bodiless POST) has no type to refuse.
      const empty = req.get('Content-Length') === '0';
      if (!empty && req.is([...JSON_TYPES, 'multipart/form-data']) === false) {
        next(new UnsupportedMediaTypeError('Send the body as application/json.'));
        return;
      }
      next();
    },
  ];
}
