import { fileURLToPath } from "node:url";
import {
  authConfig,
  databaseConfig,
  documentsConfig,
  type Env,
  envBoolean,
  envInteger,
  envString,
  exportsConfig,
  httpConfig,
  llmConfig,
  llmWorkspaceConfig,
  loadConfig,
  loggingConfig,
  mailConfig,
  metricsConfig,
  quotaConfig,
  rateLimitConfig,
  redisConfig,
  runtimeConfig,
  storageConfig,
  workerConfig,
} from "@vitae/config";
import { z } from "zod";

const defaultWebDistDir = fileURLToPath(new URL("../../web/dist", import.meta.url));

/**
 * API-only host settings: `TRUST_PROXY` (honour X-Forwarded-* from a fronting proxy; off by default so a
 * client cannot spoof its IP), `MAX_EVENT_LOOP_DELAY_MS` and `MAX_IN_FLIGHT_REQUESTS` (admission control:
 * above either, new requests get a fast 503 with Retry-After), `WEB_DIST_DIR`
 * (the built web app to serve) and `SHUTDOWN_DRAIN_MS` (how long, after SIGTERM, the API keeps serving
 * with `/readyz` at 503 so a load balancer stops routing to it before the listener closes) and
 * `ACCESS_CACHE_TTL_MS` (how long a process may reuse a resolved principal or workspace access without
 * a re-read; changes invalidate them across processes at once, the TTL only bounds a lost message; 0
 * turns the cache off).
 */
function apiHostConfig() {
  return z
    .object({
      TRUST_PROXY: envBoolean().default(false),
      MAX_EVENT_LOOP_DELAY_MS: envInteger({ min: 50, max: 60_000 }).default(1000),
      WEB_DIST_DIR: envString().default(defaultWebDistDir),
      SHUTDOWN_DRAIN_MS: envInteger({ min: 0, max: 120_000 }).default(0),
      ACCESS_CACHE_TTL_MS: envInteger({ min: 0, max: 300_000 }).default(5000),
      MAX_IN_FLIGHT_REQUESTS: envInteger({ min: 1, max: 100_000 }).default(256),
    })
    .transform((env) => ({
      trustProxy: env.TRUST_PROXY,
      maxEventLoopDelayMs: env.MAX_EVENT_LOOP_DELAY_MS,
      webDistDir: env.WEB_DIST_DIR,
      shutdownDrainMs: env.SHUTDOWN_DRAIN_MS,
      accessCacheTtlMs: env.ACCESS_CACHE_TTL_MS,
      maxInFlightRequests: env.MAX_IN_FLIGHT_REQUESTS,
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
    authConfig(),
    rateLimitConfig(),
    quotaConfig(),
    documentsConfig(),
    exportsConfig(),
    llmConfig(),
    llmWorkspaceConfig(),
    mailConfig(),
    apiHostConfig(),
  );
}

/** The API's validated configuration. */
export type ApiConfig = ReturnType<typeof loadApiConfig>;
