import { once } from "node:events";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { insertJobRun } from "@vitae/db";
import { createTestDatabase } from "@vitae/db/testing";
import { createRedis } from "@vitae/redis";
import { createTestPrefix, deleteKeysByPrefix, getTestRedisUrl } from "@vitae/redis/testing";
import autocannon from "autocannon";
import { getFreePort } from "../test/harness";
import { signUpWithKey, startSelfTest } from "./session";

/**
 * `pnpm bench:http`: one run, one server, every target against the same baseline — a bare Fastify route;
 * the same route plus one rate-limiter decision (the limiter's added cost); a public tRPC query (a
 * prepared primary-key read); the authenticated query `auth.me` with a session cookie and with an API
 * key (principal resolution, membership, rate limit); and ten public queries in one batch.
 * Prints req/s, p50, p99 and each target's ratio to the baseline.
 * Env: BENCH_DURATION_S (default 10), BENCH_CONNECTIONS (default 50), BENCH_MODE (`distributed`, the
 * default: a test database on the local PostgreSQL; `embedded`: no DATABASE_URL, so the server starts
 * its own embedded database in a fresh DATA_DIR and runs the workers in-process, as `pnpm start` does;
 * add EMBEDDED_DATABASE=pglite for the fallback engine).
 */
const durationSeconds = Number(process.env.BENCH_DURATION_S ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const embedded = process.env.BENCH_MODE === "embedded";

const database = embedded ? undefined : await createTestDatabase();
// As root the embedded server runs as the postgres account, which must be able to enter DATA_DIR.
const dataDir = await mkdtemp(join(tmpdir(), "vitae-bench-"));
await chmod(dataDir, 0o755);
const prefix = createTestPrefix();
const port = await getFreePort();
const server = new Worker(new URL("./server-thread.ts", import.meta.url), {
  execArgv: ["--import", "tsx"],
  workerData: {
    env: {
      NODE_ENV: "production",
      ...(database ? { DATABASE_URL: database.url } : {}),
      // EMBEDDED_DATABASE=pglite measures the fallback engine.
      ...(process.env.EMBEDDED_DATABASE ? { EMBEDDED_DATABASE: process.env.EMBEDDED_DATABASE } : {}),
      REDIS_URL: getTestRedisUrl(),
      REDIS_KEY_PREFIX: prefix,
      PORT: String(port),
      STORAGE_SIGNING_SECRET: "bench-only-signing-secret-0123456789abcdef",
      DATA_DIR: dataDir,
      AUTH_SECRET: "bench-only-auth-secret-0123456789abcdef0123",
      METRICS_TOKEN: "bench-only-metrics-token-0123456789",
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      // Limits sized so the benchmark measures the work of limiting, not refusals.
      RATE_LIMIT_PUBLIC: "1000000000/1m",
      RATE_LIMIT_DEFAULT_FREE: "1000000000/1m",
      QUOTA_FREE_REQUESTS: "1000000000",
    },
    runWorkers: embedded,
  },
});
const [ready] = (await once(server, "message")) as [{ url: string }];
const identity = await signUpWithKey(ready.url);
// The self-test run the PK-read targets read: inserted directly, or through the API when the database
// is the server's own.
const runId = database
  ? (await insertJobRun(database.handle.db, { name: "system.run-self-test", queue: "system", payload: {} }))
      .id
  : await startSelfTest(ready.url);
const input = encodeURIComponent(JSON.stringify({ jobRunId: runId }));
const batchPath = Array.from({ length: 10 }, () => "system.selfTestResult").join(",");
const batchInput = encodeURIComponent(
  JSON.stringify(Object.fromEntries(Array.from({ length: 10 }, (_, index) => [index, { jobRunId: runId }]))),
);

const targets: Array<{
  name: string;
  path: string;
  callsPerRequest: number;
  headers?: Record<string, string>;
}> = [
  { name: "bare Fastify route", path: "/bench/bare", callsPerRequest: 1 },
  { name: "bare route + rate-limit check", path: "/bench/limited", callsPerRequest: 1 },
  {
    name: "tRPC query (full stack, PK read)",
    path: `/trpc/system.selfTestResult?input=${input}`,
    callsPerRequest: 1,
  },
  {
    name: "tRPC auth.me (session cookie)",
    path: "/trpc/auth.me",
    callsPerRequest: 1,
    headers: { cookie: identity.cookie },
  },
  {
    name: "tRPC auth.me (API key)",
    path: "/trpc/auth.me",
    callsPerRequest: 1,
    headers: { authorization: `Bearer ${identity.key}` },
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
  statuses: string;
  "vs bare (req/s)": string;
}
const rows: Row[] = [];
let baseline = 0;
for (const target of targets) {
  // Warm-up: JIT, prepared statements, connection pools. A fresh headers object per run: autocannon
  // mutates the one it is given.
  const options = () => ({ url: `${ready.url}${target.path}`, connections, headers: { ...target.headers } });
  await autocannon({ ...options(), duration: 2 });
  const result = await autocannon({ ...options(), duration: durationSeconds });
  const rps = result.requests.average;
  if (baseline === 0) baseline = rps;
  rows.push({
    target: target.name,
    "req/s": Math.round(rps),
    "calls/s": Math.round(rps * target.callsPerRequest),
    "p50 ms": result.latency.p50,
    "p99 ms": result.latency.p99,
    errors: result.errors + result.non2xx,
    // Which statuses the errors were, so a refused benchmark is never mistaken for a fast one.
    statuses: Object.keys(result.statusCodeStats ?? {}).join(" "),
    "vs bare (req/s)": (rps / baseline).toFixed(3),
  });
}

console.log(
  `\nbench:http (${embedded ? "embedded" : "distributed"}) — ${connections} connections, ${durationSeconds}s per target, Node ${process.version}`,
);
console.table(rows);

server.postMessage({ type: "stop" });
await once(server, "message");
await server.terminate();
await database?.drop();
await rm(dataDir, { recursive: true, force: true });
const redis = createRedis(getTestRedisUrl(), { role: "client" });
await once(redis, "ready");
await deleteKeysByPrefix(redis, prefix);
await redis.quit();
