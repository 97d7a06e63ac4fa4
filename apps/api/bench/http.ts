import { once } from "node:events";
import { Worker } from "node:worker_threads";
import { insertJobRun } from "@vitae/db";
import { createTestDatabase } from "@vitae/db/testing";
import { createRedis } from "@vitae/redis";
import { createTestPrefix, deleteKeysByPrefix, getTestRedisUrl } from "@vitae/redis/testing";
import autocannon from "autocannon";
import { getFreePort } from "../test/harness";
import { signUpAndSignIn } from "./session";

/** Signs up a bench user with a workspace and an API key, over HTTP like any client. */
async function signUpWithKey(url: string) {
  const json = { "content-type": "application/json", origin: url };
  const cookie = await signUpAndSignIn(url, "bench@example.com");
  const post = (path: string, body: unknown) =>
    fetch(`${url}/trpc/${path}`, {
      method: "POST",
      headers: { ...json, cookie },
      body: JSON.stringify(body),
    });
  await post("workspaces.create", { name: "Bench" });
  const created = (await (
    await post("apiKeys.create", { name: "bench", scopes: ["usage:read", "documents:read"] })
  ).json()) as {
    result: { data: { key: string } };
  };
  return { cookie, key: created.result.data.key };
}

/**
 * `pnpm bench:http`: one run, one server, every target against the same peers — a bare Fastify hello and
 * a stock tRPC 11 hello (separate, hook-free servers in the bench thread); the product's own bare route
 * and that route plus one rate-limiter decision; a public tRPC query (a prepared primary-key read);
 * `auth.me` with a session cookie and with an API key (principal resolution, rate limit); the workspace
 * read `documents.list` (membership, rate limit, quota, a database read) with each; and ten public
 * queries in one batch. Prints req/s, p50, p99 and each target's ratio to the stock tRPC hello.
 * `--cpu-prof` profiles the server thread during each target and prints its top self-time frames.
 * Env: BENCH_DURATION_S (default 10), BENCH_CONNECTIONS (default 50), BENCH_ONLY (a substring of the
 * target names to run, plus the peers).
 */
const durationSeconds = Number(process.env.BENCH_DURATION_S ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const only = process.env.BENCH_ONLY;
const profiling = process.argv.includes("--cpu-prof");

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
    env: {
      NODE_ENV: "production",
      DATABASE_URL: database.url,
      REDIS_URL: getTestRedisUrl(),
      REDIS_KEY_PREFIX: prefix,
      PORT: String(port),
      STORAGE_SIGNING_SECRET: "bench-only-signing-secret-0123456789abcdef",
      DATA_DIR: "/tmp/vitae-bench",
      AUTH_SECRET: "bench-only-auth-secret-0123456789abcdef0123",
      METRICS_TOKEN: "bench-only-metrics-token-0123456789",
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      // Limits sized so the benchmark measures the work of limiting, not refusals.
      RATE_LIMIT_PUBLIC: "1000000000/1m",
      RATE_LIMIT_DEFAULT_FREE: "1000000000/1m",
      QUOTA_FREE_REQUESTS: "1000000000",
    },
  },
});
const [ready] = (await once(server, "message")) as [
  { url: string; peers: { bareUrl: string; trpcUrl: string } },
];
const identity = await signUpWithKey(ready.url);
const input = encodeURIComponent(JSON.stringify({ jobRunId: run.id }));
const batchPath = Array.from({ length: 10 }, () => "system.selfTestResult").join(",");
const batchInput = encodeURIComponent(
  JSON.stringify(Object.fromEntries(Array.from({ length: 10 }, (_, index) => [index, { jobRunId: run.id }]))),
);

const allTargets: Array<{
  name: string;
  /** Another server than the product's (the peers). */
  base?: string;
  path: string;
  callsPerRequest: number;
  headers?: Record<string, string>;
}> = [
  { name: "bare Fastify hello (peer)", base: ready.peers.bareUrl, path: "/hello", callsPerRequest: 1 },
  { name: "stock tRPC hello (peer)", base: ready.peers.trpcUrl, path: "/trpc/hello", callsPerRequest: 1 },
  { name: "our bare Fastify route", path: "/bench/bare", callsPerRequest: 1 },
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
    name: "documents.list (session cookie)",
    path: "/trpc/documents.list",
    callsPerRequest: 1,
    headers: { cookie: identity.cookie },
  },
  {
    name: "documents.list (API key)",
    path: "/trpc/documents.list",
    callsPerRequest: 1,
    headers: { authorization: `Bearer ${identity.key}` },
  },
  {
    name: "tRPC batch of 10 (same query)",
    path: `/trpc/${batchPath}?batch=1&input=${batchInput}`,
    callsPerRequest: 10,
  },
];

const targets = allTargets.filter(
  (target) => only === undefined || target.base !== undefined || target.name.includes(only),
);

/** Sends a message to the server thread and waits for its answer. */
async function ask<T>(message: { type: string }): Promise<T> {
  const answer = once(server, "message");
  server.postMessage(message);
  return ((await answer) as [T])[0];
}

interface Row {
  target: string;
  "req/s": number;
  "calls/s": number;
  "p50 ms": number;
  "p99 ms": number;
  errors: number;
  statuses: string;
  "vs stock tRPC": string;
}
const rows: Row[] = [];
const profiles: Array<{ target: string; frames: Array<{ frame: string; selfPercent: number }> }> = [];
let peer = 0;
for (const target of targets) {
  // Warm-up: JIT, prepared statements, connection pools. A fresh headers object per run: autocannon
  // mutates the one it is given.
  const url = `${target.base ?? ready.url}${target.path}`;
  const options = () => ({ url, connections, headers: { ...target.headers } });
  await autocannon({ ...options(), duration: 2 });
  if (profiling) await ask({ type: "profile-start" });
  const result = await autocannon({ ...options(), duration: durationSeconds });
  if (profiling) {
    const { frames } = await ask<{ frames: Array<{ frame: string; selfPercent: number }> }>({
      type: "profile-stop",
    });
    profiles.push({ target: target.name, frames });
  }
  const rps = result.requests.average;
  if (target.name.startsWith("stock tRPC")) peer = rps;
  rows.push({
    target: target.name,
    "req/s": Math.round(rps),
    "calls/s": Math.round(rps * target.callsPerRequest),
    "p50 ms": result.latency.p50,
    "p99 ms": result.latency.p99,
    errors: result.errors + result.non2xx,
    // Which statuses the errors were, so a refused benchmark is never mistaken for a fast one.
    statuses: Object.keys(result.statusCodeStats ?? {}).join(" "),
    "vs stock tRPC": peer === 0 ? "-" : (rps / peer).toFixed(3),
  });
}

console.log(
  `\nbench:http — ${connections} connections, ${durationSeconds}s per target, Node ${process.version}`,
);
console.table(rows);
for (const profile of profiles) {
  console.log(`\ntop self-time frames — ${profile.target}`);
  for (const { frame, selfPercent } of profile.frames)
    console.log(`  ${selfPercent.toFixed(1).padStart(5)}%  ${frame}`);
}

await ask({ type: "stop" });
await server.terminate();
await database.drop();
const redis = createRedis(getTestRedisUrl(), { role: "client" });
await once(redis, "ready");
await deleteKeysByPrefix(redis, prefix);
await redis.quit();
