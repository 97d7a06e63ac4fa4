import { insertJobRun } from "@vitae/db";
import autocannon from "autocannon";
import { type BenchServer, benchModesFromEnv, startBenchServer, startPeers } from "./bench-server";
import { type CpuPerCall, cpuPerCall, cpuRow, mean, processLabels } from "./cpu-per-call";
import { cpuSpentBetween, snapshotCpu } from "./process-cpu";
import { loadAverage, printProfiles, type TargetProfile } from "./report";
import { signUpWithKey, startSelfTest } from "./session";

/**
 * `pnpm bench:http`: this process is the load generator; the product's API (and, distributed, one
 * worker), a bare Fastify hello and a stock tRPC 11 hello each run as a process of their own. For each
 * mode (distributed on the local PostgreSQL, then embedded as `pnpm start` runs it) the peers are measured
 * again, then every target: the product's own bare route and that route plus one rate-limiter decision;
 * a public tRPC query (a prepared primary-key read); `auth.me` with a session cookie and with an API key
 * (principal resolution, rate limit); the workspace read `documents.list` (membership, rate limit, quota,
 * a database read) with each; and ten public queries in one batch. Prints req/s, p50, p99, each target's
 * ratio to the stock tRPC hello of the same mode (the mean of a run before and one after the targets),
 * and the goal where it sets one; req/s counts answered (2xx) calls only. A second table splits
 * each target's CPU time per call between the serving process, the worker, PostgreSQL, Redis, the load
 * generator and everything else (from /proc, Linux only), with the stock tRPC hello's divided by the
 * target's. It says which process a call's cost is in, and how busy the rest of the machine was ("other").
 * `--cpu-prof` profiles the API process during each target and prints its top self-time frames and its
 * self time by package (`BENCH_PROFILE_DIRECTORY` also keeps each raw profile).
 * Env: BENCH_DURATION_S (default 5), BENCH_CONNECTIONS (default 50), BENCH_ONLY (a substring of the
 * target names to run, plus the peers), BENCH_MODE (`distributed` or `embedded`; both by default).
 */
const durationSeconds = Number(process.env.BENCH_DURATION_S ?? 5);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const only = process.env.BENCH_ONLY;
const profiling = process.argv.includes("--cpu-prof");

interface Target {
  name: string;
  /** Another server than the product's (the peers). */
  base?: string;
  path: string;
  callsPerRequest: number;
  headers?: Record<string, string>;
  /** The goal as a ratio to the stock tRPC hello. */
  goal?: number;
}

async function targetsOf(bench: BenchServer, peers: { bareUrl: string; trpcUrl: string }): Promise<Target[]> {
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
    JSON.stringify(
      Object.fromEntries(Array.from({ length: 10 }, (_, index) => [index, { jobRunId: runId }])),
    ),
  );
  const cookie = { cookie: identity.cookie };
  const key = { authorization: `Bearer ${identity.key}` };
  return [
    { name: "bare Fastify hello (peer)", base: peers.bareUrl, path: "/hello", callsPerRequest: 1 },
    { name: "stock tRPC hello (peer)", base: peers.trpcUrl, path: "/trpc/hello", callsPerRequest: 1 },
    { name: "our bare Fastify route", path: "/bench/bare", callsPerRequest: 1 },
    { name: "bare route + rate-limit check", path: "/bench/limited", callsPerRequest: 1 },
    {
      name: "tRPC query (full stack, PK read)",
      path: `/trpc/system.selfTestResult?input=${input}`,
      callsPerRequest: 1,
    },
    {
      name: "auth.me (session cookie)",
      path: "/trpc/auth.me",
      callsPerRequest: 1,
      headers: cookie,
      goal: 0.45,
    },
    { name: "auth.me (API key)", path: "/trpc/auth.me", callsPerRequest: 1, headers: key, goal: 0.5 },
    {
      name: "documents.list (session cookie)",
      path: "/trpc/documents.list",
      callsPerRequest: 1,
      headers: cookie,
      goal: 0.4,
    },
    {
      name: "documents.list (API key)",
      path: "/trpc/documents.list",
      callsPerRequest: 1,
      headers: key,
      goal: 0.4,
    },
    {
      name: "tRPC batch of 10 (same query)",
      path: `/trpc/${batchPath}?batch=1&input=${batchInput}`,
      callsPerRequest: 10,
    },
  ];
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
  goal: string;
}

