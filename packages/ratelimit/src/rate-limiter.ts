import { Ratelimit } from "@upstash/ratelimit";
import type { Plan, RateLimitRule, RateLimits, RateLimitTier } from "@vitae/config";
import type { Logger } from "@vitae/logger";
import type { Redis } from "ioredis";
import type { Registry } from "prom-client";
import { type DegradedPolicy, failurePolicies } from "./failure-policy";
import { createIncidentLog, type DegradedReason } from "./incident-log";
import { createRateLimitMetrics, recordDecision } from "./ratelimit-metrics";
import { createUpstashAdapter } from "./upstash-adapter";
import type { UsageCounter } from "./usage-counter";

/** One check: whose budget (`identifier`) in which tier; the plan picks the limit of plan-dependent tiers. */
export type RateLimitRequest =
  | { tier: "auth" | "public"; identifier: string; plan?: Plan }
  | { tier: "default" | "upload" | "llm"; identifier: string; plan: Plan };

/**
 * The outcome of a check. `resetAt` (epoch ms) is when the current window ends; `retryAfterSeconds` is set
 * whenever `allowed` is false. `degraded` is set when Redis did not answer within the timeout (or failed):
 * the decision then follows the tier's policy, nothing was counted, `remaining` is not measured (it reports
 * `limit` when failing open and 0 when failing closed), and a fail-closed refusal means "unavailable"
 * (SERVICE_UNAVAILABLE with Retry-After), not "rate limited".
 */
export interface RateLimitDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  resetAt: number;
  retryAfterSeconds?: number;
  degraded?: DegradedPolicy;
}

/** Options of {@link createRateLimiter}. */
export interface CreateRateLimiterOptions {
  /** A `client`-role connection (fail fast, no offline queue). The caller owns and closes it. */
  redis: Redis;
  /** `REDIS_KEY_PREFIX`; keys are `<prefix>:rl:<tier>:<windowMs>:<identifier>:<window number>`. */
  prefix: string;
  /** `rateLimits` from `rateLimitConfig()`. */
  limits: RateLimits;
  /** `rateLimitTimeoutMs`: longest wait for Redis before the tier's failure policy decides. */
  timeoutMs: number;
  logger: Logger;
  /** Registry to add `ratelimit_decisions_total` and `ratelimit_degraded_total` to (e.g. `createMetrics().registry`). */
  metrics?: { registry: Registry };
  /** Retry-After of a fail-closed refusal; default 5. */
  unavailableRetryAfterSeconds?: number;
  /** Workspaces' request counters, needed by `limitAndCount`. */
  usage?: UsageCounter;
}

/**
 * A workspace request's quota outcome from `limitAndCount`: counted (`requests` is the period's total
 * after it) or refused (`requests` is the total it would have exceeded; nothing was counted).
 */
export interface QuotaCount {
  counted: boolean;
  requests: number;
}

/** Checks and counts requests against per-tier limits shared by every process using the same Redis. */
export interface RateLimiter {
  /**
   * Counts one request for `identifier` and decides. Never rejects because of Redis: within `timeoutMs` it
   * resolves with a degraded decision instead. Throws only on a programming error (empty identifier).
   */
  limit(request: RateLimitRequest): Promise<RateLimitDecision>;
  /**
   * `limit` and, when the window admits the call, one request against the workspace's monthly quota
   * (`quotaLimit`), in one Redis round trip. `quota` is absent when the window refused (nothing counted
   * against the quota) or the decision is degraded (Redis did not answer: the caller counts the quota
   * elsewhere). Requires the `usage` option.
   */
  limitAndCount(
    request: RateLimitRequest,
    workspace: { id: string; quotaLimit: number },
  ): Promise<RateLimitDecision & { quota?: QuotaCount }>;
}

interface TierLimiter {
  rule: RateLimitRule;
  ratelimit: Ratelimit;
}

const timedOut = Symbol("timed out");
/** The longest a check waits, in timeouts, while its deadline keeps firing late because the loop is busy. */
const busyLoopTimeoutsCap = 10;

/**
 * A deadline that judges Redis, not this process. A timer that fires late says the event loop was busy
 * (the command may not even have been written yet, or its answer waits unread behind the timers), so
 * the deadline restarts instead of expiring; it expires when it fires on time (the loop was responsive
 * and Redis still had not answered) or after `busyLoopTimeoutsCap` timeouts in all. Without this, a burst
 * that kept the API busy for longer than the timeout made fail-open tiers admit past their limit.
 */
function redisDeadline(timeoutMs: number): { expired: Promise<typeof timedOut>; clear(): void } {
  const tolerance = Math.max(25, timeoutMs / 4);
  const capAt = performance.now() + timeoutMs * busyLoopTimeoutsCap;
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<typeof timedOut>((resolve) => {
    const arm = () => {
      const due = performance.now() + timeoutMs;
      timer = setTimeout(() => {
        const now = performance.now();
        if (now - due > tolerance && now < capAt) arm();
        else resolve(timedOut);
      }, timeoutMs);
    };
    arm();
  });
  return { expired, clear: () => clearTimeout(timer) };
}

/**
 * Builds the limiter. Algorithm: fixed window (one atomic `INCRBY` + `PEXPIRE` Lua script per check). Under
 * concurrency it is exact — N parallel checks from any number of processes admit exactly `limit` — and its
 * `remaining`/`resetAt` are exact: a client retrying at `resetAt` is admitted. Upstash's sliding window
 * is an estimate (a weighted share of the previous window), so its `reset` can be wrong, and a denied
 * client retrying at it may be denied again. The cost of a fixed window is that a burst straddling a
 * boundary can reach 2× the limit over a short span; the sustained rate stays bounded.
 *
 * Not used: upstash's own timeout (it *admits* on timeout, whatever the tier), its in-memory block cache
 * (unbounded per identifier, and it would answer from one process's memory), analytics and deny lists.
 */
