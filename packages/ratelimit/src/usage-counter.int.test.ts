import { once } from "node:events";
import { createRedis } from "@vitae/redis";
import { createTestPrefix, deleteKeysByPrefix, getTestRedisUrl } from "@vitae/redis/testing";
import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { day, testLimits } from "../test/fixtures";
import { captureLogs } from "../test/support";
import type { UsageDelta, UsageStore, UsageTotals } from "./quota-guard";
import { quotaPeriodOf } from "./quota-period";
import { createRateLimiter } from "./rate-limiter";
import { createUsageCounter } from "./usage-counter";

let redis: Redis;
const prefix = createTestPrefix();

beforeAll(async () => {
  redis = createRedis(getTestRedisUrl(), { role: "client" });
  await once(redis, "ready");
});

afterAll(async () => {
  await deleteKeysByPrefix(redis, prefix);
  await redis.quit();
});

/** A durable store in memory that can be told to fail, recording every write. */
function memoryStore(initial: Record<string, number> = {}) {
  const requests = new Map(Object.entries(initial));
  const writes: Array<{ workspaceId: string; period: string; requests: number }> = [];
  let failing = false;
  const totals = (key: string): UsageTotals => ({
    requests: requests.get(key) ?? 0,
    llmTokens: 0,
    storedBytes: 0,
  });
  const store: UsageStore = {
    async increment(workspaceId: string, period: string, delta: UsageDelta) {
      if (failing) throw new Error("postgres is down");
      const key = `${workspaceId}|${period}`;
      requests.set(key, (requests.get(key) ?? 0) + (delta.requests ?? 0));
      writes.push({ workspaceId, period, requests: delta.requests ?? 0 });
      return totals(key);
    },
    async get(workspaceId: string, period: string) {
      return totals(`${workspaceId}|${period}`);
    },
  };
  return {
    store,
    writes,
    durable: (workspaceId: string) => requests.get(`${workspaceId}|${quotaPeriodOf(new Date()).key}`) ?? 0,
    fail: (value: boolean) => {
      failing = value;
    },
  };
}

let namespace = 0;
function setup(initial: Record<string, number> = {}) {
  const memory = memoryStore(initial);
  const ownPrefix = `${prefix}:${namespace++}`;
  const logs = captureLogs();
  const counter = createUsageCounter({ redis, prefix: ownPrefix, store: memory.store, logger: logs.logger });
  return { ...memory, counter, ownPrefix, logs };
}

const period = () => quotaPeriodOf(new Date()).key;

describe("usage counter: quota admission in Redis", () => {
  it("admits exactly the quota under 200 concurrent requests, and counts only those", async () => {
    const { counter } = setup();
    const outcomes = await Promise.all(
      Array.from({ length: 200 }, () => counter.admit({ workspaceId: "ws-a", quotaLimit: 50 })),
    );
    expect(outcomes.filter((outcome) => outcome.kind === "counted")).toHaveLength(50);
    expect(outcomes.filter((outcome) => outcome.kind === "quota-refused")).toHaveLength(150);
    expect(await counter.live("ws-a", period())).toBe(50);
  });

  it("starts a period's counter from the durable total, so a restart of Redis never resets a quota", async () => {
    const { counter } = setup({ [`ws-b|${period()}`]: 9 });
    expect(await counter.live("ws-b", period())).toBeNull();
    const first = await counter.admit({ workspaceId: "ws-b", quotaLimit: 10 });
    expect(first).toMatchObject({ kind: "counted", requests: 10 });
    const second = await counter.admit({ workspaceId: "ws-b", quotaLimit: 10 });
    expect(second).toMatchObject({ kind: "quota-refused", requests: 10 });
  });

  it("counts the window and the quota in one script: a rate-limited call costs no quota", async () => {
    const { counter, ownPrefix } = setup();
    const rate = { key: `${ownPrefix}:rl:default:${day}:ws:ws-c:1`, windowMs: day, limit: 2 };
    const kinds = [];
    for (let call = 0; call < 4; call += 1) {
      kinds.push((await counter.admit({ workspaceId: "ws-c", quotaLimit: 100, rate })).kind);
    }
    expect(kinds).toEqual(["counted", "counted", "rate-limited", "rate-limited"]);
    expect(await counter.live("ws-c", period())).toBe(2);
    expect(await redis.pttl(rate.key)).toBeGreaterThan(0);
  });
});

