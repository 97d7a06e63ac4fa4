import type { RateLimitTier } from "@vitae/config";

/** How a tier decides when Redis cannot answer in time. */
export type DegradedPolicy = "fail-open" | "fail-closed";

/**
 * The failure policy of every tier, fixed in code because it is a security decision, not a tuning knob.
 * - `default`, `public` fail open: a Redis outage must not take down reads and ordinary calls, and the
 *   only cost of admitting them unmetered is load, which admission control (under-pressure) bounds.
 * - `auth` fails closed: without a counter, password guessing would be unlimited.
 * - `upload`, `llm` fail closed: each admitted call spends storage or paid LLM tokens.
 */
export const failurePolicies = {
  auth: "fail-closed",
  default: "fail-open",
  upload: "fail-closed",
  llm: "fail-closed",
  public: "fail-open",
} as const satisfies Record<RateLimitTier, DegradedPolicy>;
