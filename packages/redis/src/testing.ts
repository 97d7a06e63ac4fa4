import { randomBytes } from "node:crypto";
import type { Redis } from "ioredis";

/** Redis URL for integration tests: `TEST_REDIS_URL`, default `redis://127.0.0.1:6379`. */
export function getTestRedisUrl(): string {
  return process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
}

/**
 * A key prefix unique to one test run (`vitae-test-<time>-<random>`), so parallel runs sharing one Redis
 * never see each other's keys. Use it as the BullMQ prefix / key namespace, then `deleteKeysByPrefix`.
 */
export function createTestPrefix(): string {
  return `vitae-test-${Date.now().toString(36)}-${randomBytes(6).toString("hex")}`;
}

/** Escapes glob metacharacters so SCAN MATCH treats the prefix literally. */
function escapeGlob(text: string): string {
  return text.replace(/[*?[\]\\]/g, "\\$&");
}

/**
 * Deletes the key `prefix` and every key under `prefix:` (the separator BullMQ and our key helpers use),
 * using incremental `SCAN` + `UNLINK` so a large or shared Redis is never blocked as by `KEYS`. Keys that
 * merely start with the same characters (`<prefix>-other:…`) are left alone. Resolves to the number of
 * keys removed. For test cleanup only.
 */
export async function deleteKeysByPrefix(redis: Redis, prefix: string): Promise<number> {
  let deleted = await redis.unlink(prefix);
  for await (const keys of scanPages(redis, `${escapeGlob(prefix)}:*`)) {
    if (keys.length > 0) deleted += await redis.unlink(...keys);
  }
  return deleted;
}

/**
 * Every key matching the glob `pattern`, iterating `SCAN` until its cursor returns to 0. One SCAN call
 * inspects only part of the keyspace (its COUNT is a hint, not a limit), so on a Redis holding other
 * applications' keys a single call misses keys: always enumerate through this helper.
 */
export async function scanKeys(redis: Redis, pattern: string): Promise<string[]> {
  const found: string[] = [];
  for await (const keys of scanPages(redis, pattern)) found.push(...keys);
  return found;
}

async function* scanPages(redis: Redis, pattern: string): AsyncGenerator<string[]> {
  let cursor = "0";
  do {
    const [next, keys] = await redis.scan(cursor, "MATCH", pattern, "COUNT", 1000);
    cursor = next;
    yield keys;
  } while (cursor !== "0");
}

export {
  type FreezableProxy,
  getClosedPort,
  startSilentServer,
  startTcpProxy,
  type TestServer,
} from "./test-servers";

export {
  checkUnrelatedKeys,
  removeUnrelatedKeys,
  seedUnrelatedKeys,
  type UnrelatedKeys,
  type UnrelatedKeysReport,
} from "./unrelated-keys";
