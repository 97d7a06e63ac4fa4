/**
 * Latency one `limit()` call adds to a request, on the Redis at TEST_REDIS_URL (default local):
 * 5,000 sequential calls after a warm-up, reported as p50/p90/p99/max, next to a bare PING round trip
 * on the same connection (the floor any Redis-backed check pays).
 * Run: pnpm --filter @vitae/ratelimit bench
 */
import { once } from "node:events";
import { performance } from "node:perf_hooks";
import { createLogger } from "@vitae/logger";
import { createRedis } from "@vitae/redis";
import { createTestPrefix, deleteKeysByPrefix, getTestRedisUrl } from "@vitae/redis/testing";
import { createRateLimiter } from "../src/rate-limiter";
import { testLimits } from "../test/fixtures";

const iterations = 5000;
const warmup = 500;

function summarize(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
  const us = (ms: number) => `${(ms * 1000).toFixed(0)} µs`;
  return `p50 ${us(at(0.5))}  p90 ${us(at(0.9))}  p99 ${us(at(0.99))}  max ${us(at(1))}`;
}

async function measure(run: () => Promise<unknown>): Promise<number[]> {
  for (let index = 0; index < warmup; index += 1) await run();
  const samples: number[] = [];
  for (let index = 0; index < iterations; index += 1) {
    const start = performance.now();
    await run();
    samples.push(performance.now() - start);
  }
  return samples;
}

const prefix = createTestPrefix();
const redis = createRedis(getTestRedisUrl(), { role: "client", name: "ratelimit-bench" });
await once(redis, "ready");
const limiter = createRateLimiter({
  redis,
  prefix,
  limits: testLimits({
    default: { free: { limit: 1_000_000, windowMs: 3_600_000 }, pro: { limit: 1, windowMs: 1000 } },
  }),
  timeoutMs: 1000,
  logger: createLogger({ level: "warn", format: "json", name: "ratelimit-bench" }),
});

try {
  const ping = await measure(() => redis.ping());
  const allowed = await measure(() =>
    limiter.limit({ tier: "default", plan: "free", identifier: "ws_bench" }),
  );
  const denied = await measure(() => limiter.limit({ tier: "auth", identifier: "ip:bench" }));
  console.log(
    `ratelimit bench: ${iterations} sequential calls each (after ${warmup} warm-up), ${getTestRedisUrl()}`,
  );
  console.log(`  redis PING (floor)      ${summarize(ping)}`);
  console.log(`  limit() allowed         ${summarize(allowed)}`);
  console.log(`  limit() denied          ${summarize(denied)}`);
} finally {
  await deleteKeysByPrefix(redis, prefix);
  await redis.quit();
}
