export type { Plan, QuotaLimits, RateLimitRule, RateLimits, RateLimitTier } from "@vitae/config";
export { type DegradedPolicy, failurePolicies } from "./failure-policy";
export {
  type CreateQuotaGuardOptions,
  createQuotaGuard,
  type MetricUsage,
  type QuotaGuard,
  type QuotaMetric,
  type QuotaUsage,
  type UsageDelta,
  type UsageStore,
  type UsageTotals,
} from "./quota-guard";
export { type QuotaPeriod, quotaPeriodOf } from "./quota-period";
export {
  type CreateRateLimiterOptions,
  createRateLimiter,
  type QuotaCount,
  type RateLimitDecision,
  type RateLimiter,
  type RateLimitRequest,
} from "./rate-limiter";
export { createUpstashAdapter, type UpstashRedis } from "./upstash-adapter";
export {
  type AdmitOutcome,
  type CreateUsageCounterOptions,
  createUsageCounter,
  type FlushResult,
  type UsageCounter,
  type WindowCheck,
} from "./usage-counter";
