import { insertJobRun } from "@vitae/db";
import autocannon from "autocannon";
import { type BenchMode, startBenchServer } from "./bench-server";
import { signUpWithKey, startSelfTest } from "./session";

/**
 * `pnpm bench:http`: one run, one server, every target against the same peers — a bare Fastify hello and
 * a stock tRPC 11 hello (separate, hook-free servers in the bench thread); the product's own bare route
 * and that route plus one rate-limiter decision; a public tRPC query (a prepared primary-key read);
 * `auth.me` with a session cookie and with an API key (principal resolution, rate limit); the workspace
 * read `documents.list` (membership, rate limit, quota, a database read) with each; and ten public
 * queries in one batch. Prints req/s, p50, p99 and each target's ratio to the stock tRPC hello.
 * `--cpu-prof` profiles the server thread during each target and prints its top self-time frames.
 * Env: BENCH_DURATION_S (default 10), BENCH_CONNECTIONS (default 50), BENCH_ONLY (a substring of the
 * target names to run, plus the peers), BENCH_MODE (`distributed`, the default, or `embedded`: the
 * server starts its own embedded database and workers as `pnpm start` does).
 */
const durationSeconds = Number(process.env.BENCH_DURATION_S ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const only = process.env.BENCH_ONLY;
const profiling = process.argv.includes("--cpu-prof");

const mode: BenchMode = process.env.BENCH_MODE === "embedded" ? "embedded" : "distributed";

const bench = await startBenchServer({ mode });
const identity = await signUpWithKey(bench.url);
// The self-test run the PK-read targets read: inserted directly, or through the API when the database
// is the server's own.
const runId = bench.database
  ? (
      await insertJobRun(bench.database.handle.db, {
        name: "system.run-self-test",
        queue: "system",
        payload: {},
      })
    ).id
  : await startSelfTest(bench.url);
const input = encodeURIComponent(JSON.stringify({ jobRunId: runId }));
const batchPath = Array.from({ length: 10 }, () => "system.selfTestResult").join(",");
const batchInput = encodeURIComponent(
  JSON.stringify(Object.fromEntries(Array.from({ length: 10 }, (_, index) => [index, { jobRunId: runId }]))),
);

const allTargets: Array<{
  name: string;
  /** Another server than the product's (the peers). */
  base?: string;
  path: string;
  callsPerRequest: number;
  headers?: Record<string, string>;
}> = [
  { name: "bare Fastify hello (peer)", base: bench.peers.bareUrl, path: "/hello", callsPerRequest: 1 },
  { name: "stock tRPC hello (peer)", base: bench.peers.trpcUrl, path: "/trpc/hello", callsPerRequest: 1 },
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

const ask = bench.ask;

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
  const url = `${target.base ?? bench.url}${target.path}`;
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
  `\nbench:http (${mode}) — ${connections} connections, ${durationSeconds}s per target, Node ${process.version}`,
);
console.table(rows);
for (const profile of profiles) {
  console.log(`\ntop self-time frames — ${profile.target}`);
  for (const { frame, selfPercent } of profile.frames)
    console.log(`  ${selfPercent.toFixed(1).padStart(5)}%  ${frame}`);
}

await bench.close();
