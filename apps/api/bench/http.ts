import { once } from "node:events";
import { Worker } from "node:worker_threads";
import { insertJobRun } from "@vitae/db";
import { createTestDatabase } from "@vitae/db/testing";
import { createRedis } from "@vitae/redis";
import { createTestPrefix, deleteKeysByPrefix, getTestRedisUrl } from "@vitae/redis/testing";
import autocannon from "autocannon";
import { getFreePort } from "../test/harness";

/**
 * `pnpm bench:http`: one run, one server, three targets — a bare Fastify route (baseline), a tRPC query
 * through the full middleware stack with a prepared primary-key read from Postgres, and the same query
 * ten times in one batched request. Prints req/s, p50, p99 and each target's ratio to the baseline.
 * Env: BENCH_DURATION_S (default 10), BENCH_CONNECTIONS (default 50).
 */
const durationSeconds = Number(process.env.BENCH_DURATION_S ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);

const database = await createTestDatabase();
const prefix = createTestPrefix();
const run = await insertJobRun(database.handle.db, {
  name: "system.run-self-test",
  queue: "system",
  payload: {},
});
const port = await getFreePort();
const server = new Worker(new URL("./server-thread.ts", import.meta.url), {
  execArgv: ["--import", "tsx"],
  workerData: {
    NODE_ENV: "production",
    DATABASE_URL: database.url,
    REDIS_URL: getTestRedisUrl(),
    REDIS_KEY_PREFIX: prefix,
    PORT: String(port),
    STORAGE_SIGNING_SECRET: "bench-only-signing-secret-0123456789abcdef",
    DATA_DIR: "/tmp/vitae-bench",
  },
});
const [ready] = (await once(server, "message")) as [{ url: string }];
const input = encodeURIComponent(JSON.stringify({ jobRunId: run.id }));
const batchPath = Array.from({ length: 10 }, () => "system.selfTestResult").join(",");
const batchInput = encodeURIComponent(
  JSON.stringify(Object.fromEntries(Array.from({ length: 10 }, (_, index) => [index, { jobRunId: run.id }]))),
);

const targets = [
  { name: "bare Fastify route", path: "/bench/bare", callsPerRequest: 1 },
  {
    name: "tRPC query (full stack, PK read)",
    path: `/trpc/system.selfTestResult?input=${input}`,
    callsPerRequest: 1,
  },
  {
    name: "tRPC batch of 10 (same query)",
    path: `/trpc/${batchPath}?batch=1&input=${batchInput}`,
    callsPerRequest: 10,
  },
];

interface Row {
  target: string;
  "req/s": number;
  "calls/s": number;
  "p50 ms": number;
  "p99 ms": number;
  errors: number;
  "vs bare (req/s)": string;
}
const rows: Row[] = [];
let baseline = 0;
for (const target of targets) {
  // Warm-up: JIT, prepared statements, connection pools.
  await autocannon({ url: `${ready.url}${target.path}`, connections, duration: 2 });
  const result = await autocannon({
    url: `${ready.url}${target.path}`,
    connections,
    duration: durationSeconds,
  });
  const rps = result.requests.average;
  if (baseline === 0) baseline = rps;
  rows.push({
    target: target.name,
    "req/s": Math.round(rps),
    "calls/s": Math.round(rps * target.callsPerRequest),
    "p50 ms": result.latency.p50,
    "p99 ms": result.latency.p99,
    errors: result.errors + result.non2xx,
    "vs bare (req/s)": (rps / baseline).toFixed(3),
  });
}

console.log(
  `\nbench:http — ${connections} connections, ${durationSeconds}s per target, Node ${process.version}`,
);
console.table(rows);

server.postMessage({ type: "stop" });
await once(server, "message");
await server.terminate();
await database.drop();
const redis = createRedis(getTestRedisUrl(), { role: "client" });
await once(redis, "ready");
await deleteKeysByPrefix(redis, prefix);
await redis.quit();
