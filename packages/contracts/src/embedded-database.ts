/**
 * `EMBEDDED_DATABASE`: the engine of embedded mode (no `DATABASE_URL`). `auto` runs a PostgreSQL server
 * started by Vitae where its packaged binaries run, and keeps PGlite for an existing PGlite data
 * directory or where they cannot run (ADR 0015). Read by `@vitae/config`, honoured by `@vitae/db`.
 */
export const embeddedDatabaseEngines = ["auto", "postgres", "pglite"] as const;

/** One of {@link embeddedDatabaseEngines}. */
export type EmbeddedDatabaseEngine = (typeof embeddedDatabaseEngines)[number];
