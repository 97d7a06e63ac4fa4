import { AppError } from "@vitae/errors";

/** The PostgreSQL error fields the query functions branch on (postgres.js and PGlite both expose them). */
interface PgErrorFields {
  code?: unknown;
  constraint_name?: unknown;
  constraint?: unknown;
}

/**
 * Finds the PostgreSQL error behind `error` — drizzle wraps driver errors (`DrizzleQueryError.cause`) —
 * and returns its SQLSTATE and constraint name, or `undefined` when it is not a database error.
 */
export function pgErrorOf(error: unknown): { code: string; constraint: string | undefined } | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    const fields = current as Error & PgErrorFields;
    if (typeof fields.code === "string" && /^[0-9A-Z]{5}$/.test(fields.code)) {
      const constraint = fields.constraint_name ?? fields.constraint;
      return { code: fields.code, constraint: typeof constraint === "string" ? constraint : undefined };
    }
    current = current.cause;
  }
  return undefined;
}

/** SQLSTATE 23505: a unique index refused the row. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const pg = pgErrorOf(error);
  return pg?.code === "23505" && (constraint === undefined || pg.constraint === constraint);
}

/** SQLSTATE 23503: a foreign key points at a row that does not exist (e.g. a missing workspace). */
export function isForeignKeyViolation(error: unknown): boolean {
  return pgErrorOf(error)?.code === "23503";
}

/**
 * Codes meaning "the database cannot be reached right now" rather than "this query is wrong": Node socket
 * errors, postgres.js connection states, and SQLSTATEs for a server that is shutting down, starting up
 * or out of connection slots (class 08 is matched by prefix below).
 */
const unavailableCodes: ReadonlySet<string> = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  "CONNECT_TIMEOUT",
  "57P01",
  "57P02",
  "57P03",
  "53300",
]);

/**
 * True when `error` (or an error it wraps: drizzle's `cause`, an `AggregateError`'s attempts) says the
 * database is unreachable, restarting or saturated — a transient outage, not a fault of the request.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const pending: unknown[] = [error];
  for (let seen = 0; pending.length > 0 && seen < 10; seen++) {
    const current = pending.shift();
    if (!(current instanceof Error)) continue;
    const code = (current as Error & { code?: unknown }).code;
    if (typeof code === "string" && (unavailableCodes.has(code) || /^08[0-9A-Z]{3}$/.test(code))) return true;
    if (current instanceof AggregateError) pending.push(...current.errors);
    pending.push(current.cause);
  }
  return false;
}

/**
 * The one mapping of database outages onto the error contract: `AppError("SERVICE_UNAVAILABLE")` (a 503
 * the client may retry) keeping the driver error as `cause`, or `undefined` for any other error. Used by
 * the API's error path and the job error classifier.
 */
export function databaseUnavailableError(error: unknown): AppError | undefined {
  if (!isDatabaseUnavailable(error)) return undefined;
  return new AppError("SERVICE_UNAVAILABLE", {
    message: "The database is unavailable; try again shortly.",
    cause: error,
  });
}
