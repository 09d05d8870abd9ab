import { isDatabaseUnavailable } from '@amue/plugin-cloud-common';
import { LoggerService } from '@backstage/backend-plugin-api';
import {
  CustomErrorBase,
  isError,
  ResponseError,
  ServiceUnavailableError,
} from '@backstage/errors';
import { ErrorRequestHandler } from 'express';

/*
 * How the cloud API answers what is not the caller's mistake: a database
 * that does not answer is a 503 with a fixed sentence (the frontend
 * translates it by its status), any other unexpected error a 500 with a
 * fixed sentence. The real error (host, port, SQL, stack) goes to the log,
 * never to the caller.
 */

/** The body is larger than the API accepts: 413. */
export class PayloadTooLargeError extends CustomErrorBase {
  name = 'PayloadTooLargeError' as const;
  statusCode = 413;
}

/** The body is not in a format the API reads: 415. */
export class UnsupportedMediaTypeError extends CustomErrorBase {
  name = 'UnsupportedMediaTypeError' as const;
  statusCode = 415;
}

/** The message of every 503 of the API. */
export const SERVICE_UNAVAILABLE_MESSAGE =
  'The onboarding service is temporarily unavailable (its database does not answer); nothing was changed, try again in a few minutes';

/** The message of every unexpected 500 of the API. */
export const INTERNAL_ERROR_MESSAGE =
  'The onboarding service met an unexpected error; nothing was changed and the error was logged';

/** Status code of an error as Backstage's error middleware would read it. */
function statusOf(error: unknown): number {
  const e = error as { statusCode?: unknown; status?: unknown; name?: string };
  for (const value of [e?.statusCode, e?.status]) {
    if (typeof value === 'number' && value >= 100 && value <= 599) {
      return value;
    }
  }
  switch (e?.name) {
    case 'InputError':
      return 400;
    case 'AuthenticationError':
      return 401;
    case 'NotAllowedError':
      return 403;
    case 'NotFoundError':
      return 404;
    case 'ConflictError':
      return 409;
    case 'NotModifiedError':
      return 304;
    case 'NotImplementedError':
      return 501;
    case 'ServiceUnavailableError':
      return 503;
    default:
      return 500;
  }
}

/**
 * The router's last error handler: caller mistakes (4xx) pass as they are;
 * a database outage becomes a 503 and anything else a 500, each with a
 * fixed message, the original logged.
 *
 * @internal
 */
export function createServerErrorHandler(
  logger: LoggerService,
): ErrorRequestHandler {
  return (error, req, _res, next) => {
    const status = statusOf(error);
    if (status < 500 || status === 501) {
      next(error);
      return;
    }
    const unavailable =
      isDatabaseUnavailable(error) ||
      status === 503 ||
      (error instanceof ResponseError &&
        (error.statusCode === 503 ||
          isDatabaseUnavailable({ message: error.message }) ||
          /ECONNREFUSED|ECONNRESET/.test(error.message)));
    logger.error(
      `${req.method} ${req.originalUrl ?? req.url} failed${
        unavailable ? ' (database or dependency unavailable)' : ''
      }`,
      isError(error) ? error : { error: String(error) },
    );
    next(
      unavailable
        ? new ServiceUnavailableError(SERVICE_UNAVAILABLE_MESSAGE)
        : new Error(INTERNAL_ERROR_MESSAGE),
    );
  };
}
