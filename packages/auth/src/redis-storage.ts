import type { SecondaryStorage } from "better-auth";
import type { Redis } from "ioredis";

// INCR, and start the expiry only when the counter is new: later increments must not extend the window.
const incrementScript = `
local value = redis.call("INCR", KEYS[1])
if value == 1 then redis.call("EXPIRE", KEYS[1], ARGV[1]) end
return value`;

/**
 * better-auth's `secondaryStorage` over an ioredis connection, every key under `<prefix>:auth:`.
 * Holds sessions (the hot copy; Postgres keeps the durable one), the per-user session index and
 * verification values. `ttl` is in seconds; a non-positive ttl stores without expiry.
 */
export function createRedisSecondaryStorage(redis: Redis, prefix: string): SecondaryStorage {
  const keyOf = (key: string) => `${prefix}:auth:${key}`;
  return {
    get: (key) => redis.get(keyOf(key)),
    getAndDelete: (key) => redis.getdel(keyOf(key)),
    async set(key, value, ttl) {
      if (ttl !== undefined && ttl > 0) await redis.set(keyOf(key), value, "EX", Math.ceil(ttl));
      else await redis.set(keyOf(key), value);
    },
    async delete(key) {
      await redis.del(keyOf(key));
    },
    async increment(key, ttl) {
      const value = await redis.eval(incrementScript, 1, keyOf(key), Math.max(1, Math.ceil(ttl)));
      return Number(value);
    },
  };
}
