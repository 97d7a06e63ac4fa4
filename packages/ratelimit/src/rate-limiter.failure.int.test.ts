import { once } from "node:events";
import type { RateLimitTier } from "@vitae/config";
import { createRedis } from "@vitae/redis";
import { createTestPrefix, deleteKeysByPrefix, getTestRedisUrl } from "@vitae/redis/testing";
import type { Redis } from "ioredis";
import { Registry } from "prom-client";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { testLimits } from "../test/fixtures";
import {
  captureLogs,
  type FreezableProxy,
  getClosedPort,
  startSilentServer,
  startTcpProxy,
  type TestServer,
} from "../test/support";
import { createRateLimiter, type RateLimitDecision, type RateLimitRequest } from "./rate-limiter";

const timeoutMs = 250;
const prefix = createTestPrefix();
const opened: Redis[] = [];
const servers: TestServer[] = [];
const redisTarget = (() => {
  const url = new URL(getTestRedisUrl());
  return { host: url.hostname, port: Number(url.port || 6379) };
})();

afterEach(async () => {
  vi.useRealTimers();
  for (const server of servers.splice(0)) await server.close();
  for (const redis of opened.splice(0)) redis.disconnect();
});

afterAll(async () => {
  const cleanup = createRedis(getTestRedisUrl(), { role: "client" });
  await once(cleanup, "ready");
  await deleteKeysByPrefix(cleanup, prefix);
  await cleanup.quit();
});

function setup(url: string) {
  const redis = createRedis(url, { role: "client" });
  opened.push(redis);
  const logs = captureLogs();
  const registry = new Registry();
  const limiter = createRateLimiter({
    redis,
    prefix,
    limits: testLimits(),
    timeoutMs,
    logger: logs.logger,
    metrics: { registry },
  });
  return { redis, limiter, logs, registry };
}

async function proxied(): Promise<FreezableProxy> {
  const proxy = await startTcpProxy(0, redisTarget);
  servers.push(proxy);
  return proxy;
}

const requests: Record<RateLimitTier, RateLimitRequest> = {
  auth: { tier: "auth", identifier: "ip:198.51.100.1" },
  public: { tier: "public", identifier: "ip:198.51.100.1" },
  default: { tier: "default", plan: "pro", identifier: "ws_1" },
  upload: { tier: "upload", plan: "free", identifier: "ws_1" },
  llm: { tier: "llm", plan: "pro", identifier: "ws_1" },
};

/** The decision each tier's policy must produce while Redis cannot answer. */
function expectPolicy(tier: RateLimitTier, decision: RateLimitDecision): void {
  if (tier === "default" || tier === "public") {
    expect(decision).toMatchObject({ allowed: true, degraded: "fail-open" });
    expect(decision.retryAfterSeconds).toBeUndefined();
  } else {
    expect(decision).toMatchObject({
      allowed: false,
      remaining: 0,
      retryAfterSeconds: 5,
      degraded: "fail-closed",
    });
  }
}

/**
 * Runs one check under fake timers and reports how far the timeout clock had to advance before it settled:
 * proves "within the timeout" without measuring wall-clock time.
 */
async function settleStep(
  run: () => Promise<RateLimitDecision>,
): Promise<{ decision: RateLimitDecision; settledBefore: boolean }> {
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
  let decision: RateLimitDecision | undefined;
  const pending = run().then((value) => {
    decision = value;
  });
  await vi.advanceTimersByTimeAsync(timeoutMs - 1);
  // Fake timers stop only the timeout clock; real I/O (and ioredis' setImmediate auto-pipeline) still runs.
  for (let turn = 0; turn < 5; turn += 1) await new Promise((resolve) => setImmediate(resolve));
  const settledBefore = decision !== undefined;
  await vi.advanceTimersByTimeAsync(1);
  await pending;
  vi.useRealTimers();
  if (!decision) throw new Error("the check did not settle at its timeout");
  return { decision, settledBefore };
}

const warnings = (lines: Record<string, unknown>[]) => lines.filter((line) => line.level === 40);
const infos = (lines: Record<string, unknown>[]) => lines.filter((line) => line.level === 30);

