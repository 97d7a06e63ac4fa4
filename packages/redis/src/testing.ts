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
  let cursor = "0";
  do {
    const [next, keys] = await redis.scan(cursor, "MATCH", `${escapeGlob(prefix)}:*`, "COUNT", 500);
    cursor = next;
    if (keys.length > 0) deleted += await redis.unlink(...keys);
  } while (cursor !== "0");
  return deleted;
}

export {
  type FreezableProxy,
  getClosedPort,
  startSilentServer,
  startTcpProxy,
  type TestServer,
} from "./test-servers";
