import { createHash } from "node:crypto";
import { once } from "node:events";
import { Ratelimit } from "@upstash/ratelimit";
import { createRedis } from "@vitae/redis";
import { createTestPrefix, deleteKeysByPrefix, getTestRedisUrl } from "@vitae/redis/testing";
import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUpstashAdapter } from "./upstash-adapter";

const prefix = createTestPrefix();
let redis: Redis;

beforeAll(async () => {
  redis = createRedis(getTestRedisUrl(), { role: "client" });
  await once(redis, "ready");
});

afterAll(async () => {
  await deleteKeysByPrefix(redis, prefix);
  await redis.quit();
});

const sha1 = (text: string) => createHash("sha1").update(text).digest("hex");
/** Shaped like upstash's scripts: the shebang line that Redis 7.0 refuses, then the body. */
const flagged = `#!lua flags=allow-key-locking\n  return redis.call("INCRBY", KEYS[1], ARGV[1])\n`;
const body = `  return redis.call("INCRBY", KEYS[1], ARGV[1])\n`;

interface ScriptClient {
  evalsha(sha: string, keys: string[], args: unknown[]): Promise<unknown>;
  eval(script: string, keys: string[], args: unknown[]): Promise<unknown>;
}

describe("createUpstashAdapter", () => {
  it("runs a flagged script with EVAL after stripping the shebang, then serves EVALSHA of the original SHA", async () => {
    const adapter = createUpstashAdapter(redis) as unknown as ScriptClient;
    const key = `${prefix}:incr`;
    await expect(adapter.evalsha(sha1(flagged), [key], [2])).rejects.toThrow(/NOSCRIPT/);
    await expect(adapter.eval(flagged, [key], [2])).resolves.toBe(2);
    await expect(redis.script("EXISTS", sha1(body))).resolves.toEqual([1]);
    await expect(adapter.evalsha(sha1(flagged), [key], [3])).resolves.toBe(5);
    await expect(redis.get(key)).resolves.toBe("5");
  });

  it("passes Redis' own NOSCRIPT through after SCRIPT FLUSH, so upstash re-sends the script", async () => {
    const adapter = createUpstashAdapter(redis) as unknown as ScriptClient;
    const key = `${prefix}:flush`;
    await adapter.eval(flagged, [key], [1]);
    await redis.script("FLUSH");
    await expect(adapter.evalsha(sha1(flagged), [key], [1])).rejects.toThrow(/^NOSCRIPT/);
    await expect(adapter.eval(flagged, [key], [1])).resolves.toBe(2);
    await expect(adapter.evalsha(sha1(flagged), [key], [1])).resolves.toBe(3);
  });

  it("passes script errors through untouched", async () => {
    const adapter = createUpstashAdapter(redis) as unknown as ScriptClient;
    await expect(adapter.eval("return redis.call('NOPE')", [], [])).rejects.toThrow(/Unknown Redis command/i);
  });

  it.each([
    ["fixedWindow", Ratelimit.fixedWindow(50, "1 d")],
    ["slidingWindow", Ratelimit.slidingWindow(50, "1 d")],
    ["tokenBucket", Ratelimit.tokenBucket(1, "1 d", 50)],
  ] as const)("lets upstash's %s admit exactly 50 of 200 concurrent calls", async (name, limiter) => {
    const ratelimit = new Ratelimit({
      redis: createUpstashAdapter(redis),
      limiter,
      prefix: `${prefix}:${name}`,
      timeout: 0,
      analytics: false,
      ephemeralCache: false,
      enableTelemetry: false,
    });
    const results = await Promise.all(Array.from({ length: 200 }, () => ratelimit.limit("id")));
    expect(results.filter((result) => result.success)).toHaveLength(50);
    expect(results.every((result) => result.reason === undefined)).toBe(true);
  });
});
