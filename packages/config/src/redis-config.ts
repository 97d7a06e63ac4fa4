import { z } from "zod";
import { envUrl } from "./env-fields";
import type { ConfigSchema } from "./load-config";

/** The Redis server and the namespace of every key the platform writes. */
export interface RedisConfig {
  /** `REDIS_URL` (redis:// or rediss://; default `redis://127.0.0.1:6379`). */
  redisUrl: string;
  /** `REDIS_KEY_PREFIX` (default `vitae`): prefix of every Redis key and the BullMQ prefix. */
  redisKeyPrefix: string;
}

/** `REDIS_URL`, `REDIS_KEY_PREFIX`. */
export function redisConfig(): ConfigSchema<RedisConfig> {
  return z
    .object({
      REDIS_URL: envUrl(["redis", "rediss"]).default("redis://127.0.0.1:6379"),
      // Keys are built as `${prefix}:...`; separators, spaces or glob characters in the prefix would
      // let two deployments' key spaces (or a prefix-scan cleanup) overlap.
      REDIS_KEY_PREFIX: z
        .string()
        .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, {
          error: "must be 1-64 characters of letters, digits, '_' or '-', starting with a letter or digit",
        })
        .default("vitae"),
    })
    .transform((env) => ({ redisUrl: env.REDIS_URL, redisKeyPrefix: env.REDIS_KEY_PREFIX }));
}
