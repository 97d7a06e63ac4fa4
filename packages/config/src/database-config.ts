import { type EmbeddedDatabaseEngine, embeddedDatabaseEngines } from "@vitae/contracts";
import { z } from "zod";
import { envEnum, envInteger, envUrl } from "./env-fields";
import type { ConfigSchema } from "./load-config";

/** Where the relational data lives. */
export interface DatabaseConfig {
  /** `DATABASE_URL` (postgres:// or postgresql://); undefined selects embedded mode's database under `DATA_DIR`. */
  databaseUrl: string | undefined;
  /** `DATABASE_POOL_MAX` (default 10). */
  databasePoolMax: number;
  /** True when no `DATABASE_URL` is set: the single-process embedded mode. */
  isEmbedded: boolean;
  /**
   * `EMBEDDED_DATABASE` (default `auto`): embedded mode's engine — a PostgreSQL server Vitae starts under
   * `DATA_DIR/postgres`, or PGlite under `DATA_DIR/pglite` (ADR 0015). Ignored with `DATABASE_URL`.
   */
  embeddedDatabase: EmbeddedDatabaseEngine;
  /** `EMBEDDED_POSTGRES_PORT` (default 0 = a free port at each start): the embedded server's loopback port. */
  embeddedPostgresPort: number;
}

/** `DATABASE_URL`, `DATABASE_POOL_MAX`, `EMBEDDED_DATABASE`, `EMBEDDED_POSTGRES_PORT`. */
export function databaseConfig(): ConfigSchema<DatabaseConfig> {
  return z
    .object({
      DATABASE_URL: envUrl(["postgres", "postgresql"]).optional(),
      DATABASE_POOL_MAX: envInteger({ min: 1, max: 1000 }).default(10),
      EMBEDDED_DATABASE: envEnum(embeddedDatabaseEngines).default("auto"),
      EMBEDDED_POSTGRES_PORT: envInteger({ min: 0, max: 65_535 }).default(0),
    })
    .transform((env) => ({
      databaseUrl: env.DATABASE_URL,
      databasePoolMax: env.DATABASE_POOL_MAX,
      isEmbedded: env.DATABASE_URL === undefined,
      embeddedDatabase: env.EMBEDDED_DATABASE,
      embeddedPostgresPort: env.EMBEDDED_POSTGRES_PORT,
    }));
}
