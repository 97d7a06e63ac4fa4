import type { RateLimitRule, RateLimits } from "@vitae/config";

export const minute = 60_000;
export const day = 24 * 60 * minute;

const rule = (limit: number, windowMs: number): RateLimitRule => ({ limit, windowMs });

/** Small limits over a long window, so a test never straddles a window boundary by accident. */
export function testLimits(overrides: Partial<RateLimits> = {}): RateLimits {
  return {
    auth: rule(3, day),
    public: rule(4, day),
    default: { free: rule(5, day), pro: rule(8, day) },
    upload: { free: rule(2, day), pro: rule(3, day) },
    llm: { free: rule(2, day), pro: rule(3, day) },
    ...overrides,
  };
}
