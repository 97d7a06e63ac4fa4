import { join } from "node:path";
import {
  type ConfigSchema,
  databaseConfig,
  type Env,
  httpConfig,
  loadConfig,
  loadOrCreateSecret,
  loggingConfig,
  metricsConfig,
  redisConfig,
  runtimeConfig,
  storageConfig,
  workerConfig,
} from "@vitae/config";
import type { ObjectStoreConfig } from "@vitae/storage";
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
  );
}

/** The worker's validated configuration. */
export type WorkerAppConfig = ReturnType<typeof loadWorkerConfig>;

/**
 * Object-store settings from the config: S3 when a bucket is set, else disk under `DATA_DIR/objects`
 * with the signing secret generated once under `DATA_DIR` outside production (the config requires
 * `STORAGE_SIGNING_SECRET` in production). Mirrors the API so both processes see the same objects.
 */
export async function resolveObjectStoreConfig(config: WorkerAppConfig): Promise<ObjectStoreConfig> {
  if (config.storageDriver === "s3") {
    return {
      s3: {
        bucket: config.s3Bucket,
        region: config.s3Region,
        endpoint: config.s3Endpoint,
        forcePathStyle: config.s3ForcePathStyle,
        credentials:
          config.s3AccessKeyId && config.s3SecretAccessKey
            ? { accessKeyId: config.s3AccessKeyId, secretAccessKey: config.s3SecretAccessKey }
            : undefined,
      },
    };
  }
  return {
    disk: {
      rootDir: join(config.dataDir, "objects"),
      publicUrl: config.publicUrl,
      signingSecret:
        config.storageSigningSecret ??
        (await loadOrCreateSecret({ dataDir: config.dataDir, name: "storage-signing" })),
    },
  };
}