describe("usage counter: write-behind flush", () => {
  it("writes each counted request to the store exactly once, even with concurrent flushers", async () => {
    const { counter, durable } = setup();
    await Promise.all(
      Array.from({ length: 30 }, () => counter.admit({ workspaceId: "ws-d", quotaLimit: 1000 })),
    );
    await Promise.all(
      Array.from({ length: 20 }, () => counter.admit({ workspaceId: "ws-e", quotaLimit: 1000 })),
    );
    const results = await Promise.all([counter.flush(), counter.flush(), counter.flush()]);
    expect(results.reduce((sum, result) => sum + result.requests, 0)).toBe(50);
    expect(durable("ws-d")).toBe(30);
    expect(durable("ws-e")).toBe(20);
    expect(await counter.flush()).toEqual({ workspaces: 0, requests: 0 });
    // The live figure is unchanged by flushing: it is the total, not the unflushed part.
    expect(await counter.live("ws-d", period())).toBe(30);
  });

  it("gives a failed write back, so the next flush writes it and nothing is lost", async () => {
    const { counter, durable, fail, logs } = setup();
    for (let call = 0; call < 7; call += 1) await counter.admit({ workspaceId: "ws-f", quotaLimit: 1000 });
    fail(true);
    expect(await counter.flush()).toEqual({ workspaces: 0, requests: 0 });
    expect(durable("ws-f")).toBe(0);
    expect(logs.lines().some((line) => line.msg === "usage flush failed; retried later")).toBe(true);
    fail(false);
    await counter.admit({ workspaceId: "ws-f", quotaLimit: 1000 });
    expect(await counter.flush()).toEqual({ workspaces: 1, requests: 8 });
    expect(durable("ws-f")).toBe(8);
  });
});

describe("rate limiter: limitAndCount", () => {
  it("shares the window with limit(), reports the quota, and counts no quota once the window refuses", async () => {
    const { counter, ownPrefix } = setup();
    const limiter = createRateLimiter({
      redis,
      prefix: ownPrefix,
      limits: testLimits(),
      timeoutMs: 2000,
      logger: captureLogs().logger,
      usage: counter,
    });
    const request = { tier: "default", plan: "free", identifier: "ws:ws-g" } as const;
    const workspace = { id: "ws-g", quotaLimit: 3 };
    // default/free allows 5 per day: two through limit(), three through limitAndCount.
    await limiter.limit(request);
    await limiter.limit(request);
    const counted = [];
    for (let call = 0; call < 3; call += 1) counted.push(await limiter.limitAndCount(request, workspace));
    expect(
      counted.map((decision) => [decision.allowed, decision.remaining, decision.quota?.counted]),
    ).toEqual([
      [true, 2, true],
      [true, 1, true],
      [true, 0, true],
    ]);
    const refused = await limiter.limitAndCount(request, workspace);
    expect(refused.allowed).toBe(false);
    expect(refused.retryAfterSeconds).toBeGreaterThan(0);
    expect(refused.quota).toBeUndefined();
    expect(await counter.live("ws-g", period())).toBe(3);
  });

  it("refuses the quota while the window still admits", async () => {
    const { counter, ownPrefix } = setup();
    const limiter = createRateLimiter({
      redis,
      prefix: ownPrefix,
      limits: testLimits(),
      timeoutMs: 2000,
      logger: captureLogs().logger,
      usage: counter,
    });
    const request = { tier: "default", plan: "pro", identifier: "ws:ws-h" } as const;
    await limiter.limitAndCount(request, { id: "ws-h", quotaLimit: 1 });
    const second = await limiter.limitAndCount(request, { id: "ws-h", quotaLimit: 1 });
    expect(second.allowed).toBe(true);
    expect(second.quota).toEqual({ counted: false, requests: 1 });
  });
});
