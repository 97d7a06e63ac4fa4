import { once } from "node:events";
import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRedis } from "./create-redis";
import { createTestPrefix, deleteKeysByPrefix, getTestRedisUrl, scanKeys } from "./testing";
import { checkUnrelatedKeys, removeUnrelatedKeys, seedUnrelatedKeys } from "./unrelated-keys";

let redis: Redis;

beforeAll(async () => {
  redis = createRedis(getTestRedisUrl(), { role: "client" });
  await once(redis, "ready");
});

afterAll(async () => {
  await redis.quit();
});

describe("unrelated keys", () => {
  it("reports untouched keys, then each key that was deleted or overwritten, and removes only its own", async () => {
    const seeded = await seedUnrelatedKeys(redis, 2_000);
    try {
      await expect(checkUnrelatedKeys(redis, seeded)).resolves.toEqual({
        present: 2_000,
        missing: [],
        changed: [],
      });

      const [deleted, overwritten, retyped] = (await scanKeys(redis, `${seeded.prefix}:*`)).sort();
      await redis.unlink(deleted as string);
      await redis.set(overwritten as string, "changed");
      await redis.unlink(retyped as string);
      await redis.rpush(retyped as string, "a list now");

      const report = await checkUnrelatedKeys(redis, seeded);
      expect(report.present).toBe(1_999);
      expect(report.missing).toEqual([deleted]);
      expect(report.changed.sort()).toEqual([overwritten, retyped].sort());
    } finally {
      await removeUnrelatedKeys(redis, seeded);
    }
    await expect(scanKeys(redis, `${seeded.prefix}:*`)).resolves.toEqual([]);
  });
});

describe("scanKeys on a busy Redis", () => {
  it("finds every key of a prefix among 30,000 others and leaves the others alone when deleting by prefix", async () => {
    const seeded = await seedUnrelatedKeys(redis, 30_000);
    const prefix = createTestPrefix();
    const own = [`${prefix}:llm:cache:a`, `${prefix}:llm:cache:b`, `${prefix}:llm:cache:c`];
    try {
      await redis.mset(...own.flatMap((key) => [key, "1"]));
      await expect(scanKeys(redis, `${prefix}:llm:cache:*`).then((keys) => keys.sort())).resolves.toEqual(
        own,
      );
      await expect(deleteKeysByPrefix(redis, prefix)).resolves.toBe(own.length);
      await expect(checkUnrelatedKeys(redis, seeded)).resolves.toMatchObject({ missing: [], changed: [] });
    } finally {
      await removeUnrelatedKeys(redis, seeded);
    }
  }, 60_000);
});
