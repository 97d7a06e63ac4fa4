import { Worker } from "node:worker_threads";
import autocannon from "autocannon";
import { startBenchServer } from "./bench-server";
import { signUpWithKey } from "./session";

/**
 * `pnpm bench:overload`: drives the workspace read `documents.list` (API key) with 1,000 connections flat
 * out — far past what one process serves — while a probe in its own thread asks `/healthz` 20 times a
 * second. Prints the probe's p99, the accepted requests' p99, and how many were refused (503, with
 * Retry-After) and how fast. Env: BENCH_DURATION_S (default 10), BENCH_CONNECTIONS (default 1000),
 * MAX_IN_FLIGHT_REQUESTS (passed to the server).
 */
const durationSeconds = Number(process.env.BENCH_DURATION_S ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 1000);

const bench = await startBenchServer({
  env: process.env.MAX_IN_FLIGHT_REQUESTS
    ? { MAX_IN_FLIGHT_REQUESTS: process.env.MAX_IN_FLIGHT_REQUESTS }
    : {},
});
const { key } = await signUpWithKey(bench.url);

/** The probe: sequential /healthz requests from another thread, so the load generator cannot slow it. */
const probeSource = `
const { parentPort, workerData } = require("node:worker_threads");
const http = require("node:http");
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
const latencies = [];
let stopped = false;
parentPort.on("message", () => { stopped = true; });
function once() {
  const started = performance.now();
  http.get(workerData.url, { agent }, (response) => {
    response.resume();
    response.on("end", () => {
      latencies.push({ ms: performance.now() - started, status: response.statusCode });
      if (stopped) parentPort.postMessage(latencies);
      else setTimeout(once, 50);
    });
  }).on("error", () => {
    latencies.push({ ms: performance.now() - started, status: 0 });
    if (stopped) parentPort.postMessage(latencies); else setTimeout(once, 50);
  });
}
once();
`;

function p99(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.99))] ?? 0);
}

const accepted: number[] = [];
const refused: number[] = [];
let refusedWithoutRetryAfter = 0;
const other = new Map<number, number>();
const probe = new Worker(probeSource, { eval: true, workerData: { url: `${bench.url}/healthz` } });
const result = await autocannon({
  url: `${bench.url}/trpc/documents.list`,
  connections,
  duration: durationSeconds,
  headers: { authorization: `Bearer ${key}` },
  setupClient(client) {
    client.on("headers", (parsed) => {
      // At run time autocannon passes the parser's record (status and the flat raw header list).
      const headers = parsed as unknown as { statusCode?: number; headers?: string[] };
      if (headers.statusCode === 503) {
        const names = (headers.headers ?? []).filter((_, index) => index % 2 === 0);
        if (!names.some((name) => name.toLowerCase() === "retry-after")) refusedWithoutRetryAfter += 1;
      }
    });
    client.on("response", (status: number, _bytes: number, ms: number) => {
      if (status === 200) accepted.push(ms);
      else if (status === 503) refused.push(ms);
      else other.set(status, (other.get(status) ?? 0) + 1);
    });
  },
});
const probeDone = new Promise<Array<{ ms: number; status: number }>>((resolve) =>
  probe.once("message", resolve),
);
probe.postMessage("stop");
const health = await probeDone;
await probe.terminate();

console.log(`\nbench:overload — ${connections} connections, ${durationSeconds}s, documents.list (API key)`);
console.table([
  {
    "/healthz p99 ms": p99(health.map((sample) => sample.ms)),
    "/healthz non-200": health.filter((sample) => sample.status !== 200).length,
    "accepted req/s": Math.round(accepted.length / durationSeconds),
    "accepted p99 ms": p99(accepted),
    refused: refused.length,
    "refused p99 ms": p99(refused),
    "503 without Retry-After": refusedWithoutRetryAfter,
    "other statuses": [...other.entries()].map(([status, count]) => `${status}×${count}`).join(" ") || "-",
    "connection errors": result.errors,
  },
]);
await bench.close();
