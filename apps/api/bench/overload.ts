import { fork } from "node:child_process";
import { once } from "node:events";
import http from "node:http";
import { fileURLToPath } from "node:url";
import { benchModesFromEnv, startBenchServer } from "./bench-server";
import { loadAverage, printProfiles, type TargetProfile } from "./report";
import { signUpWithKey } from "./session";

/**
 * `pnpm bench:overload`: for each mode, a load generator in a process of its own drives the workspace
 * read `documents.list` (API key) with 1,000 connections flat out — far past what one API process
 * serves — while this process probes `/healthz` 20 times a second. Prints the probe's p99, the accepted
 * requests' p99, and how many were refused (503, with Retry-After) and how fast, against the issue's
 * goals (/healthz p99 ≤ 50 ms, accepted p99 ≤ 1 s; missed when nothing was accepted). Env:
 * BENCH_DURATION_S (default 10), BENCH_CONNECTIONS (default 1000), MAX_IN_FLIGHT_REQUESTS and
 * MAX_EVENT_LOOP_DELAY_MS (passed to the server; the product's defaults otherwise), BENCH_MODE.
 * `--cpu-prof` profiles the API process while the load runs and prints where its time went.
 */
const durationSeconds = Number(process.env.BENCH_DURATION_S ?? 10);
const profiling = process.argv.includes("--cpu-prof");
const connections = Number(process.env.BENCH_CONNECTIONS ?? 1000);

interface LoadReport {
  accepted: number[];
  refused: number[];
  refusedWithoutRetryAfter: number;
  other: Record<string, number>;
  errors: number;
}

function p99(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.99))] ?? 0);
}

/** Sequential /healthz requests on one keep-alive socket until `stopped()`. */
async function probe(url: string, stopped: () => boolean) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const samples: Array<{ ms: number; status: number }> = [];
  while (!stopped()) {
    const started = performance.now();
    const status = await new Promise<number>((resolve) => {
      http
        .get(url, { agent }, (response) => {
          response.resume();
          response.on("end", () => resolve(response.statusCode ?? 0));
        })
        .on("error", () => resolve(0));
    });
    samples.push({ ms: performance.now() - started, status });
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  agent.destroy();
  return samples;
}

for (const mode of benchModesFromEnv()) {
  const bench = await startBenchServer({
    mode,
    // The product's own admission defaults, unless the environment sets them.
    env: {
      MAX_EVENT_LOOP_DELAY_MS: process.env.MAX_EVENT_LOOP_DELAY_MS ?? "1000",
      ...(process.env.MAX_IN_FLIGHT_REQUESTS
        ? { MAX_IN_FLIGHT_REQUESTS: process.env.MAX_IN_FLIGHT_REQUESTS }
        : {}),
    },
  });
  const { key } = await signUpWithKey(bench.url);
  if (profiling) await bench.ask({ type: "profile-start" });
  const load = fork(
    fileURLToPath(new URL("./overload-load.ts", import.meta.url)),
    [`${bench.url}/trpc/documents.list`, String(connections), String(durationSeconds), key],
    { execArgv: ["--import", "tsx"], stdio: ["ignore", "inherit", "inherit", "ipc"] },
  );
  let done = false;
  const report = once(load, "message").then(([message]) => {
    done = true;
    return message as LoadReport;
  });
  const health = await probe(`${bench.url}/healthz`, () => done);
  const { accepted, refused, refusedWithoutRetryAfter, other, errors } = await report;
  const profile = profiling
    ? await bench.ask<Pick<TargetProfile, "frames" | "owners">>({ type: "profile-stop", target: "overload" })
    : undefined;
  const healthP99 = p99(health.map((sample) => sample.ms));
  const acceptedP99 = p99(accepted);
  console.log(
    `\nbench:overload (${mode}) — ${connections} connections, ${durationSeconds}s, documents.list (API key), ` +
      `load generator in its own process, ${loadAverage()}`,
  );
  console.table([
    {
      "/healthz p99 ms": healthP99,
      "/healthz non-200": health.filter((sample) => sample.status !== 200).length,
      "accepted req/s": Math.round(accepted.length / durationSeconds),
      "accepted p99 ms": acceptedP99,
      refused: refused.length,
      "refused p99 ms": p99(refused),
      "503 without Retry-After": refusedWithoutRetryAfter,
      "other statuses":
        Object.entries(other)
          .map(([status, count]) => `${status}×${count}`)
          .join(" ") || "-",
      "connection errors": errors,
      goals: `/healthz p99 ≤ 50 ms ${healthP99 <= 50 ? "met" : "MISSED"}, accepted p99 ≤ 1000 ms ${accepted.length > 0 && acceptedP99 <= 1000 ? "met" : "MISSED"}`,
    },
  ]);
  if (profile) printProfiles([{ target: "documents.list under overload", ...profile }]);
  await bench.close();
}
