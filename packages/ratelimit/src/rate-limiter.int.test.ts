import { once } from "node:events";
import { createRedis } from "@vitae/redis";
import { createTestPrefix, deleteKeysByPrefix, getTestRedisUrl } from "@vitae/redis/testing";
import type { Redis } from "ioredis";
import { Registry } from "prom-client";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { day, minute, testLimits } from "../test/fixtures";
import { captureLogs, scanKeys } from "../test/support";
import { createRateLimiter, type RateLimitDecision } from "./rate-limiter";

let redis: Redis;
const prefix = createTestPrefix();

beforeAll(async () => {
  redis = createRedis(getTestRedisUrl(), { role: "client" });
  await once(redis, "ready");
});

afterEach(() => {
  vi.useRealTimers();
});

afterAll(async () => {
  await deleteKeysByPrefix(redis, prefix);
  await redis.quit();
});

let namespace = 0;
/** A limiter on its own key namespace, so tests never share counters. */
function setup(limits = testLimits()) {
  const logs = captureLogs();
  const registry = new Registry();
  const ownPrefix = `${prefix}:${namespace++}`;
  const limiter = createRateLimiter({
    redis,
    prefix: ownPrefix,
    limits,
    timeoutMs: 2000,
    logger: logs.logger,
    metrics: { registry },
  });
  return { limiter, logs, registry, ownPrefix };
}

/** Freezes `Date` (not timers) at `at`, so window arithmetic is deterministic while Redis I/O runs for real. */
function freezeDate(at: number) {
  vi.useFakeTimers({ toFake: ["Date"], now: at });
}

async function counterValues(registry: Registry, name: string) {
  const metric = registry.getSingleMetric(name);
  if (!metric) return [];
  return (await metric.get()).values.map(({ labels, value }) => ({ labels, value }));
}

