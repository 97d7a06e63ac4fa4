import { z } from "zod";
import { envInteger } from "./env-fields";
import type { ConfigSchema } from "./load-config";
import { type Plan, plans } from "./plans";

/** What a workspace may use in one calendar month (UTC). */
export interface QuotaLimits {
  /** API requests per month. */
  requests: number;
  /** LLM tokens (prompt + completion) per month. */
  llmTokens: number;
  /** Bytes held in object storage. */
  storedBytes: number;
}

/** Monthly quotas per plan. */
export interface QuotaConfig {
  /** From `QUOTA_<FREE|PRO>_<REQUESTS|LLM_TOKENS|STORED_BYTES>`. */
  quotas: Record<Plan, QuotaLimits>;
}

const mib = 1024 * 1024;

/** The defaults documented in the `@vitae/ratelimit` README (MB and GB are binary: MiB, GiB). */
const defaultQuotas: Record<Plan, QuotaLimits> = {
  free: { requests: 50_000, llmTokens: 200_000, storedBytes: 500 * mib },
  pro: { requests: 1_000_000, llmTokens: 5_000_000, storedBytes: 20 * 1024 * mib },
};

const metrics = {
  requests: "REQUESTS",
  llmTokens: "LLM_TOKENS",
  storedBytes: "STORED_BYTES",
} as const satisfies Record<keyof QuotaLimits, string>;

const envName = (plan: Plan, metric: keyof QuotaLimits) => `QUOTA_${plan.toUpperCase()}_${metrics[metric]}`;

/**
 * `QUOTA_<FREE|PRO>_REQUESTS`, `QUOTA_<FREE|PRO>_LLM_TOKENS`, `QUOTA_<FREE|PRO>_STORED_BYTES`: non-negative
 * integers (0 turns the capability off for the plan). Defaults: free 50000 requests, 200000 tokens,
 * 500 MiB; pro 1000000, 5000000, 20 GiB.
 */
export function quotaConfig(): ConfigSchema<QuotaConfig> {
  const shape: Record<string, z.ZodType> = {};
  for (const plan of plans) {
    for (const metric of Object.keys(metrics) as (keyof QuotaLimits)[]) {
      shape[envName(plan, metric)] = envInteger({ min: 0, max: Number.MAX_SAFE_INTEGER }).default(
        defaultQuotas[plan][metric],
      );
    }
  }
  return z.object(shape).transform((env) => {
    const limitsOf = (plan: Plan): QuotaLimits => ({
      requests: env[envName(plan, "requests")] as number,
      llmTokens: env[envName(plan, "llmTokens")] as number,
      storedBytes: env[envName(plan, "storedBytes")] as number,
    });
    return { quotas: { free: limitsOf("free"), pro: limitsOf("pro") } };
  });
}
