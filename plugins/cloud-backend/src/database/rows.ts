import { ConflictError } from '@backstage/errors';
import type { Knex } from 'knex';
/*
 * What the stores of the cloud plugin share: reading and writing the
 * values of a row the same way on SQLite and PostgreSQL.
 */

/** True when the client is PostgreSQL's, false for SQLite. */
export function isPostgres(db: Knex): boolean {
  return String(db.client.config.client).startsWith('pg');
}

/**
 * The days from one timestamp expression to another, as a float:
 * PostgreSQL's `date_part` of the interval (a float, where `extract`
 * computes in numeric, slower over 400,000 steps); SQLite holds
 * milliseconds.
 */
export function daysBetween(db: Knex, start: string, end: string): string {
  return isPostgres(db)
    ? `date_part('epoch', (${end}) - (${start})) / 86400.0`
    : `((${end}) - (${start})) / 86400000.0`;
}

/** A row as knex reads it. */
export type Row = Record<string, any>;

/** Ids of the plugin's rows. */
export const UUID_PATTERN =
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * PostgreSQL: a timestamp column selected as the API shows it, ISO 8601 in
 * UTC with milliseconds (cut, as a `Date` cuts them), so that the driver
 * does not build a `Date` for {@link toIso} to turn back into text (both
 * were 8 % of the backend's CPU serving lists of tenants); SQLite: the
 * column as stored.
 */
export function isoColumn(
  db: Knex,
  column: string,
  alias: string,
): string | Knex.Raw {
  return isPostgres(db)
    ? db.raw(
        `to_char(?? at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as ??`,
        [column, alias],
      )
    : `${column} as ${alias}`;
}

/** A timestamp as read from either database, as ISO 8601. */
export function toIso(value: unknown): string {
  if (
    typeof value === 'string' &&
    value.length === 24 &&
    value.charCodeAt(10) === 84 /* T */ &&
    value.charCodeAt(23) === 90 /* Z */
  ) {
    return value; // already the API's form (isoColumn)
  }
  if (value instanceof Date) {
    return value.toISOString();
  }
  if (typeof value === 'number') {
    return new Date(value).toISOString();
  }
  if (typeof value === 'string' && /^\d+$/.test(value)) {
    return new Date(Number(value)).toISOString();
  }
  return new Date(String(value)).toISOString();
}

export function toIsoOrNull(value: unknown): string | null {
  return value === null || value === undefined ? null : toIso(value);
}

/** A JSON column as read from either database. */
export function parseJson(value: unknown): unknown {
  if (value === null || value === undefined) {
    return null;
  }
  return typeof value === 'string' ? JSON.parse(value) : value;
}

export function toJson(value: unknown): string | null {
  return value === null || value === undefined ? null : JSON.stringify(value);
}

/**
 * The error of a write on a row someone else changed since the caller read
 * it (a stale row version): 409, nothing written.
 */
export function changedBySomeoneElse(what: string): ConflictError {
  return new ConflictError(
    `${what} was changed by someone else; reload it and try again`,
  );
}
