import { z } from "zod";
import { envInteger, envUrl } from "./env-fields";
import type { ConfigSchema } from "./load-config";

/** Where the relational data lives. */
export interface DatabaseConfig {
  /** `DATABASE_URL` (postgres:// or postgresql://); undefined selects embedded PGlite under `DATA_DIR/pglite`. */
  databaseUrl: string | undefined;
  /** `DATABASE_POOL_MAX` (default 10). */
  databasePoolMax: number;
  /** True when no `DATABASE_URL` is set: the single-process embedded mode. */
  isEmbedded: boolean;
}

/** `DATABASE_URL`, `DATABASE_POOL_MAX`. */
export function databaseConfig(): ConfigSchema<DatabaseConfig> {
  return z
    .object({
      DATABASE_URL: envUrl(["postgres", "postgresql"]).optional(),
      DATABASE_POOL_MAX: envInteger({ min: 1, max: 1000 }).default(10),
    })
    .transform((env) => ({
      databaseUrl: env.DATABASE_URL,
      databasePoolMax: env.DATABASE_POOL_MAX,
      isEmbedded: env.DATABASE_URL === undefined,
    }));
}
