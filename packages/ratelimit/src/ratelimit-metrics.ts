import type { RateLimitTier } from "@vitae/config";
import { Counter, type Registry } from "prom-client";
import type { DegradedPolicy } from "./failure-policy";

/** What a decision was; degraded decisions are counted here too, and again in the degraded counter. */
export type DecisionOutcome = "allowed" | "denied";

/** The two counters the limiter maintains. */
export interface RateLimitMetrics {
  /** `ratelimit_decisions_total{tier, outcome}`: every decision, `allowed` or `denied`. */
  decisions: Counter<"tier" | "outcome">;
  /** `ratelimit_degraded_total{tier, policy}`: decisions taken without Redis (timeout or error). */
  degraded: Counter<"tier" | "policy">;
}

function counterIn<L extends string>(
  registry: Registry,
  name: string,
  help: string,
  labelNames: readonly L[],
): Counter<L> {
  // Several limiters (e.g. an API and its embedded worker) may share one registry: reuse, never re-register.
  const existing = registry.getSingleMetric(name);
  if (existing instanceof Counter) return existing as Counter<L>;
  return new Counter({ name, help, labelNames, registers: [registry] });
}

/** Registers (or reuses) the rate-limit counters in `registry`. */
export function createRateLimitMetrics(registry: Registry): RateLimitMetrics {
  return {
    decisions: counterIn(registry, "ratelimit_decisions_total", "Rate-limit decisions by tier and outcome", [
      "tier",
      "outcome",
    ]),
    degraded: counterIn(
      registry,
      "ratelimit_degraded_total",
      "Rate-limit decisions taken without Redis (slow or down), by tier and failure policy",
      ["tier", "policy"],
    ),
  };
}

/** Records one decision; a no-op without a registry. */
export function recordDecision(
  metrics: RateLimitMetrics | undefined,
  tier: RateLimitTier,
  allowed: boolean,
  degraded: DegradedPolicy | undefined,
): void {
  if (!metrics) return;
  metrics.decisions.inc({ tier, outcome: allowed ? "allowed" : "denied" });
  if (degraded) metrics.degraded.inc({ tier, policy: degraded });
}
