import { z } from "zod";
import { envInteger, envOriginList, envString, envUrl } from "./env-fields";
import type { ConfigSchema } from "./load-config";

/** The API's HTTP listener and request limits. */
export interface HttpConfig {
  /** `HOST` (default `127.0.0.1`): loopback unless deliberately exposed. */
  host: string;
  /** `PORT` (default 3000). */
  port: number;
  /** `PUBLIC_URL` (default `http://localhost:${PORT}`), without a trailing slash, for absolute links. */
  publicUrl: string;
  /** `CORS_ORIGINS` as normalised origins; empty means same-origin only. */
  corsOrigins: string[];
  /**
   * Without `PUBLIC_URL`: every loopback spelling of the listening port (`http://localhost:PORT`,
   * `http://127.0.0.1:PORT`, `http://[::1]:PORT`), which are distinct origins to a browser but one
   * server. Empty when `PUBLIC_URL` is set: then that is the one origin the product is reached on.
   */
  loopbackOrigins: string[];
  /** `BODY_LIMIT_BYTES` (default 1048576). */
  bodyLimitBytes: number;
  /** `TRPC_MAX_BATCH_SIZE` (default 20). */
  trpcMaxBatchSize: number;
}

/** `HOST`, `PORT`, `PUBLIC_URL`, `CORS_ORIGINS`, `BODY_LIMIT_BYTES`, `TRPC_MAX_BATCH_SIZE`. */
export function httpConfig(): ConfigSchema<HttpConfig> {
  return z
    .object({
      HOST: envString().default("127.0.0.1"),
      PORT: envInteger({ min: 1, max: 65_535 }).default(3000),
      PUBLIC_URL: envUrl(["http", "https"]).optional(),
      CORS_ORIGINS: envOriginList().default([]),
      // Uploads go straight to storage through presigned URLs, so API bodies stay small.
      BODY_LIMIT_BYTES: envInteger({ min: 1024, max: 104_857_600 }).default(1_048_576),
      TRPC_MAX_BATCH_SIZE: envInteger({ min: 1, max: 100 }).default(20),
    })
    .transform((env) => ({
      host: env.HOST,
      port: env.PORT,
      // Links are built as `${publicUrl}/path`; a trailing slash would double it.
      publicUrl: (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, ""),
      corsOrigins: env.CORS_ORIGINS,
      loopbackOrigins:
        env.PUBLIC_URL === undefined
          ? ["localhost", "127.0.0.1", "[::1]"].map((host) => `http://${host}:${env.PORT}`)
          : [],
      bodyLimitBytes: env.BODY_LIMIT_BYTES,
      trpcMaxBatchSize: env.TRPC_MAX_BATCH_SIZE,
    }));
}
