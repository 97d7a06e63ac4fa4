import { AppError } from "@vitae/errors";
import type { RateLimitDecision, RateLimitRequest } from "@vitae/ratelimit";
import type { Context } from "./context";

/**
 * Counts one call against a tier and reports it in `X-RateLimit-*` headers. Every call of a batched
 * request passes here, so a batch cannot buy more calls than the limit; the headers report the
 * tightest limit the response touched. Refusals carry `Retry-After`. When Redis is unavailable, the
 * tier's policy decides: fail-open tiers let the call through, fail-closed ones answer 503.
 */
export async function applyRateLimit(ctx: Context, request: RateLimitRequest): Promise<void> {
  enforceRateLimit(ctx, await ctx.deps.rateLimiter.limit(request));
}

/** Reports a decision already taken in the response headers, and throws when it refuses the call. */
export function enforceRateLimit(ctx: Context, decision: RateLimitDecision): void {
  if (decision.degraded === "fail-closed") {
    ctx.setHeader("retry-after", "5");
    throw new AppError("SERVICE_UNAVAILABLE", {
      message: "Rate limiting is unavailable; try again shortly.",
    });
  }
  if (decision.degraded === "fail-open") return;
  if (ctx.rateLimitHeaders === null || decision.remaining <= ctx.rateLimitHeaders.remaining) {
    ctx.rateLimitHeaders = { remaining: decision.remaining };
    ctx.setHeader("x-ratelimit-limit", String(decision.limit));
    ctx.setHeader("x-ratelimit-remaining", String(Math.max(0, decision.remaining)));
    ctx.setHeader("x-ratelimit-reset", String(Math.ceil(decision.resetAt / 1000)));
  }
  if (!decision.allowed) {
    const retryAfter =
      decision.retryAfterSeconds ?? Math.max(1, Math.ceil((decision.resetAt - Date.now()) / 1000));
    ctx.setHeader("retry-after", String(retryAfter));
    throw new AppError("RATE_LIMITED");
  }
}
