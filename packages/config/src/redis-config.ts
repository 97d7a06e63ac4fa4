import { createHash } from "node:crypto";
import { resolve } from "node:path";
import { z } from "zod";
import { envString, envUrl } from "./env-fields";
import type { ConfigSchema } from "./load-config";
import { defaultDataDir } from "./runtime-config";

/** The Redis server and the namespace of every key the platform writes. */
export interface RedisConfig {
  /** `REDIS_URL` (redis:// or rediss://; default `redis://127.0.0.1:6379`). */
  redisUrl: string;
  /** `REDIS_KEY_PREFIX`: prefix of every Redis key and the BullMQ prefix (default: see {@link redisConfig}). */
  redisKeyPrefix: string;
}

/**
 * The default prefix of an embedded instance: `vitae-<first 12 hex of sha256(absolute DATA_DIR)>`. Two
 * embedded instances on one Redis would otherwise share `vitae` and take each other's jobs (each drops
 * the other's, having no row for it); keyed by the data directory, the same instance keeps its prefix
 * across restarts.
 */
export function embeddedRedisKeyPrefix(dataDir: string): string {
  return `vitae-${createHash("sha256").update(resolve(dataDir)).digest("hex").slice(0, 12)}`;
}

/**
 * `REDIS_URL`, `REDIS_KEY_PREFIX`. Without `REDIS_KEY_PREFIX` the prefix is `vitae` when `DATABASE_URL`
 * is set (replicas of one deployment share it) and {@link embeddedRedisKeyPrefix} of `DATA_DIR` in
 * embedded mode (each embedded instance is a deployment of its own).
 */
export function redisConfig(): ConfigSchema<RedisConfig> {
  return z
    .object({
      DATABASE_URL: z.string().optional(),
      DATA_DIR: envString().default(defaultDataDir),
      REDIS_URL: envUrl(["redis", "rediss"]).default("redis://127.0.0.1:6379"),
      // Keys are built as `${prefix}:...`; separators, spaces or glob characters in the prefix would
      // let two deployments' key spaces (or a prefix-scan cleanup) overlap.
      REDIS_KEY_PREFIX: z
        .string()
        .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, {
          error: "must be 1-64 characters of letters, digits, '_' or '-', starting with a letter or digit",
        })
        .optional(),
    })
    .transform((env) => ({
      redisUrl: env.REDIS_URL,
      redisKeyPrefix:
        env.REDIS_KEY_PREFIX ??
        (env.DATABASE_URL === undefined ? embeddedRedisKeyPrefix(env.DATA_DIR) : "vitae"),
    }));
}