const peers = await startPeers();
for (const mode of benchModesFromEnv()) {
  const bench = await startBenchServer({ mode });
  const targets = (await targetsOf(bench, peers)).filter(
    (target) => only === undefined || target.base !== undefined || target.name.includes(only),
  );
  const profiles: TargetProfile[] = [];
  const measured: Array<{ target: Target; rps: number; result: autocannon.Result; cpu: CpuPerCall }> = [];
  // The stock tRPC peer is measured again after the targets: on a machine shared with others its mean
  // is a fairer yardstick than one sample taken before a load spike.
  const peerAgain = targets.find((target) => target.name.startsWith("stock tRPC"));
  for (const target of peerAgain ? [...targets, peerAgain] : targets) {
    // Warm-up: JIT, prepared statements, connection pools. A fresh headers object per run: autocannon
    // mutates the one it is given.
    const url = `${target.base ?? bench.url}${target.path}`;
    const options = () => ({ url, connections, headers: { ...target.headers } });
    await autocannon({ ...options(), duration: 2 });
    const profiled = profiling && target.base === undefined;
    if (profiled) await bench.ask({ type: "profile-start" });
    const cpuBefore = snapshotCpu();
    const result = await autocannon({ ...options(), duration: durationSeconds });
    const spent = cpuSpentBetween(
      cpuBefore,
      snapshotCpu(),
      processLabels(bench, target.base === undefined ? undefined : { peers, url: target.base }),
    );
    if (profiled) {
      const { frames, owners } = await bench.ask<Pick<TargetProfile, "frames" | "owners">>({
        type: "profile-stop",
        target: target.name,
      });
      profiles.push({ target: target.name, frames, owners });
    }
    const cpu = cpuPerCall(spent, result.requests.total * target.callsPerRequest);
    // Only answered calls count: a refused one is not served work.
    measured.push({ target, rps: result["2xx"] / result.duration, result, cpu });
  }
  const peerRuns = measured.filter(({ target }) => target === peerAgain);
  const peer = mean(peerRuns.map(({ rps }) => rps));
  const rows: Row[] = measured.map(({ target, rps, result }, index) => {
    const ratio = peer === 0 ? 0 : rps / peer;
    return {
      target: nameOf(target, index),
      "req/s": Math.round(rps),
      "calls/s": Math.round(rps * target.callsPerRequest),
      "p50 ms": result.latency.p50,
      "p99 ms": result.latency.p99,
      errors: result.errors + result.non2xx,
      // Which statuses the errors were, so a refused benchmark is never mistaken for a fast one.
      statuses: Object.keys(result.statusCodeStats ?? {}).join(" "),
      "vs stock tRPC": peer === 0 ? "-" : ratio.toFixed(3),
      goal: target.goal === undefined ? "-" : `≥ ${target.goal} ${ratio >= target.goal ? "met" : "MISSED"}`,
    };
  });
  console.log(
    `\nbench:http (${mode}) — ${connections} connections, ${durationSeconds}s per target, Node ${process.version}, ` +
      `load generator in its own process, ${loadAverage()}`,
  );
  console.table(rows);
  const peerCpu = peerRuns.map(({ cpu }) => cpu);
  console.log(
    "CPU time per call (µs) by process (serving: server + worker + PostgreSQL + Redis); the ratios divide " +
      "the stock tRPC hello's by the target's:",
  );
  console.table(measured.map(({ target, cpu }, index) => cpuRow(nameOf(target, index), cpu, peerCpu)));
  if (profiling) console.log("(profiled: the server's CPU per call includes the profiler's own cost)");
  printProfiles(profiles);
  await bench.close();

  function nameOf(target: Target, index: number): string {
    return target === peerAgain && index === measured.length - 1 ? `${target.name}, again` : target.name;
  }
}
await peers.close();
