import { createWriteStream } from "node:fs";
import { parentPort, workerData } from "node:worker_threads";
import { createLogger } from "@vitae/logger";
import { startApi } from "../src/app";
import { loadApiConfig } from "../src/config";

/**
 * The benchmarked server, in its own thread (its own event loop, so it gets a core to itself while
 * autocannon drives load from the main thread). Logs at info level to /dev/null: the per-request log
 * line is part of the measured cost, the terminal is not.
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
parentPort?.postMessage({ type: "listening", url: running.url });
parentPort?.on("message", async (message: { type: string }) => {
  if (message.type === "stop") {
    await running.stop();
    parentPort?.postMessage({ type: "stopped" });
  }
});