describe("createRateLimiter against Redis", () => {
  it("admits exactly the limit with coherent remaining, resetAt and retryAfter, then denies", async () => {
    const { limiter } = setup(testLimits({ auth: { limit: 3, windowMs: minute } }));
    const windowStart = Math.floor(Date.now() / minute) * minute + 10 * minute;
    freezeDate(windowStart + 15_250);
    const resetAt = windowStart + minute;

    const decisions: RateLimitDecision[] = [];
    for (let call = 0; call < 5; call += 1) {
      decisions.push(await limiter.limit({ tier: "auth", identifier: "ip:203.0.113.7" }));
    }
    expect(decisions).toEqual([
      { allowed: true, limit: 3, remaining: 2, resetAt },
      { allowed: true, limit: 3, remaining: 1, resetAt },
      { allowed: true, limit: 3, remaining: 0, resetAt },
      // 44.75 s remain in the window: Retry-After rounds up, so a client honouring it is admitted.
      { allowed: false, limit: 3, remaining: 0, resetAt, retryAfterSeconds: 45 },
      { allowed: false, limit: 3, remaining: 0, resetAt, retryAfterSeconds: 45 },
    ]);

    vi.setSystemTime(resetAt - 1);
    expect(await limiter.limit({ tier: "auth", identifier: "ip:203.0.113.7" })).toMatchObject({
      allowed: false,
      retryAfterSeconds: 1,
    });
    vi.setSystemTime(resetAt);
    expect(await limiter.limit({ tier: "auth", identifier: "ip:203.0.113.7" })).toEqual({
      allowed: true,
      limit: 3,
      remaining: 2,
      resetAt: resetAt + minute,
    });
  });

  it("keeps identifiers and tiers apart", async () => {
    const { limiter } = setup();
    for (let call = 0; call < 3; call += 1) await limiter.limit({ tier: "auth", identifier: "ip:1" });
    expect((await limiter.limit({ tier: "auth", identifier: "ip:1" })).allowed).toBe(false);
    expect(await limiter.limit({ tier: "auth", identifier: "account:a@example.com" })).toMatchObject({
      allowed: true,
      remaining: 2,
    });
    expect(await limiter.limit({ tier: "public", identifier: "ip:1" })).toMatchObject({
      allowed: true,
      limit: 4,
      remaining: 3,
    });
    expect(await limiter.limit({ tier: "default", plan: "free", identifier: "ip:1" })).toMatchObject({
      allowed: true,
      remaining: 4,
    });
  });

  it("applies the plan's limit, and an upgrade keeps the count of the current window", async () => {
    const { limiter } = setup();
    const free = { tier: "upload", plan: "free", identifier: "ws_1" } as const;
    expect(await limiter.limit(free)).toMatchObject({ allowed: true, limit: 2, remaining: 1 });
    expect(await limiter.limit(free)).toMatchObject({ allowed: true, limit: 2, remaining: 0 });
    expect(await limiter.limit(free)).toMatchObject({ allowed: false, limit: 2 });
    // The refused call was counted too (fixed-window INCR), so the pro limit of 3 is now reached.
    expect(await limiter.limit({ ...free, plan: "pro" })).toMatchObject({ allowed: false, limit: 3 });
    expect(await limiter.limit({ tier: "llm", plan: "pro", identifier: "ws_1" })).toMatchObject({
      allowed: true,
      limit: 3,
      remaining: 2,
    });
  });

  it("stores one expiring counter per identifier and window under <prefix>:rl:<tier>", async () => {
    const { limiter, ownPrefix } = setup();
    const at = Math.floor(Date.now() / day) * day + 3 * day + 5000;
    freezeDate(at);
    await limiter.limit({ tier: "public", identifier: "ip:2001:db8::1" });
    await limiter.limit({ tier: "public", identifier: "ip:2001:db8::1" });
    const bucket = Math.floor(at / day);
    const key = `${ownPrefix}:rl:public:${day}:ip:2001:db8::1:${bucket}`;
    expect(await scanKeys(redis, `${ownPrefix}:*`)).toEqual([key]);
    await expect(redis.get(key)).resolves.toBe("2");
    const ttl = await redis.pttl(key);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(day);
  });

  it("counts decisions by tier and outcome, and nothing as degraded", async () => {
    const { limiter, registry } = setup();
    for (let call = 0; call < 4; call += 1) await limiter.limit({ tier: "auth", identifier: "ip:9" });
    await limiter.limit({ tier: "llm", plan: "free", identifier: "ws_9" });
    expect(await counterValues(registry, "ratelimit_decisions_total")).toEqual([
      { labels: { tier: "auth", outcome: "allowed" }, value: 3 },
      { labels: { tier: "auth", outcome: "denied" }, value: 1 },
      { labels: { tier: "llm", outcome: "allowed" }, value: 1 },
    ]);
    expect(await counterValues(registry, "ratelimit_degraded_total")).toEqual([]);
  });

  it("shares counters between limiters registered on one registry", async () => {
    const registry = new Registry();
    const logger = captureLogs().logger;
    const options = { redis, prefix: `${prefix}:shared`, limits: testLimits(), timeoutMs: 2000, logger };
    const first = createRateLimiter({ ...options, metrics: { registry } });
    const second = createRateLimiter({ ...options, metrics: { registry } });
    await first.limit({ tier: "public", identifier: "ip:1" });
    await second.limit({ tier: "public", identifier: "ip:1" });
    expect(await counterValues(registry, "ratelimit_decisions_total")).toEqual([
      { labels: { tier: "public", outcome: "allowed" }, value: 2 },
    ]);
  });

  it("reloads its scripts after SCRIPT FLUSH (NOSCRIPT falls back to EVAL) without losing the count", async () => {
    const { limiter, logs, registry } = setup();
    const request = { tier: "default", plan: "free", identifier: "ws_flush" } as const;
    expect(await limiter.limit(request)).toMatchObject({ allowed: true, remaining: 4 });
    expect(await limiter.limit(request)).toMatchObject({ allowed: true, remaining: 3 });
    await redis.script("FLUSH");
    const evalCalls = vi.spyOn(redis, "eval");
    expect(await limiter.limit(request)).toMatchObject({ allowed: true, remaining: 2 });
    expect(evalCalls).toHaveBeenCalledTimes(1);
    expect(await limiter.limit(request)).toMatchObject({ allowed: true, remaining: 1 });
    expect(evalCalls).toHaveBeenCalledTimes(1);
    evalCalls.mockRestore();
    expect(logs.lines()).toEqual([]);
    expect(await counterValues(registry, "ratelimit_degraded_total")).toEqual([]);
  });

  it("refuses an empty identifier instead of pooling every caller into one budget", async () => {
    const { limiter } = setup();
    await expect(limiter.limit({ tier: "public", identifier: "" })).rejects.toThrow(TypeError);
  });
});
