import { createWriteStream } from "node:fs";
import { parentPort, workerData } from "node:worker_threads";
import { createLogger } from "@vitae/logger";
import { startApi } from "../src/app";
import { loadApiConfig } from "../src/config";
import { createThreadProfiler, topFrames } from "./cpu-profile";
import { startPeerServers } from "./peer-servers";

/**
 * The benchmarked server, in its own thread (its own event loop, so it gets a core to itself while
 * autocannon drives load from the main thread). Logs at info level to /dev/null: the per-request log
 * line is part of the measured cost, the terminal is not. Also serves the peers (bare Fastify, stock
 * tRPC) and, on request, profiles its own thread around one target.
 */
const { env, runWorkers } = workerData as { env: Record<string, string>; runWorkers?: boolean };
const config = loadApiConfig(env);
const logger = createLogger({
  level: "info",
  format: "json",
  name: "api-bench",
  destination: createWriteStream("/dev/null"),
});
const running = await startApi(config, {
  logger,
  runWorkers: runWorkers ?? false,
  extendServer: (server, deps) => {
    // The baseline: a bare Fastify route in the same server, behind the same hooks and plugins.
    server.get("/bench/bare", async () => ({ ok: true }));
    // The same route plus one rate-limiter decision: the difference is the limiter's added cost.
    server.get("/bench/limited", async (request) => {
      const decision = await deps.rateLimiter.limit({ tier: "public", identifier: `ip:${request.ip}` });
      return { ok: decision.allowed };
    });
  },
});
const peers = await startPeerServers();
const profiler = await createThreadProfiler();

type Message = { type: "stop" } | { type: "profile-start" } | { type: "profile-stop" };

parentPort?.postMessage({
  type: "listening",
  url: running.url,
  peers: { bareUrl: peers.bareUrl, trpcUrl: peers.trpcUrl },
});
parentPort?.on("message", async (message: Message) => {
  switch (message.type) {
    case "profile-start":
      await profiler.start();
      parentPort?.postMessage({ type: "profiling" });
      return;
    case "profile-stop":
      parentPort?.postMessage({ type: "profile", frames: topFrames(await profiler.stop()) });
      return;
    case "stop":
      profiler.close();
      await peers.close();
      await running.stop();
      parentPort?.postMessage({ type: "stopped" });
  }
});
