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
