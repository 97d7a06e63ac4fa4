import { once } from "node:events";
import { createRedis } from "@vitae/redis";
import { createTestPrefix, deleteKeysByPrefix, getTestRedisUrl } from "@vitae/redis/testing";
import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRedisSecondaryStorage } from "./redis-storage";

describe("createRedisSecondaryStorage", () => {
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

  it("stores every key under <prefix>:auth:", async () => {
    const storage = createRedisSecondaryStorage(redis, prefix);
    await storage.set("token-1", "value");
    expect(await redis.get(`${prefix}:auth:token-1`)).toBe("value");
    expect(await storage.get("token-1")).toBe("value");
    expect(await redis.get("token-1")).toBeNull();
  });

  it("applies the ttl in seconds, and none for a missing or non-positive ttl", async () => {
    const storage = createRedisSecondaryStorage(redis, prefix);
    await storage.set("ttl", "v", 120);
    const ttl = await redis.ttl(`${prefix}:auth:ttl`);
    expect(ttl).toBeGreaterThan(100);
    expect(ttl).toBeLessThanOrEqual(120);
    await storage.set("forever", "v");
    expect(await redis.ttl(`${prefix}:auth:forever`)).toBe(-1);
    await storage.set("zero", "v", 0);
    expect(await redis.ttl(`${prefix}:auth:zero`)).toBe(-1);
  });

  it("deletes, and gets-and-deletes atomically", async () => {
    const storage = createRedisSecondaryStorage(redis, prefix);
    await storage.set("gone", "v");
    await storage.delete("gone");
    expect(await storage.get("gone")).toBeNull();
    await storage.set("once", "v");
    const results = await Promise.all([storage.getAndDelete("once"), storage.getAndDelete("once")]);
    expect(results.sort()).toEqual([null, "v"].sort());
  });

  it("increments with the ttl set on creation only", async () => {
    const storage = createRedisSecondaryStorage(redis, prefix);
    expect(await storage.increment("counter", 60)).toBe(1);
    await redis.expire(`${prefix}:auth:counter`, 30);
    expect(await storage.increment("counter", 60)).toBe(2);
    expect(await redis.ttl(`${prefix}:auth:counter`)).toBeLessThanOrEqual(30);
    const values = await Promise.all(Array.from({ length: 20 }, () => storage.increment("burst", 60)));
    expect(values.sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });
});
