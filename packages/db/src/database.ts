import { fileURLToPath } from "node:url";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import type * as schema from "./schema";

/**
 * The drizzle database every query function takes first. The same type for postgres.js and PGlite (and
 * for a transaction `tx`), so packages never depend on which driver the app chose.
 */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

/** Which driver a handle uses: a PostgreSQL server, or embedded PGlite (single process). */
export type DbKind = "postgres" | "pglite";

/** An open database. Created by `createDb`; the composition root owns it and calls `close()` on shutdown. */
export interface DbHandle {
  readonly db: Database;
  readonly kind: DbKind;
  /**
   * Runs `select 1`; resolves, or rejects with `AppError("SERVICE_UNAVAILABLE")` within `timeoutMs` even
   * when the server is unreachable or hung. For readiness probes.
   */
  ping(timeoutMs: number): Promise<void>;
  /** Closes every connection; idempotent. Queries after `close()` fail. */
  close(): Promise<void>;
}

/** Shared drizzle options: property names map to snake_case columns, as in `drizzle.config.ts`. */
export const drizzleCasing = "snake_case";

/** Where the committed drizzle-kit migrations live (resolved from this file, so any cwd works). */
export const migrationsFolder = fileURLToPath(new URL("../drizzle", import.meta.url));
