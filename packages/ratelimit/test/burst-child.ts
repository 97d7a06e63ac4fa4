/**
 * Child process of the cross-process exactness test: opens its own Redis connection and limiter, reports
 * `ready`, waits for `go` on stdin, fires `count` concurrent checks, then prints the decisions as JSON.
 * Usage: node --import tsx test/burst-child.ts <prefix> <identifier> <count> <limit> <windowMs>
 */
import { once } from "node:events";
import { createInterface } from "node:readline";
import { createLogger } from "@vitae/logger";
import { createRedis } from "@vitae/redis";
import { getTestRedisUrl } from "@vitae/redis/testing";
import { createRateLimiter } from "../src/rate-limiter";
import { testLimits } from "./fixtures";

const [prefix, identifier, count, limit, windowMs] = process.argv.slice(2);
if (!prefix || !identifier || !count || !limit || !windowMs) throw new Error("missing arguments");

const redis = createRedis(getTestRedisUrl(), { role: "client", name: "ratelimit-burst-child" });
await once(redis, "ready");
const limiter = createRateLimiter({
  redis,
  prefix,
  limits: testLimits({
    upload: { free: { limit: Number(limit), windowMs: Number(windowMs) }, pro: { limit: 1, windowMs: 1000 } },
  }),
  timeoutMs: 10_000,
  logger: createLogger({ level: "warn", format: "json", name: "burst-child", destination: process.stderr }),
});

const lines = createInterface({ input: process.stdin });
process.stdout.write("ready\n");
for await (const line of lines) {
  if (line === "go") break;
}
const decisions = await Promise.all(
  Array.from({ length: Number(count) }, () => limiter.limit({ tier: "upload", plan: "free", identifier })),
);
process.stdout.write(`${JSON.stringify(decisions)}\n`);
lines.close();
await redis.quit();
