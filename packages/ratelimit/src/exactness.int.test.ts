import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { createRedis } from "@vitae/redis";
import { createTestPrefix, deleteKeysByPrefix, getTestRedisUrl } from "@vitae/redis/testing";
import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testLimits } from "../test/fixtures";
import { captureLogs, scanKeys } from "../test/support";
import { createRateLimiter, type RateLimitDecision } from "./rate-limiter";

const prefix = createTestPrefix();
const packageDir = fileURLToPath(new URL("..", import.meta.url));
/** The longest window the config allows: a boundary falls inside a one-second burst once in ~2.7 million runs. */
const windowMs = 31 * 86_400_000;
let redis: Redis;

beforeAll(async () => {
  redis = createRedis(getTestRedisUrl(), { role: "client" });
  await once(redis, "ready");
});

afterAll(async () => {
  await deleteKeysByPrefix(redis, prefix);
  await redis.quit();
});

/** Starts the child and resolves once it has connected and waits for `go`. */
async function startChild(identifier: string, count: number, limit: number) {
  const child: ChildProcessWithoutNullStreams = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      "test/burst-child.ts",
      prefix,
      identifier,
      String(count),
      String(limit),
      String(windowMs),
    ],
    { cwd: packageDir, env: process.env },
  );
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = once(child, "exit") as Promise<[number | null]>;
  while (!stdout.startsWith("ready\n")) {
    const outcome = await Promise.race([once(child.stdout, "data"), exited]);
    if (Array.isArray(outcome) && typeof outcome[0] !== "object") {
      throw new Error(`child exited before it was ready: ${stderr}`);
    }
  }
  return {
    go: () => child.stdin.write("go\n"),
    async decisions(): Promise<RateLimitDecision[]> {
      const [code] = await exited;
      if (code !== 0) throw new Error(`child failed (${code}): ${stderr}`);
      return JSON.parse(stdout.slice("ready\n".length)) as RateLimitDecision[];
    },
  };
}

describe("exactness under concurrency", () => {
  it("admits exactly the limit of 200 concurrent checks made by two processes sharing one Redis", async () => {
    const identifier = "ws_exact";
    const child = await startChild(identifier, 100, 50);
    const logs = captureLogs();
    const limiter = createRateLimiter({
      redis,
      prefix,
      limits: testLimits({ upload: { free: { limit: 50, windowMs }, pro: { limit: 1, windowMs: 1000 } } }),
      timeoutMs: 10_000,
      logger: logs.logger,
    });

    child.go();
    const own = await Promise.all(
      Array.from({ length: 100 }, () => limiter.limit({ tier: "upload", plan: "free", identifier })),
    );
    const all = [...own, ...(await child.decisions())];

    expect(all).toHaveLength(200);
    expect(all.filter((decision) => decision.degraded !== undefined)).toEqual([]);
    expect(new Set(all.map((decision) => decision.resetAt)).size).toBe(1);
    expect(all.filter((decision) => decision.allowed)).toHaveLength(50);
    // Each admitted check saw a distinct remaining count: 49 down to 0, no duplicates, none skipped.
    const remaining = all.filter((decision) => decision.allowed).map((decision) => decision.remaining);
    expect(remaining.sort((a, b) => b - a)).toEqual(Array.from({ length: 50 }, (_, index) => 49 - index));
    expect(logs.lines()).toEqual([]);
    // Every check was counted once, admitted or not.
    const keys = await scanKeys(redis, `${prefix}:rl:upload:*`);
    expect(keys).toHaveLength(1);
    await expect(redis.get(keys[0] ?? "missing")).resolves.toBe("200");
  });
});

describe("exactness while the event loop is slow", () => {
  it("judges Redis, not the event loop: a busy loop past the timeout admits exactly the limit on a fail-open tier", async () => {
    const limit = 50;
    const timeoutMs = 100;
    const limiter = createRateLimiter({
      redis,
      prefix,
      limits: testLimits({ default: { free: { limit, windowMs }, pro: { limit, windowMs } } }),
      timeoutMs,
      logger: captureLogs().logger,
    });
    const decisions = Promise.all(
      Array.from({ length: 200 }, () =>
        limiter.limit({ tier: "default", plan: "free", identifier: "ws_busy" }),
      ),
    );
    // The checks are written to Redis by now; block the loop well past the timeout so Redis's answers wait
    // unread behind the expired timers, as they do when a burst of requests keeps the API busy.
    await new Promise((resolve) => setImmediate(resolve));
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, timeoutMs * 3);

    const settled = await decisions;
    expect(settled.filter((decision) => decision.degraded)).toHaveLength(0);
    expect(settled.filter((decision) => decision.allowed)).toHaveLength(limit);
  });
});
