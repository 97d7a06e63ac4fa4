import { join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  databaseConfig,
  type Env,
  envBoolean,
  envInteger,
  envString,
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

const defaultWebDistDir = fileURLToPath(new URL("../../web/dist", import.meta.url));

/**
 * API-only host settings: `TRUST_PROXY` (honour X-Forwarded-* from a fronting proxy; off by default so a
 * client cannot spoof its IP), `MAX_EVENT_LOOP_DELAY_MS` (admission control threshold), `WEB_DIST_DIR`
 * (the built web app to serve) and `SHUTDOWN_DRAIN_MS` (how long, after SIGTERM, the API keeps serving
 * with `/readyz` at 503 so a load balancer stops routing to it before the listener closes).
 */
function apiHostConfig() {
  return z
    .object({
      TRUST_PROXY: envBoolean().default(false),
      MAX_EVENT_LOOP_DELAY_MS: envInteger({ min: 50, max: 60_000 }).default(1000),
      WEB_DIST_DIR: envString().default(defaultWebDistDir),
      SHUTDOWN_DRAIN_MS: envInteger({ min: 0, max: 120_000 }).default(0),
    })
    .transform((env) => ({
      trustProxy: env.TRUST_PROXY,
      maxEventLoopDelayMs: env.MAX_EVENT_LOOP_DELAY_MS,
      webDistDir: env.WEB_DIST_DIR,
      shutdownDrainMs: env.SHUTDOWN_DRAIN_MS,
    }));
}

/**
 * The API's whole configuration, validated at boot (pure: reads only `env`). The worker settings apply
 * to the in-process workers of embedded mode.
 */
export function loadApiConfig(env: Env) {
  return loadConfig(
    env,
    runtimeConfig(),
    loggingConfig(),
    httpConfig(),
    databaseConfig(),
    redisConfig(),
    storageConfig(),
    workerConfig(),
    metricsConfig(),
    apiHostConfig(),
  );
}

/** The API's validated configuration. */
export type ApiConfig = ReturnType<typeof loadApiConfig>;

/**
 * Object-store settings from the config. Without S3 and outside production, the disk-link signing
 * secret is generated once and kept under DATA_DIR (production requires STORAGE_SIGNING_SECRET, which
 * the config already enforces).
 */
export async function resolveObjectStoreConfig(config: ApiConfig): Promise<ObjectStoreConfig> {
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
