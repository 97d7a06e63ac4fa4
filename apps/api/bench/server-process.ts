import { createWriteStream, writeFileSync } from "node:fs";
import { join } from "node:path";
import { readProcessEnv } from "@vitae/config";
import { createLogger } from "@vitae/logger";
import { startApi } from "../src/app";
import { loadApiConfig } from "../src/config";
import { createThreadProfiler, selfTimeByOwner, topFrames } from "./cpu-profile";

/**
 * The benchmarked API, in a process of its own (forked by `startBenchServer`, so the load generator
 * never shares its event loop or its core). Logs at info level to /dev/null: the per-request log line is
 * part of the measured cost, the terminal is not. `BENCH_RUN_WORKERS=1` runs the workers in-process, as
 * embedded mode does. On request it profiles its own event loop around one target; with
 * `BENCH_PROFILE_DIRECTORY` set it also writes each profile there (`<target>.cpuprofile`, for DevTools).
 */
const env = readProcessEnv();
const config = loadApiConfig(env);
const logger = createLogger({
  level: "info",
  format: "json",
  name: "api-bench",
  destination: createWriteStream("/dev/null"),
});
const running = await startApi(config, {
  logger,
  runWorkers: env.BENCH_RUN_WORKERS === "1",
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
const profiler = await createThreadProfiler();

type Message = { type: "stop" } | { type: "profile-start" } | { type: "profile-stop"; target: string };

const send = (message: object) => process.send?.(message);
send({ type: "listening", url: running.url });
process.on("message", async (message: Message) => {
  switch (message.type) {
    case "profile-start":
      await profiler.start();
      send({ type: "profiling" });
      return;
    case "profile-stop": {
      const profile = await profiler.stop();
      if (env.BENCH_PROFILE_DIRECTORY) {
        const file = `${message.target.replace(/[^a-z0-9]+/gi, "-")}.cpuprofile`;
        writeFileSync(join(env.BENCH_PROFILE_DIRECTORY, file), JSON.stringify(profile));
      }
      send({ type: "profile", frames: topFrames(profile), owners: selfTimeByOwner(profile) });
      return;
    }
    case "stop":
      profiler.close();
      await running.stop();
      // Exits once the answer is out: nothing else must keep the process (and its port) alive.
      process.send?.({ type: "stopped" }, () => process.exit(0));
  }
});
