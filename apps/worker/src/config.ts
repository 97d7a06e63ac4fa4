import {
  type ConfigSchema,
  databaseConfig,
  documentsConfig,
  type Env,
  httpConfig,
  llmConfig,
  llmWorkspaceConfig,
  loadConfig,
  loggingConfig,
  metricsConfig,
  redisConfig,
  runtimeConfig,
  storageConfig,
  workerConfig,
} from "@vitae/config";
import { z } from "zod";

/**
 * `DATABASE_URL` is optional for the platform (embedded PGlite) but required here: PGlite is
 * single-process, so embedded mode runs its workers inside the API process instead of this app.
 */
function databaseRequired(): ConfigSchema<object> {
  return z
    .object({
      DATABASE_URL: z.string({
        error: "is required by the worker (without it, run the API in embedded mode, which runs the workers)",
      }),
    })
    .transform(() => ({}));
}

/**
 * The worker's whole configuration, validated at boot (pure: reads only `env`). `HOST` is the address
 * the health server binds (loopback by default; `0.0.0.0` in containers) and `PUBLIC_URL` is only used
 * by the disk storage driver.
 */
export function loadWorkerConfig(env: Env) {
  return loadConfig(
    env,
    runtimeConfig(),
    loggingConfig(),
    httpConfig(),
    databaseConfig(),
    databaseRequired(),
    redisConfig(),
    storageConfig(),
    workerConfig(),
    metricsConfig(),
    llmConfig(),
    llmWorkspaceConfig(),
    documentsConfig(),
  );
}

/** The worker's validated configuration. */
export type WorkerAppConfig = ReturnType<typeof loadWorkerConfig>;
