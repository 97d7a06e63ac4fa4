import { z } from "zod";
import { envInteger } from "./env-fields";
import type { ConfigSchema } from "./load-config";
import { type Plan, plans } from "./plans";

/** Request classes with their own limits. */
export const rateLimitTiers = ["auth", "default", "upload", "llm", "public"] as const;

/** A request class with its own limit (see {@link rateLimitTiers}). */
export type RateLimitTier = (typeof rateLimitTiers)[number];

/**
 * Tiers whose limit does not depend on the plan: `auth` runs before anyone is signed in (keyed per IP and,
 * separately, per account) and `public` serves anonymous callers (per IP), so no plan is known.
 */
export const planIndependentTiers = ["auth", "public"] as const satisfies readonly RateLimitTier[];

/** Tiers limited per workspace plan. */
export const planTiers = ["default", "upload", "llm"] as const satisfies readonly RateLimitTier[];

/** At most `limit` requests per `windowMs`, e.g. `10/1m` → `{ limit: 10, windowMs: 60000 }`. */
export interface RateLimitRule {
  limit: number;
  windowMs: number;
}

/** One rule per tier, and per plan for the plan-dependent tiers. */
export interface RateLimits {
  auth: RateLimitRule;
  public: RateLimitRule;
  default: Record<Plan, RateLimitRule>;
  upload: Record<Plan, RateLimitRule>;
  llm: Record<Plan, RateLimitRule>;
}

/** Rate limits per tier and plan, and how long a limit check may wait for Redis. */
export interface RateLimitConfig {
  /** From `RATE_LIMIT_AUTH`, `RATE_LIMIT_PUBLIC` and `RATE_LIMIT_<DEFAULT|UPLOAD|LLM>_<FREE|PRO>`. */
  rateLimits: RateLimits;
  /** `RATE_LIMIT_TIMEOUT_MS` (default 100): past it a check is decided by the tier's failure policy. */
  rateLimitTimeoutMs: number;
}

const unitMs = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** Longest window: beyond a month a "rate" limit is a quota, which lives in `quotaConfig`. */
const maxWindowMs = 31 * unitMs.d;
const maxCount = 1_000_000_000;

const ruleMessage =
  "must be <count>/<window>, a count from 1 to 1000000000 per a window of Ns, Nm, Nh or Nd up to 31d (e.g. 10/1m)";

/** `<count>/<window>` with window `Ns|Nm|Nh|Nd`; decimal digits only, so "1e3/1m" or "10/1.5h" are mistakes. */
export function envRateLimitRule() {
  return z.string({ error: "is required" }).transform((raw, ctx): RateLimitRule => {
    const match = /^(\d{1,10})\/(\d{1,6})([smhd])$/.exec(raw);
    if (match) {
      const limit = Number(match[1]);
      const windowMs = Number(match[2]) * unitMs[match[3] as keyof typeof unitMs];
      if (limit >= 1 && limit <= maxCount && windowMs >= 1000 && windowMs <= maxWindowMs) {
        return { limit, windowMs };
      }
    }
    ctx.issues.push({ code: "custom", message: ruleMessage, input: raw });
    return z.NEVER;
  });
}

const rule = (limit: number, windowMs: number): RateLimitRule => ({ limit, windowMs });

/** The defaults documented in the `@vitae/ratelimit` README. */
const defaultRateLimits: RateLimits = {
  auth: rule(10, unitMs.m),
  public: rule(30, unitMs.m),
  default: { free: rule(600, unitMs.m), pro: rule(3000, unitMs.m) },
  upload: { free: rule(10, unitMs.h), pro: rule(100, unitMs.h) },
  llm: { free: rule(20, unitMs.h), pro: rule(200, unitMs.h) },
};

const envName = (tier: RateLimitTier, plan?: Plan) =>
  `RATE_LIMIT_${tier.toUpperCase()}${plan ? `_${plan.toUpperCase()}` : ""}`;

function buildShape(): Record<string, z.ZodType> {
  const shape: Record<string, z.ZodType> = {
    RATE_LIMIT_TIMEOUT_MS: envInteger({ min: 1, max: 5000 }).default(100),
  };
  for (const tier of planIndependentTiers) {
    shape[envName(tier)] = envRateLimitRule().default(() => ({ ...defaultRateLimits[tier] }));
    // A per-plan variable for these tiers would be silently ignored; refuse it so the mistake is seen.
    for (const plan of plans) {
      shape[envName(tier, plan)] = z
        .never({
          error: `is not used: the ${tier} limit does not depend on the plan; set ${envName(tier)} instead`,
        })
        .optional();
    }
  }
  for (const tier of planTiers) {
    for (const plan of plans) {
      shape[envName(tier, plan)] = envRateLimitRule().default(() => ({ ...defaultRateLimits[tier][plan] }));
    }
  }
  return shape;
}

/**
 * `RATE_LIMIT_AUTH`, `RATE_LIMIT_PUBLIC`, `RATE_LIMIT_<DEFAULT|UPLOAD|LLM>_<FREE|PRO>` (each `<count>/<window>`)
 * and `RATE_LIMIT_TIMEOUT_MS`. Defaults: auth 10/1m, public 30/1m, default 600/1m (free) 3000/1m (pro),
 * upload 10/1h 100/1h, llm 20/1h 200/1h. `RATE_LIMIT_AUTH_FREE` and the like are rejected, not ignored.
 */
export function rateLimitConfig(): ConfigSchema<RateLimitConfig> {
  return z.object(buildShape()).transform((env) => {
    const read = (tier: RateLimitTier, plan?: Plan) => env[envName(tier, plan)] as RateLimitRule;
    const perPlan = (tier: (typeof planTiers)[number]) => ({
      free: read(tier, "free"),
      pro: read(tier, "pro"),
    });
    return {
      rateLimits: {
        auth: read("auth"),
        public: read("public"),
        default: perPlan("default"),
        upload: perPlan("upload"),
        llm: perPlan("llm"),
      },
      rateLimitTimeoutMs: env.RATE_LIMIT_TIMEOUT_MS as number,
    };
  });
}
