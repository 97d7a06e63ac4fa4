import { once } from "node:events";
import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRedis } from "./create-redis";
import { createTestPrefix, deleteKeysByPrefix, getTestRedisUrl } from "./testing";

let redis: Redis;

beforeAll(async () => {
  redis = createRedis(getTestRedisUrl(), { role: "client" });
  await once(redis, "ready");
});

afterAll(async () => {
  await redis.quit();
});

describe("createTestPrefix", () => {
  it("returns distinct vitae-test-<time>-<random> prefixes", () => {
    const prefixes = new Set(Array.from({ length: 100 }, () => createTestPrefix()));
    expect(prefixes.size).toBe(100);
    for (const prefix of prefixes) expect(prefix).toMatch(/^vitae-test-[0-9a-z]+-[0-9a-f]{12}$/);
  });
});

describe("deleteKeysByPrefix", () => {
  it("deletes every key under the prefix across many SCAN pages and nothing else", async () => {
    const prefix = createTestPrefix();
    const neighbours = [`${prefix}-other:a`, `${prefix}x`, `other:${prefix}:a`];
    const owned = Array.from({ length: 1200 }, (_, index) => `${prefix}:key:${index}`);
    try {
      const pipeline = redis.pipeline();
      for (const key of [...owned, ...neighbours, prefix]) pipeline.set(key, "1");
      pipeline.hset(`${prefix}:hash`, "field", "1");
      await pipeline.exec();

      await expect(deleteKeysByPrefix(redis, prefix)).resolves.toBe(owned.length + 2);
      await expect(redis.exists(prefix, `${prefix}:hash`, ...owned)).resolves.toBe(0);
      await expect(redis.exists(...neighbours)).resolves.toBe(neighbours.length);
      await expect(deleteKeysByPrefix(redis, prefix)).resolves.toBe(0);
    } finally {
      await redis.unlink(...neighbours);
    }
  });

  it("treats glob characters in the prefix literally", async () => {
    const base = createTestPrefix();
    const globPrefix = `${base}*`;
    const bystander = `${base}abc:key`;
    try {
      await redis.set(`${globPrefix}:key`, "1");
      await redis.set(bystander, "1");
      await expect(deleteKeysByPrefix(redis, globPrefix)).resolves.toBe(1);
      await expect(redis.exists(bystander)).resolves.toBe(1);
    } finally {
      await redis.unlink(bystander, `${globPrefix}:key`);
    }
  });
});
