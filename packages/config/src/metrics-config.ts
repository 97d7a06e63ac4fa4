import { z } from "zod";
import { envString, nodeEnvField } from "./env-fields";
import type { ConfigSchema } from "./load-config";

/** Access to the Prometheus endpoint. */
export interface MetricsConfig {
  /**
   * `METRICS_TOKEN`: `/metrics` requires `Authorization: Bearer <token>` when set. Required with
   * `NODE_ENV=production`; unset (development, test) leaves the endpoint open.
   */
  metricsToken: string | undefined;
}

/**
 * `METRICS_TOKEN` (reads `NODE_ENV`; used by both api and worker, so it has its own factory). At least
 * 16 characters: a short bearer token on an internet-facing endpoint is guessable. Required with
 * `NODE_ENV=production`: metrics name routes, procedures, queue depths and error rates — a map of the
 * service that must not be open to anyone who can reach the port.
 */
export function metricsConfig(): ConfigSchema<MetricsConfig> {
  return z
    .object({
      NODE_ENV: nodeEnvField(),
      METRICS_TOKEN: envString({ minLength: 16 }).optional(),
    })
    .superRefine(
      (env, ctx) => {
        if (env.NODE_ENV === "production" && env.METRICS_TOKEN === undefined) {
          ctx.addIssue({
            code: "custom",
            path: ["METRICS_TOKEN"],
            message: "is required when NODE_ENV=production",
          });
        }
      },
      // A presence rule: report it even when NODE_ENV itself is fine and another check failed.
      { when: () => true },
    )
    .transform((env) => ({ metricsToken: env.METRICS_TOKEN }));
}