export function createRateLimiter(options: CreateRateLimiterOptions): RateLimiter {
  const { timeoutMs, logger } = options;
  const retryAfterSeconds = options.unavailableRetryAfterSeconds ?? 5;
  const adapter = createUpstashAdapter(options.redis);
  const metrics = options.metrics ? createRateLimitMetrics(options.metrics.registry) : undefined;
  const incidents = createIncidentLog(logger);

  const build = (tier: RateLimitTier, rule: RateLimitRule): TierLimiter => ({
    rule,
    ratelimit: new Ratelimit({
      redis: adapter,
      limiter: Ratelimit.fixedWindow(rule.limit, `${rule.windowMs} ms`),
      // The window is part of the key: plans sharing a window share a counter (an upgrade keeps the count
      // and raises the limit); different windows never add up in one key.
      prefix: `${options.prefix}:rl:${tier}:${rule.windowMs}`,
      timeout: 0,
      analytics: false,
      ephemeralCache: false,
      enableProtection: false,
      enableTelemetry: false,
    }),
  });
  const perPlan = (tier: "default" | "upload" | "llm") => ({
    free: build(tier, options.limits[tier].free),
    pro: build(tier, options.limits[tier].pro),
  });
  const limiters = {
    auth: build("auth", options.limits.auth),
    public: build("public", options.limits.public),
    default: perPlan("default"),
    upload: perPlan("upload"),
    llm: perPlan("llm"),
  };

  function limiterFor(request: RateLimitRequest): TierLimiter {
    switch (request.tier) {
      case "auth":
      case "public":
        return limiters[request.tier];
      default:
        return limiters[request.tier][request.plan];
    }
  }

  function degrade(
    tier: RateLimitTier,
    rule: RateLimitRule,
    ticket: number,
    reason: DegradedReason,
    error: unknown,
  ): RateLimitDecision {
    const policy = failurePolicies[tier];
    incidents.failed(ticket, { tier, policy, reason, error });
    const now = Date.now();
    const decision: RateLimitDecision =
      policy === "fail-open"
        ? {
            allowed: true,
            limit: rule.limit,
            remaining: rule.limit,
            resetAt: (Math.floor(now / rule.windowMs) + 1) * rule.windowMs,
            degraded: policy,
          }
        : {
            allowed: false,
            limit: rule.limit,
            remaining: 0,
            resetAt: now + retryAfterSeconds * 1000,
            retryAfterSeconds,
            degraded: policy,
          };
    recordDecision(metrics, tier, decision.allowed, policy);
    return decision;
  }

  /**
   * Runs one check against Redis within the deadline; a timeout or an error becomes the tier's degraded
   * decision. `check` returns the window's verdict and whatever else it learned.
   */
  async function decide<Extra>(
    request: RateLimitRequest,
    check: (
      limiter: TierLimiter,
    ) => Promise<{ allowed: boolean; remaining: number; reset: number; extra: Extra }>,
  ): Promise<RateLimitDecision & { extra?: Extra }> {
    if (request.identifier === "") throw new TypeError("rate limit identifier must not be empty");
    const { tier } = request;
    const limiter = limiterFor(request);
    const { rule } = limiter;
    const ticket = incidents.begin();
    const deadline = redisDeadline(timeoutMs);
    try {
      const result = await Promise.race([check(limiter), deadline.expired]);
      if (result === timedOut) {
        const error = new Error(`Redis did not answer a rate-limit check within ${timeoutMs} ms`);
        return degrade(tier, rule, ticket, "timeout", error);
      }
      incidents.succeeded(ticket);
      const { allowed, remaining } = result;
      recordDecision(metrics, tier, allowed, undefined);
      if (allowed)
        return { allowed, limit: rule.limit, remaining, resetAt: result.reset, extra: result.extra };
      return {
        allowed,
        limit: rule.limit,
        remaining: 0,
        resetAt: result.reset,
        retryAfterSeconds: Math.max(1, Math.ceil((result.reset - Date.now()) / 1000)),
        extra: result.extra,
      };
    } catch (error) {
      return degrade(tier, rule, ticket, "error", error);
    } finally {
      deadline.clear();
    }
  }

  return {
    async limit(request) {
      const { extra: _, ...decision } = await decide(request, async ({ ratelimit }) => {
        const result = await ratelimit.limit(request.identifier);
        return { allowed: result.success, remaining: result.remaining, reset: result.reset, extra: null };
      });
      return decision;
    },

    async limitAndCount(request, workspace) {
      const usage = options.usage;
      if (usage === undefined) throw new TypeError("limitAndCount needs the usage option");
      const { extra, ...decision } = await decide(request, async ({ rule }) => {
        const window = Math.floor(Date.now() / rule.windowMs);
        const outcome = await usage.admit({
          workspaceId: workspace.id,
          quotaLimit: workspace.quotaLimit,
          rate: {
            // upstash's key layout (see `build`), so both paths count in one window.
            key: `${options.prefix}:rl:${request.tier}:${rule.windowMs}:${request.identifier}:${window}`,
            windowMs: rule.windowMs,
            limit: rule.limit,
          },
        });
        const quota: QuotaCount | undefined =
          outcome.kind === "rate-limited"
            ? undefined
            : { counted: outcome.kind === "counted", requests: outcome.requests };
        return {
          allowed: outcome.windowCount <= rule.limit,
          remaining: Math.max(0, rule.limit - outcome.windowCount),
          reset: (window + 1) * rule.windowMs,
          extra: quota,
        };
      });
      return extra === undefined ? decision : { ...decision, quota: extra };
    },
  };
}