describe("when Redis is down", () => {
  it("fails open or closed per tier before the timeout, logs one warning and counts every degraded decision", async () => {
    const { limiter, logs, registry } = setup(`redis://127.0.0.1:${await getClosedPort()}`);
    for (const [tier, request] of Object.entries(requests) as [RateLimitTier, RateLimitRequest][]) {
      for (let call = 0; call < 3; call += 1) {
        const { decision, settledBefore } = await settleStep(() => limiter.limit(request));
        // A fail-fast connection refuses at once: nobody waits for the timeout while Redis is down.
        expect(settledBefore).toBe(true);
        expectPolicy(tier, decision);
      }
    }
    const lines = logs.lines();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 40, tier: "auth", policy: "fail-closed", reason: "error" });
    expect(lines[0]?.err).toBeDefined();
    const degraded = (await registry.getSingleMetric("ratelimit_degraded_total")?.get())?.values;
    expect(degraded?.map(({ labels, value }) => ({ labels, value }))).toEqual([
      { labels: { tier: "auth", policy: "fail-closed" }, value: 3 },
      { labels: { tier: "public", policy: "fail-open" }, value: 3 },
      { labels: { tier: "default", policy: "fail-open" }, value: 3 },
      { labels: { tier: "upload", policy: "fail-closed" }, value: 3 },
      { labels: { tier: "llm", policy: "fail-closed" }, value: 3 },
    ]);
    const decisions = (await registry.getSingleMetric("ratelimit_decisions_total")?.get())?.values;
    expect(decisions?.map(({ labels, value }) => ({ labels, value }))).toEqual([
      { labels: { tier: "auth", outcome: "denied" }, value: 3 },
      { labels: { tier: "public", outcome: "allowed" }, value: 3 },
      { labels: { tier: "default", outcome: "allowed" }, value: 3 },
      { labels: { tier: "upload", outcome: "denied" }, value: 3 },
      { labels: { tier: "llm", outcome: "denied" }, value: 3 },
    ]);
  });

  it("reports coherent figures: the configured limit, and a reset that matches Retry-After when refusing", async () => {
    const { limiter } = setup(`redis://127.0.0.1:${await getClosedPort()}`);
    vi.useFakeTimers({ toFake: ["Date"], now: 1_000_000_000_500 });
    expect(await limiter.limit(requests.upload)).toEqual({
      allowed: false,
      limit: 2,
      remaining: 0,
      resetAt: 1_000_000_005_500,
      retryAfterSeconds: 5,
      degraded: "fail-closed",
    });
    const day = 86_400_000;
    expect(await limiter.limit(requests.default)).toEqual({
      allowed: true,
      limit: 8,
      remaining: 8,
      resetAt: (Math.floor(1_000_000_000_500 / day) + 1) * day,
      degraded: "fail-open",
    });
  });

  it("recovers by itself when Redis comes back, logging the recovery once", async () => {
    const port = await getClosedPort();
    const { limiter, logs } = setup(`redis://127.0.0.1:${port}`);
    expect((await limiter.limit(requests.auth)).degraded).toBe("fail-closed");
    servers.push(await startTcpProxy(port, redisTarget));
    await vi.waitFor(async () => expect((await limiter.limit(requests.auth)).degraded).toBeUndefined(), {
      timeout: 15_000,
      interval: 50,
    });
    expect(await limiter.limit(requests.auth)).toMatchObject({ allowed: true });
    const lines = logs.lines();
    expect(warnings(lines)).toHaveLength(1);
    expect(infos(lines)).toEqual([
      expect.objectContaining({
        msg: "rate limiting recovered: Redis answers again",
        degradedDecisions: expect.any(Number),
      }),
    ]);
    expect(lines).toHaveLength(2);
  });
});

describe("when Redis hangs", () => {
  it("decides per tier exactly at the timeout while commands go unanswered, logging once", async () => {
    const proxy = await proxied();
    const { redis, limiter, logs, registry } = setup(`redis://127.0.0.1:${proxy.port}`);
    await once(redis, "ready");
    proxy.freeze();
    for (const [tier, request] of Object.entries(requests) as [RateLimitTier, RateLimitRequest][]) {
      const { decision, settledBefore } = await settleStep(() => limiter.limit(request));
      expect(settledBefore).toBe(false);
      expectPolicy(tier, decision);
    }
    const lines = logs.lines();
    expect(lines).toEqual([expect.objectContaining({ level: 40, tier: "auth", reason: "timeout" })]);
    const degraded = (await registry.getSingleMetric("ratelimit_degraded_total")?.get())?.values ?? [];
    expect(degraded.reduce((sum, { value }) => sum + value, 0)).toBe(5);
  });

  it("refuses at once on a connection whose server never completed the handshake", async () => {
    const silent = await startSilentServer();
    servers.push(silent);
    const { limiter, logs } = setup(`redis://127.0.0.1:${silent.port}`);
    for (const [tier, request] of Object.entries(requests) as [RateLimitTier, RateLimitRequest][]) {
      const { decision, settledBefore } = await settleStep(() => limiter.limit(request));
      expect(settledBefore).toBe(true);
      expectPolicy(tier, decision);
    }
    expect(logs.lines()).toHaveLength(1);
  });

  it("recovers when Redis answers again; late answers to timed-out checks neither reopen nor re-log the incident", async () => {
    const proxy = await proxied();
    const { redis, limiter, logs } = setup(`redis://127.0.0.1:${proxy.port}`);
    await once(redis, "ready");
    const request = { tier: "upload", plan: "pro", identifier: "ws_hang" } as const;
    expect(await limiter.limit(request)).toMatchObject({ allowed: true, remaining: 2 });
    proxy.freeze();
    for (let call = 0; call < 3; call += 1) {
      expect((await settleStep(() => limiter.limit(request))).decision.degraded).toBe("fail-closed");
    }
    proxy.thaw();
    // The three held checks reach Redis first (and count), then this one: 5 > 3.
    expect(await limiter.limit(request)).toMatchObject({ allowed: false, remaining: 0, limit: 3 });
    expect(await limiter.limit(requests.public)).toMatchObject({ allowed: true });
    expect(logs.lines()).toEqual([
      expect.objectContaining({ level: 40, reason: "timeout", tier: "upload" }),
      expect.objectContaining({ level: 30, degradedDecisions: 3 }),
    ]);
  });

  it("logs each new incident again after a recovery", async () => {
    const proxy = await proxied();
    const { redis, limiter, logs } = setup(`redis://127.0.0.1:${proxy.port}`);
    await once(redis, "ready");
    for (let incident = 0; incident < 2; incident += 1) {
      proxy.freeze();
      await settleStep(() => limiter.limit(requests.default));
      await settleStep(() => limiter.limit(requests.default));
      proxy.thaw();
      expect((await limiter.limit(requests.default)).degraded).toBeUndefined();
    }
    expect(logs.lines().map((line) => line.level)).toEqual([40, 30, 40, 30]);
  });
});
