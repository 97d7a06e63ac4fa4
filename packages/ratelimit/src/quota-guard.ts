import type { Plan, QuotaLimits } from "@vitae/config";
import { AppError } from "@vitae/errors";
import { type QuotaPeriod, quotaPeriodOf } from "./quota-period";

/** The metered quantities (the same keys as `QuotaLimits`). */
export type QuotaMetric = keyof QuotaLimits;

/** Usage of one workspace in one period. */
export type UsageTotals = Record<QuotaMetric, number>;

/** A change to usage; omitted metrics are unchanged. */
export type UsageDelta = Partial<UsageTotals>;

/**
 * Where usage lives (implemented on Postgres over `workspace_usage`). `increment` must be atomic (one
 * `INSERT … ON CONFLICT DO UPDATE … RETURNING`) and return the totals *after* adding `delta`, so concurrent
 * callers each see their own total; deltas may be negative (refunds, deleted bytes). `get` returns zeros
 * for a period with no row. `period` is `YYYY-MM` (UTC).
 */
export interface UsageStore {
  increment(workspaceId: string, period: string, delta: UsageDelta): Promise<UsageTotals>;
  get(workspaceId: string, period: string): Promise<UsageTotals>;
}

/** One metric's usage against its limit. */
export interface MetricUsage {
  used: number;
  limit: number;
}

/** A workspace's usage in the current period (the `usage.current` procedure's output). */
export interface QuotaUsage {
  plan: Plan;
  /** ISO 8601 instants; `end` is exclusive and is when usage resets. */
  period: { start: string; end: string };
  requests: MetricUsage;
  llmTokens: MetricUsage;
  storedBytes: MetricUsage;
}

/** Options of {@link createQuotaGuard}. */
export interface CreateQuotaGuardOptions {
  /** `quotas` from `quotaConfig()`. */
  limits: Record<Plan, QuotaLimits>;
  store: UsageStore;
  /**
   * The live request total of a period when requests are counted outside the store (Redis counters
   * written behind, see `createUsageCounter`); null falls back to the store's figure.
   */
  liveRequests?: (workspaceId: string, period: string) => Promise<number | null>;
}

/** Enforces monthly per-workspace quotas. */
export interface QuotaGuard {
  /**
   * Adds `delta` to the workspace's usage for the current period and returns the new totals, or throws
   * `AppError("QUOTA_EXCEEDED")` (details: `metric`, `used`, `requested`, `limit`, `resetAt`) if any metric
   * would end above its plan limit. A refused delta is *not* counted: it is refunded at once, so `used`
   * never creeps past the limit through refused calls, and admission is exact under concurrency (each
   * caller judges the total its own atomic increment produced). Reaching the limit exactly is allowed.
   * A delta that only lowers usage (negative `storedBytes` after a deletion) is never refused.
   * Call it before doing the work; store errors propagate (the caller decides whether to fail the call).
   */
  consume(workspaceId: string, plan: Plan, delta: UsageDelta, now?: Date): Promise<UsageTotals>;
  /** Usage and limits for the period containing `now` (default: the current instant). */
  current(workspaceId: string, plan: Plan, now?: Date): Promise<QuotaUsage>;
  /** The plan's monthly request quota. */
  requestLimit(plan: Plan): number;
  /**
   * The `QUOTA_EXCEEDED` error `consume` throws, for a request refused elsewhere (by the Redis counter):
   * `used` is the period's total the request would have gone past.
   */
  requestRefusal(plan: Plan, used: number, now?: Date): AppError;
}

const metrics: readonly QuotaMetric[] = ["requests", "llmTokens", "storedBytes"];

function validateDelta(delta: UsageDelta): UsageDelta {
  const clean: UsageDelta = {};
  for (const metric of metrics) {
    const value = delta[metric];
    if (value === undefined || value === 0) continue;
    // Requests and tokens only ever grow; stored bytes shrink when objects are deleted.
    const minimum = metric === "storedBytes" ? Number.MIN_SAFE_INTEGER : 0;
    if (!Number.isSafeInteger(value) || value < minimum) {
      throw new RangeError(
        `usage delta ${metric} must be ${minimum === 0 ? "a non-negative" : "an"} integer`,
      );
    }
    clean[metric] = value;
  }
  return clean;
}

function negate(delta: UsageDelta): UsageDelta {
  const refund: UsageDelta = {};
  for (const metric of metrics) {
    const value = delta[metric];
    if (value !== undefined) refund[metric] = -value;
  }
  return refund;
}

function exceeded(period: QuotaPeriod, metric: QuotaMetric, total: number, delta: number, limit: number) {
  return new AppError("QUOTA_EXCEEDED", {
    message: `The monthly ${metric} quota of your plan is used up.`,
    details: { metric, used: total - delta, requested: delta, limit, resetAt: period.end.toISOString() },
  });
}

/** Creates a guard over `store` with the configured per-plan limits. */
export function createQuotaGuard(options: CreateQuotaGuardOptions): QuotaGuard {
  const { limits, store } = options;

  return {
    async consume(workspaceId, plan, delta, now = new Date()) {
      const clean = validateDelta(delta);
      const period = quotaPeriodOf(now);
      if (Object.keys(clean).length === 0) return store.get(workspaceId, period.key);
      const totals = await store.increment(workspaceId, period.key, clean);
      for (const metric of metrics) {
        const added = clean[metric];
        if (added === undefined || added <= 0) continue;
        if (totals[metric] > limits[plan][metric]) {
          const error = exceeded(period, metric, totals[metric], added, limits[plan][metric]);
          // A failed refund leaves the refused delta counted (an over-count, never an over-admission);
          // the refusal stands and carries the store error for the logs.
          await store.increment(workspaceId, period.key, negate(clean)).catch((refundError: unknown) => {
            error.cause = refundError;
          });
          throw error;
        }
      }
      return totals;
    },

    async current(workspaceId, plan, now = new Date()) {
      const period = quotaPeriodOf(now);
      const [stored, live] = await Promise.all([
        store.get(workspaceId, period.key),
        options.liveRequests?.(workspaceId, period.key) ?? null,
      ]);
      const totals = { ...stored, requests: live ?? stored.requests };
      const usage = (metric: QuotaMetric): MetricUsage => ({
        used: totals[metric],
        limit: limits[plan][metric],
      });
      return {
        plan,
        period: { start: period.start.toISOString(), end: period.end.toISOString() },
        requests: usage("requests"),
        llmTokens: usage("llmTokens"),
        storedBytes: usage("storedBytes"),
      };
    },

    requestLimit: (plan) => limits[plan].requests,

    requestRefusal: (plan, used, now = new Date()) =>
      exceeded(quotaPeriodOf(now), "requests", used + 1, 1, limits[plan].requests),
  };
}
