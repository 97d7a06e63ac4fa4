import { Writable } from "node:stream";
import { createLogger, type Logger } from "@vitae/logger";
import type { Redis } from "ioredis";

export {
  type FreezableProxy,
  getClosedPort,
  startSilentServer,
  startTcpProxy,
  type TestServer,
} from "@vitae/redis/testing";

/** A JSON logger whose lines are kept in memory. */
export function captureLogs(): { logger: Logger; lines(): Record<string, unknown>[] } {
  const chunks: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer | string, _encoding, callback) {
      chunks.push(chunk.toString());
      callback();
    },
  });
  const logger = createLogger({ level: "info", format: "json", name: "ratelimit-test", destination });
  return {
    logger,
    lines: () =>
      chunks
        .join("")
        .split("\n")
        .filter((line) => line !== "")
        .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

/** Every key matching `pattern`, scanning the whole keyspace (one SCAN page may miss keys on a busy Redis). */
export async function scanKeys(redis: Redis, pattern: string): Promise<string[]> {
  const keys: string[] = [];
  let cursor = "0";
  do {
    const [next, page] = await redis.scan(cursor, "MATCH", pattern, "COUNT", 1000);
    keys.push(...page);
    cursor = next;
  } while (cursor !== "0");
  return keys;
}
