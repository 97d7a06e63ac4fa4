import { z } from "zod";
import { envString } from "./env-fields";
import type { ConfigSchema } from "./load-config";

/** Access to the Prometheus endpoint. */
export interface MetricsConfig {
  /** `METRICS_TOKEN`: when set, `/metrics` requires `Authorization: Bearer <token>`; unset leaves it open. */
  metricsToken: string | undefined;
}

/**
 * `METRICS_TOKEN` (used by both api and worker, so it has its own factory). At least 16 characters:
 * a short bearer token on an internet-facing endpoint is guessable.
 */
export function metricsConfig(): ConfigSchema<MetricsConfig> {
  return z
    .object({ METRICS_TOKEN: envString({ minLength: 16 }).optional() })
    .transform((env) => ({ metricsToken: env.METRICS_TOKEN }));
}
