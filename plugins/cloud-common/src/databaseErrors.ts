/*
 * Telling "the database cannot be reached" from "the query was wrong": the
 * first is a 503 (try again later), the second a bug (500).
 */

/** Errors of a network connection to the database server. */
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  // PostgreSQL: connection exceptions (class 08) and operator intervention
  // (class 57: the server shuts down or does not accept connections yet)
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
  '57P01',
  '57P02',
  '57P03',
  // SQLite: the file is locked or cannot be opened
  'SQLITE_BUSY',
  'SQLITE_CANTOPEN',
]);

const CONNECTION_MESSAGES =
  /Connection terminated|Timeout acquiring a connection|timeout exceeded when trying to connect|Client has encountered a connection error|the database system is (shutting down|starting up|in recovery mode)|terminating connection due to administrator command/i;

/**
 * True when the error says the database (or its connection) is down, not
 * that a query was wrong: network errors, PostgreSQL's connection and
 * operator-intervention codes, knex's pool timeout, a locked SQLite file;
 * looks through `cause` and the `errors` of an AggregateError. Shared by
 * the cloud backend's error handler and the backend's database service
 * (packages/backend/src/database/unavailable.ts).
 *
 * @public
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (
    let current: any = error, depth = 0;
    current && depth < 5;
    current = current.cause, depth++
  ) {
    if (
      CONNECTION_CODES.has(String(current.code ?? '')) ||
      current.name === 'KnexTimeoutError' ||
      (typeof current.message === 'string' &&
        CONNECTION_MESSAGES.test(current.message))
    ) {
      return true;
    }
    if (
      Array.isArray(current.errors) &&
      current.errors.some(isDatabaseUnavailable)
    ) {
      return true;
    }
  }
  return false;
}
