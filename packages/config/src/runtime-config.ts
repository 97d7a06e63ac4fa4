import { resolve } from "node:path";
import { z } from "zod";
import { envInteger, envString, type NodeEnv, nodeEnvField } from "./env-fields";
import type { ConfigSchema } from "./load-config";

/** `DATA_DIR` when unset, relative to the startup directory. */
export const defaultDataDir = "./.data";

/** Process-wide settings every app needs. */
export interface RuntimeConfig {
  /** `NODE_ENV` (default `development`). */
  nodeEnv: NodeEnv;
  /** `NODE_ENV === "production"`: JSON logs, no dev error detail, secrets must be provided. */
  isProduction: boolean;
  /** `DATA_DIR` (default `./.data`) resolved to an absolute path against the startup directory. */
  dataDir: string;
  /** `SHUTDOWN_TIMEOUT_MS` (default 10000): how long draining may take before the process exits anyway. */
  shutdownTimeoutMs: number;
  /** `READINESS_TIMEOUT_MS` (default 1000): the deadline of each readiness check. */
  readinessTimeoutMs: number;
}

/**
 * `NODE_ENV`, `DATA_DIR`, `SHUTDOWN_TIMEOUT_MS`, `READINESS_TIMEOUT_MS`. `DATA_DIR` is resolved once
 * here so a later `chdir` (or a tool running the app from another directory) cannot move embedded
 * data, disk objects or generated secrets.
 */
export function runtimeConfig(): ConfigSchema<RuntimeConfig> {
  return z
    .object({
      NODE_ENV: nodeEnvField(),
      DATA_DIR: envString().default(defaultDataDir),
      SHUTDOWN_TIMEOUT_MS: envInteger({ min: 1, max: 600_000 }).default(10_000),
      READINESS_TIMEOUT_MS: envInteger({ min: 1, max: 60_000 }).default(1_000),
    })
    .transform((env) => ({
      nodeEnv: env.NODE_ENV,
      isProduction: env.NODE_ENV === "production",
      dataDir: resolve(env.DATA_DIR),
      shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_MS,
      readinessTimeoutMs: env.READINESS_TIMEOUT_MS,
    }));
}
