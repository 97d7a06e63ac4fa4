import { once } from "node:events";
import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRedis } from "./create-redis";
import { createInvalidatedCache, type InvalidatedCache } from "./invalidated-cache";
import { createTestPrefix, getTestRedisUrl } from "./testing";

const channel = `${createTestPrefix()}:invalidate`;
const connections: Redis[] = [];
const caches: InvalidatedCache<string>[] = [];

async function connect(role: "client" | "worker"): Promise<Redis> {
  const redis = createRedis(getTestRedisUrl(), { role });
  connections.push(redis);
  await once(redis, "ready");
  return redis;
}

/** One "process": its own subscriber, publisher and cache. */
async function processCache(ttlMs = 60_000, maxEntries = 100) {
  const cache = await createInvalidatedCache<string>({
    subscriber: await connect("worker"),
    publisher: await connect("client"),
    channel,
    ttlMs,
    maxEntries,
  });
  caches.push(cache);
  return cache;
}

function counter(value: string, tags: string[]) {
  let loads = 0;
  return {
    load: async () => {
      loads += 1;
      return { value: `${value}#${loads}`, tags };
    },
    loads: () => loads,
  };
}

async function until(check: () => Promise<boolean>): Promise<void> {
  while (!(await check())) await new Promise((resolve) => setTimeout(resolve, 5));
}

beforeAll(async () => {
  await connect("client");
});
afterAll(async () => {
  for (const cache of caches) await cache.close();
  await Promise.all(connections.map((redis) => redis.quit()));
});

describe("invalidated cache", () => {
  it("serves a loaded value from memory until its TTL passes", async () => {
    const cache = await processCache(50);
    const source = counter("a", ["user:1"]);
    expect(await cache.get("k", source.load)).toBe("a#1");
    expect(await cache.get("k", source.load)).toBe("a#1");
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(await cache.get("k", source.load)).toBe("a#2");
  });

  it("drops tagged entries in every process sharing the channel when one invalidates", async () => {
    const first = await processCache();
    const second = await processCache();
    const member = counter("member", ["user:7", "workspace:w"]);
    const other = counter("other", ["user:8"]);
    await first.get("m7", member.load);
    await second.get("m7", member.load);
    await second.get("m8", other.load);
    expect(member.loads()).toBe(2);

    await first.invalidate(["user:7"]);
    // Dropped here at once, and in the other process as soon as the message arrives.
    expect(await first.get("m7", member.load)).toBe("member#3");
    await until(async () => (await second.get("m7", member.load)) !== "member#2");
    expect(await second.get("m8", other.load)).toBe("other#1");
  });

  it("does not store a value loaded across an invalidation (it may predate it)", async () => {
    const cache = await processCache();
    let release: () => void = () => undefined;
    const slow = cache.get("slow", async () => {
      await new Promise<void>((resolve) => {
        release = resolve;
      });
      return { value: "stale", tags: ["user:9"] };
    });
    await cache.invalidate(["user:9"]);
    release();
    expect(await slow).toBe("stale");
    expect(await cache.get("slow", async () => ({ value: "fresh", tags: ["user:9"] }))).toBe("fresh");
  });

  it("never caches a null load, and evicts the oldest entry past maxEntries", async () => {
    const cache = await processCache(60_000, 2);
    let nullLoads = 0;
    const nothing = async () => {
      nullLoads += 1;
      return null;
    };
    expect(await cache.get("none", nothing)).toBeNull();
    expect(await cache.get("none", nothing)).toBeNull();
    expect(nullLoads).toBe(2);
    const a = counter("a", []);
    await cache.get("a", a.load);
    await cache.get("b", counter("b", []).load);
    await cache.get("c", counter("c", []).load);
    expect(await cache.get("a", a.load)).toBe("a#2");
  });

  it("stops serving from memory while its subscription is down, and resumes once it is back", async () => {
    const subscriber = await connect("worker");
    const cache = await createInvalidatedCache<string>({
      subscriber,
      publisher: await connect("client"),
      channel,
      ttlMs: 60_000,
      maxEntries: 10,
    });
    caches.push(cache);
    const source = counter("x", []);
    await cache.get("x", source.load);
    subscriber.disconnect(true);
    await once(subscriber, "close");
    expect(await cache.get("x", source.load)).toBe("x#2");
    await once(subscriber, "ready");
    await until(async () => {
      await cache.get("x", source.load);
      const loads = source.loads();
      await cache.get("x", source.load);
      return source.loads() === loads;
    });
  });
});
